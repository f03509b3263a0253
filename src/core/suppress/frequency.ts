import { type CodedCombos, projector } from './coded.ts';

/**
 * sdcMicro's sample frequency fk (freqCalc, alpha = 1) of every combination, with masks
 * overriding which keys count as present: a missing key matches any value, so fk counts every
 * record that agrees wherever both have a value — except that records with every key missing
 * do not count for complete keys (when there is more than one key), and a record with every
 * key missing has fk = all records. Same definition as src/core/risk/sdc-freq.ts (which does it
 * in SQL, with weights and alpha); here in memory for the suppression loop and its checks.
 *
 * Method: combinations are grouped by mask; for each ordered pair of masks (p, q) the q-group is
 * summed per value of the shared keys p ∩ q and looked up from every p-combination.
 */
export function wildcardFrequencies(c: CodedCombos, masks: Uint32Array = c.masks): Float64Array {
  const m = c.counts.length;
  const full = c.keys >= 32 ? 0xffffffff : 2 ** c.keys - 1;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < m; i++) {
    const list = groups.get(masks[i]);
    if (list) list.push(i);
    else groups.set(masks[i], [i]);
  }
  const fk = new Float64Array(m);
  for (const [p, targets] of groups) {
    if (p === 0) {
      for (const i of targets) fk[i] = c.records;
      continue;
    }
    for (const [q, sources] of groups) {
      if (p === full && q === 0 && c.keys > 1) continue;
      const shared = (p & q) >>> 0;
      const key = projector(c, shared);
      const sums = new Map<number | string, number>();
      for (const j of sources) {
        const k = key(j);
        sums.set(k, (sums.get(k) ?? 0) + c.counts[j]);
      }
      for (const i of targets) fk[i] += sums.get(key(i)) ?? 0;
    }
  }
  return fk;
}

/** Records whose frequency is below k. */
export function recordsBelow(c: CodedCombos, fk: Float64Array, k: number): number {
  let n = 0;
  for (let i = 0; i < fk.length; i++) if (fk[i] < k) n += c.counts[i];
  return n;
}
