import type { ClassSizeHistogram } from '../types.ts';
import { ARX_SOLVER, solveNewton, type NewtonSettings, type System2, type Vec2 } from './newton.ts';
import { digamma, gamma, logGamma, trigamma } from './special.ts';

/**
 * Population uniques under Pitman's sampling model (Hoshino 2001), as ARX's ModelPitman:
 * maximum-likelihood θ (theta) and α (alpha) by Newton–Raphson from a moment-based start,
 * first with closed forms in digamma/trigamma, re-solved with the exact sums whenever the
 * closed-form root fails or does not satisfy the exact equations; then
 * uniques = Γ(θ+1)/Γ(θ+α) · N^α. NaN when no valid estimate exists.
 */
export function pitmanUniques(h: ClassSizeHistogram, population: number, settings: NewtonSettings = ARX_SOLVER): number {
  return pitmanEstimate(h, population, settings).uniques;
}

/** The fitted parameters with the estimate (θ, α are NaN when no try converged). */
export function pitmanEstimate(
  h: ClassSizeHistogram,
  population: number,
  settings: NewtonSettings = ARX_SOLVER,
): { theta: number; alpha: number; uniques: number } {
  const c1 = classesOfSize(h, 1);
  let c2 = classesOfSize(h, 2);
  const u = h.entries.reduce((s, [, c]) => s + c, 0);
  const n = h.records;

  // Moment-based start as in ARX; with no classes of size 2 it takes 1 (an overestimate) to stay finite.
  c2 = c2 !== 0 ? c2 : 1;
  const c = (c1 * (c1 - 1)) / c2;
  const t = (n * u * c - c1 * (n - 1) * (2 * u + c)) / (2 * c1 * u + c1 * c - n * c);
  const a = (t * (c1 - n) + (n - 1) * c1) / (n * u);

  const thetaNonNegative = (p: Vec2) => p.x >= 0;
  let root = solveNewton(closedForm(h, u, n), { x: t, y: a }, settings, thetaNonNegative);
  const exact = exactSums(h, u, n);
  if (Number.isNaN(root.x) || Number.isNaN(root.y)) {
    root = solveNewton(exact, { x: t, y: a }, settings, thetaNonNegative);
  } else {
    const check = exact(root, false).f;
    if (
      Number.isNaN(check.x) ||
      Number.isNaN(check.y) ||
      Math.abs(check.x) > settings.accuracy ||
      Math.abs(check.y) > settings.accuracy
    ) {
      root = solveNewton(exact, { x: t, y: a }, settings, thetaNonNegative);
    }
  }
  return { theta: root.x, alpha: root.y, uniques: uniquesFromRoot(root, population) };
}

function classesOfSize(h: ClassSizeHistogram, size: number): number {
  return h.entries.find(([s]) => s === size)?.[1] ?? 0;
}

/** Likelihood equations and Jacobian with the sums over i < u and i < n in closed form. */
function closedForm(h: ClassSizeHistogram, u: number, n: number): System2 {
  return ({ x: t, y: a }) => {
    const v0 = u - 1;
    const v1 = digamma(v0 + t / a + 1);
    const v2 = trigamma((a + t + a * v0) / a);
    const v3 = trigamma(t / a + 1);
    const v4 = digamma(t / a + 1);
    const v5 = a * a;
    const d1 = (v3 - v2) / v5;
    const d5 = (a * v1 + t * v2 - a * v4 - t * v3) / (v5 * a);
    const d3 = (v5 * v0 - t * t * v2 + t * t * v3 - 2 * a * t * v1 + 2 * a * t * v4) / (v5 * v5);
    const o1 = (v1 - v4) / a;
    const o3 = (-t * v1 + a * v0 + t * v4) / (a * a);
    const o2 = digamma(n + t) - digamma(t + 1);
    const d2 = trigamma(t + 1) - trigamma(n + t);
    let d4 = 0;
    let o4 = 0;
    const v6 = digamma(1 - a);
    const v7 = trigamma(1 - a);
    for (const [size, count] of h.entries) {
      if (size !== 1) {
        d4 += count * (v7 - trigamma(size - a));
        o4 += count * (digamma(size - a) - v6);
      }
    }
    return { f: { x: o1 - o2, y: o3 - o4 }, jacobian: { x1: d2 - d1, x2: 0 - d5, y1: 0 - d5, y2: 0 - d3 - d4 } };
  };
}

/** The same equations as explicit sums; with jacobian=false only the equations (for the check). */
function exactSums(h: ClassSizeHistogram, u: number, n: number) {
  return ({ x: t, y: a }: Vec2, jacobian = true) => {
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    let d4 = 0;
    let d5 = 0;
    let o1 = 0;
    let o2 = 0;
    let o3 = 0;
    let o4 = 0;
    for (let i = 1; i < u; i++) {
      const v0 = t + i * a;
      const v1 = 1 / v0;
      o1 += v1;
      o3 += i * v1;
      if (jacobian) {
        const v3 = 1 / (v0 * v0);
        const v4 = i * v3;
        d1 += v3;
        d5 += v4;
        d3 += i * v4;
      }
    }
    for (const [size, count] of h.entries) {
      if (size !== 1) {
        let s1 = 0;
        let s2 = 0;
        for (let j = 1; j < size; j++) {
          const v = j - a;
          if (jacobian) s1 += 1 / (v * v);
          s2 += 1 / v;
        }
        d4 += count * s1;
        o4 += count * s2;
      }
    }
    for (let i = 1; i < n; i++) {
      const v0 = t + i;
      if (jacobian) d2 += 1 / (v0 * v0);
      o2 += 1 / v0;
    }
    return { f: { x: o1 - o2, y: o3 - o4 }, jacobian: { x1: d2 - d1, x2: 0 - d5, y1: 0 - d5, y2: 0 - d3 - d4 } };
  };
}

/** Γ(θ+1)/Γ(θ+α)·N^α, by log-gamma and by gamma; the larger of the results within [0, N]. */
function uniquesFromRoot({ x: t, y: a }: Vec2, population: number): number {
  if (Number.isNaN(a) || Number.isNaN(t) || a === 0) return NaN;
  const inRange = (v: number) => (v >= 0 && v <= population ? v : NaN);
  const viaLog = inRange(Math.exp(logGamma(t + 1) - logGamma(t + a)) * Math.pow(population, a));
  const viaGamma = inRange((gamma(t + 1) / gamma(t + a)) * Math.pow(population, a));
  if (Number.isNaN(viaLog)) return viaGamma;
  if (Number.isNaN(viaGamma)) return viaLog;
  return Math.max(viaLog, viaGamma);
}
