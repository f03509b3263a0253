import type { ClassSizeHistogram } from '../types.ts';
import { ARX_SOLVER, solveNewton, type NewtonSettings, type System2 } from './newton.ts';

/**
 * Population uniques under the slide negative binomial model (Chen & Keller-McNulty 1998), as
 * ARX's ModelSNB: the number of non-empty population classes K by Haas/Shlosser's estimator,
 * then α and β solved by Newton–Raphson from (1, 1) so the model reproduces the observed
 * classes of size 1 and 2; uniques = K·β^α.
 */
export function snbUniques(h: ClassSizeHistogram, population: number, settings: NewtonSettings = ARX_SOLVER): number {
  return snbEstimate(h, population, settings).uniques;
}

/** K, the fitted α and β (NaN when no try converged) and the estimate. */
export function snbEstimate(
  h: ClassSizeHistogram,
  population: number,
  settings: NewtonSettings = ARX_SOLVER,
): { k: number; alpha: number; beta: number; uniques: number } {
  const c1 = classesOfSize(h, 1);
  const c2 = classesOfSize(h, 2);
  const f = h.records / population;
  const k = shlosser(h, c1, f);
  const root = solveNewton(system(k, f, c1, c2), { x: 1, y: 1 }, settings);
  return { k, alpha: root.x, beta: root.y, uniques: k * Math.pow(root.y, root.x) };
}

function classesOfSize(h: ClassSizeHistogram, size: number): number {
  return h.entries.find(([s]) => s === size)?.[1] ?? 0;
}

/** Shlosser's estimate of the number of non-empty classes in the population (Haas et al. 1995). */
function shlosser(h: ClassSizeHistogram, n1: number, f: number): number {
  const classes = h.entries.reduce((s, [, c]) => s + c, 0);
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  let v4 = 0;
  const f2 = f * f;
  for (const [size, count] of h.entries) {
    const w = Math.pow(1 - f, size) * count;
    v1 += size * f2 * Math.pow(1 - f2, size - 1) * count;
    v2 += w * Math.pow(1 + f, size) - 1;
    v3 += w;
    v4 += size * f * Math.pow(1 - f, size - 1) * count;
  }
  return classes + n1 * (v1 / v2) * (v3 / v4) * (v3 / v4);
}

/** The two moment equations (classes of size 1 and 2) and their partial derivatives in α, β. */
function system(k: number, f: number, c1: number, c2: number): System2 {
  return ({ x: a, y: b }) => {
    const dividend = (1 - f) * (1 - b);
    const eq1 = k * f * Math.pow(b / (1 - dividend), a) * ((a * dividend) / (1 - dividend) + 1) - c1;
    const eq2 =
      ((k * a * Math.pow(b, a) * (f * f) * (1 - b)) / 2) * Math.pow(1 - dividend, a + 2) * (2 - (1 - a) * dividend) -
      c2;

    const u0 = (b - 1) * (f - 1);
    const u1 = u0 - 1;
    const u2 = 1 - u0;
    const u3 = (a * u0) / u1 - 1;
    const u4 = Math.pow(-b / u1, a);
    const u6 = Math.pow(f, 2);
    const u7 = Math.pow(b, a);
    const u8 = u7 * u6 * k;
    const u9 = a * u8;
    const u10 = 2 * Math.pow(u2, a + 2);
    const u11 = Math.pow(u1, 2);
    const u13 = f * k;
    const u14 = f - 1;
    const u15 = a - 1;
    const u16 = b - 1;
    const u17 = u15 * u0;
    const u18 = u6 * k;
    const u19 = u17 + 2;
    const u20 = u18 * u19;
    const x1 = -u13 * Math.log(-b / u1) * u3 * u4 - (u13 * u4 * u0) / u1;
    const x2 =
      a * u13 * (1 / u1 - (b * u14) / u11) * u3 * Math.pow(-b / u1, u15) -
      u13 * u4 * ((a * u14) / u1 - (a * u16 * Math.pow(u14, 2)) / u11);
    const y1 =
      (u9 * Math.log(u2) * u19 * u16) / u10 -
      (u9 * Math.pow(u16, 2) * u14) / u10 -
      (u7 * u20 * u16) / u10 -
      (a * u7 * u18 * Math.log(b) * u19 * u16) / u10;
    const y2 =
      -(u9 * u19) / u10 -
      (Math.pow(a, 2) * Math.pow(b, u15) * u20 * u16) / u10 -
      (a * u7 * u18 * u17) / u10 -
      (a * u7 * u20 * (a + 2) * u0) / (2 * Math.pow(u2, a + 3));
    return { f: { x: eq1, y: eq2 }, jacobian: { x1, x2, y1, y2 } };
  };
}
