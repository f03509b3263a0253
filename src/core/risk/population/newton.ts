/**
 * Two-dimensional Newton–Raphson with the behaviour of the solver ARX ships
 * (de.linearbits newtonraphson, configured by ARXSolverConfiguration's defaults):
 * accuracy 1e-6 on both equations, up to 1000 iterations per try, and after the caller's start
 * value fails, 16 prepared start values {0, .33, .66, .99}². The last prepared value gets a
 * single step (the solver stops as soon as it has consumed the list). ARX's wall-clock limits
 * (100 ms per try, 1 s in total) are left out so results do not depend on machine speed.
 */

export interface Vec2 {
  x: number;
  y: number;
}

/** Row-major 2×2 Jacobian: [[x1, x2], [y1, y2]]. */
export interface Mat2 {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

export interface NewtonSettings {
  accuracy: number;
  iterationsPerTry: number;
  startValues: readonly (readonly [number, number])[];
}

export const ARX_SOLVER: NewtonSettings = {
  accuracy: 1e-6,
  iterationsPerTry: 1000,
  startValues: preparedStartValues(),
};

function preparedStartValues(): [number, number][] {
  const out: [number, number][] = [];
  // Accumulated like ARX's loop (not multiplied), so the doubles are the same.
  for (let a = 0; a < 1; a += 0.33) for (let b = 0; b < 1; b += 0.33) out.push([a, b]);
  return out;
}

/** Evaluates both equations and their Jacobian at a point. */
export type System2 = (p: Vec2) => { f: Vec2; jacobian: Mat2 };

/** Returns the root, or {NaN, NaN} when no try converged. */
export function solveNewton(
  system: System2,
  start: Vec2,
  settings: NewtonSettings = ARX_SOLVER,
  feasible: (p: Vec2) => boolean = () => true,
): Vec2 {
  const prepared = settings.startValues;
  const totalLimit = (prepared.length + 1) * settings.iterationsPerTry;
  let total = 0;
  let next = 0;
  let first = true;
  while (total <= totalLimit) {
    const p: Vec2 = first ? { ...start } : { x: prepared[next][0], y: prepared[next++][1] };
    first = false;
    let steps = 0;
    for (;;) {
      total++;
      const { f, jacobian: j } = system(p);
      if (Math.abs(f.x) <= settings.accuracy && Math.abs(f.y) <= settings.accuracy) return p;
      // p -= J⁻¹ f, with the inverse and product written out in ARX's operation order.
      const scale = 1 / (j.x1 * j.y2 - j.x2 * j.y1);
      const i1 = j.y2 * scale;
      const i2 = -j.x2 * scale;
      const i3 = -j.y1 * scale;
      const i4 = j.x1 * scale;
      const dx = i1 * f.x + i2 * f.y;
      const dy = i3 * f.x + i4 * f.y;
      p.x -= dx;
      p.y -= dy;
      if (next === prepared.length) return { x: NaN, y: NaN };
      if (!feasible(p)) break;
      if (Number.isNaN(p.x) || Number.isNaN(p.y) || steps++ >= settings.iterationsPerTry) break;
    }
  }
  return { x: NaN, y: NaN };
}
