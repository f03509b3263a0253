import { TokumeiError } from '../errors.ts';
import { bits, codeCombos, type CodedCombos } from './coded.ts';
import { wildcardFrequencies } from './frequency.ts';
import { MatchIndex } from './match-index.ts';
import type { CellSuppressionOptions, CellSuppressionResult, KeyCombos } from './types.ts';

/**
 * Local (cell) suppression to k-anonymity, like sdcMicro's localSuppression: key values are
 * set to missing until every record has at least k matches, where a missing value matches
 * anything (sdcMicro's frequency definition, see frequency.ts). Aims at few blanked cells,
 * weighted by importance.
 *
 * Greedy with exact bookkeeping: the combinations at risk are taken rarest first; each gets the
 * cheapest set of blanks that lifts its own frequency to k given the blanks made so far (among
 * equally cheap sets, the one with the most matches). Blanking never lowers anyone else's
 * frequency (a missing value only adds matches) unless a record loses every key, so earlier
 * decisions stay valid. A second pass then puts back every blanked cell whose removal keeps all
 * records k-anonymous: later blanks often make earlier ones unnecessary.
 */
export function localSuppression(combos: KeyCombos, opts: CellSuppressionOptions): CellSuppressionResult {
  const start = performance.now();
  const { k } = opts;
  if (!(Number.isInteger(k) && k >= 2)) throw new TokumeiError('search.cell.invalidK', { k });
  const c = codeCombos(combos);
  if (c.records < k) throw new TokumeiError('search.cell.tooFewRecords', { records: c.records, k });
  const cost = combos.keys.map((key) => {
    const w = opts.importance?.[key] ?? 1;
    if (!(w > 0 && Number.isFinite(w))) throw new TokumeiError('search.cell.invalidImportance', { column: key, value: String(w) });
    return w;
  });

  // Ties are broken by the values themselves, so the result does not depend on input order.
  const rank = canonicalRank(combos);
  const before = wildcardFrequencies(c);
  let recordsAtRiskBefore = 0;
  const risky: number[] = [];
  for (let i = 0; i < before.length; i++) {
    if (before[i] < k) {
      risky.push(i);
      recordsAtRiskBefore += c.counts[i];
    }
  }
  // Rarest first; among equally rare, fewer records first (their blanks are cheaper).
  risky.sort((a, b) => before[a] - before[b] || c.counts[a] - c.counts[b] || rank[a] - rank[b]);

  const index = new MatchIndex(c);
  const choices = new ChoiceCache(cost);
  let done = 0;
  const fix = (i: number) => {
    const current = index.masks[i];
    if (index.frequency(i, current) >= k) return;
    for (const level of choices.levels(current)) {
      let bestMask = -1;
      let bestFk = -1;
      for (const mask of level) {
        const fk = index.frequency(i, mask);
        if (fk >= k && fk > bestFk) {
          bestFk = fk;
          bestMask = mask;
        }
      }
      if (bestMask >= 0) {
        index.setMask(i, bestMask);
        return;
      }
    }
  };
  // Blanking every key of a record can lower others' frequencies (such records do not count for
  // complete keys), so repeat until nobody is below k. A record can only fall below k again if
  // another lost its last key in the round before, which happens at most once per combination.
  for (let round = 0; ; round++) {
    for (const i of risky) {
      fix(i);
      if (++done % 256 === 0) opts.onProgress?.({ done, total: risky.length });
    }
    const fk = index.frequencies();
    risky.length = 0;
    for (let i = 0; i < fk.length; i++) if (fk[i] < k) risky.push(i);
    risky.sort((a, b) => fk[a] - fk[b] || rank[a] - rank[b]);
    if (risky.length === 0) break;
    if (round > c.counts.length) throw new Error('cell suppression did not converge');
  }

  restore(c, index, k, cost, rank);

  const fk = index.frequencies();
  let minFrequency = Infinity;
  for (let i = 0; i < fk.length; i++) minFrequency = Math.min(minFrequency, fk[i]);
  const blanked = new Uint32Array(c.masks.length);
  const byKey: Record<string, number> = Object.fromEntries(combos.keys.map((key) => [key, 0]));
  let suppressedCells = 0;
  for (let i = 0; i < blanked.length; i++) {
    const b = (c.masks[i] & ~index.masks[i]) >>> 0;
    blanked[i] = b;
    if (b === 0) continue;
    suppressedCells += bits(b) * c.counts[i];
    for (let d = 0; d < c.keys; d++) if (b & (1 << d)) byKey[combos.keys[d]] += c.counts[i];
  }
  return { blanked, suppressedCells, byKey, recordsAtRiskBefore, minFrequency, ms: performance.now() - start };
}

/**
 * Puts blanked cells back where that keeps everyone at k or more: tentatively restore, recompute
 * the frequencies of the records the change can lower (the combination itself and those it
 * matched only through the blank), undo if any falls below k. Most expensive blanks first.
 */
function restore(c: CodedCombos, index: MatchIndex, k: number, cost: number[], rank: Int32Array): void {
  const candidates: { i: number; d: number }[] = [];
  for (let i = 0; i < c.masks.length; i++) {
    const b = (c.masks[i] & ~index.masks[i]) >>> 0;
    for (let d = 0; d < c.keys; d++) if (b & (1 << d)) candidates.push({ i, d });
  }
  candidates.sort((x, y) => cost[y.d] - cost[x.d] || c.counts[y.i] - c.counts[x.i] || rank[x.i] - rank[y.i] || x.d - y.d);
  for (const { i, d } of candidates) {
    const from = index.masks[i];
    const to = (from | (1 << d)) >>> 0;
    if (index.frequency(i, to) < k) continue;
    index.setMask(i, to);
    if (!othersStillSafe(c, index, i, d, from, k)) index.setMask(i, from);
  }
}

/**
 * After combination i regained key d: the records that matched i before but no longer do are
 * those with a value on d other than i's that agreed with i on every key both had; each must
 * still have k matches.
 */
function othersStillSafe(c: CodedCombos, index: MatchIndex, i: number, d: number, before: number, k: number): boolean {
  const code = c.codes[d][i];
  const full = 2 ** c.keys - 1;
  for (const q of index.groups()) {
    if (!(q & (1 << d))) continue;
    // A record with every key missing never counted for complete keys.
    if (before === 0 && q === full && c.keys > 1) continue;
    for (const j of index.matching(q, (before & q) >>> 0, i)) {
      if (j === i || c.codes[d][j] === code) continue;
      if (index.frequency(j, q) < k) return false;
    }
  }
  return true;
}

/** Position of each combination when sorted by its values (missing first, then by code unit). */
function canonicalRank(combos: KeyCombos): Int32Array {
  const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  const order = combos.values.map((_, i) => i);
  order.sort((x, y) => {
    const a = combos.values[x];
    const b = combos.values[y];
    for (let d = 0; d < a.length; d++) {
      const r = cmp(a[d], b[d]);
      if (r !== 0) return r;
    }
    return 0;
  });
  const rank = new Int32Array(order.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/** For each mask, the masks reachable by blanking, grouped by equal cost, cheapest first. */
class ChoiceCache {
  private readonly cache = new Map<number, number[][]>();
  constructor(private readonly cost: number[]) {}

  levels(mask: number): number[][] {
    let levels = this.cache.get(mask);
    if (levels) return levels;
    const options: { mask: number; cost: number }[] = [];
    // Every non-empty subset b of the present keys; the result keeps mask & ~b.
    for (let b = mask; b > 0; b = (b - 1) & mask) {
      let cst = 0;
      for (let d = 0; d < this.cost.length; d++) if (b & (1 << d)) cst += this.cost[d];
      options.push({ mask: (mask & ~b) >>> 0, cost: cst });
    }
    options.sort((x, y) => x.cost - y.cost || y.mask - x.mask);
    levels = [];
    for (const o of options) {
      const last = levels[levels.length - 1];
      if (last && this.costOf(mask, last[0]) === o.cost) last.push(o.mask);
      else levels.push([o.mask]);
    }
    this.cache.set(mask, levels);
    return levels;
  }

  private costOf(mask: number, kept: number): number {
    let cst = 0;
    const b = (mask & ~kept) >>> 0;
    for (let d = 0; d < this.cost.length; d++) if (b & (1 << d)) cst += this.cost[d];
    return cst;
  }
}
