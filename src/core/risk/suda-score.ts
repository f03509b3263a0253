/**
 * sdcMicro's SUDA2 scoring (src/Suda2.h, R/suda2.R), with M the number of key variables as
 * the C++ code sees them (at least 3: the R wrapper pads 1 or 2 variables with constant
 * dummy columns).
 */

/**
 * Weight of one MSU of `size` variables. original (sdcMicro's default, Elliot et al.):
 * (M − size)!. Otherwise the older IHSN weighting (2^(M−size) − 1) · size! (M−size)! / M!.
 */
export function msuWeight(size: number, m: number, original: boolean): number {
  if (original) {
    let r = 1;
    for (let j = size; j < m; j++) r *= m - j;
    return r;
  }
  const fact = (k: number) => {
    let f = 1;
    for (let i = 2; i <= k; i++) f *= i;
    return f;
  };
  return (2 ** (m - size) - 1) * ((fact(size) * fact(m - size)) / fact(m));
}

/**
 * DIS-SUDA scores. sdcMicro computes the DIS probability in single precision (C++ float), so
 * those steps are rounded with Math.fround to give the same numbers:
 *   Dis = U·f / (U·f + P·(1 − f)),  Q = 1 + (8 − M)/20,
 *   dis(r) = 1 / (1 + (U/Dis − U) / (score(r)^Q · Σ_{score>0} score^−Q))   (0 where score = 0)
 * U = records unique on all keys, P = records in pairs (classes of exactly 2 on all keys),
 * f the sampling fraction (DisFraction; 0 means sdcMicro's fallback 0.5).
 */
export function disScores(scores: Float64Array, uniques: number, pairRecords: number, m: number, disFraction: number): Float64Array {
  const f32 = Math.fround;
  const f = f32(disFraction === 0 ? 0.5 : disFraction);
  const uf = f32(f32(uniques) * f);
  const dis = f32(uf / f32(uf + f32(f32(pairRecords) * f32(1 - f))));
  const q = f32(1 + f32((8 - m) / 20));
  let adj = 0;
  for (const s of scores) if (s) adj += 1 / s ** q;
  const num = f32(f32(uniques / dis) - uniques);
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    out[i] = s ? 1 / (1 + num / (s ** q * adj)) : 0;
  }
  return out;
}
