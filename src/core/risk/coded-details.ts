import type { ClassIds, CodedRelation } from './class-engine.ts';
import { TokumeiError } from '../errors.ts';
import type { LDiversityResult } from './ldiversity.ts';
import { individualRisk, type SdcRiskSummary } from './sdc-indiv-risk.ts';
import type { TClosenessResult } from './tcloseness.ts';

/**
 * The details card's figures (recursive l-diversity, t-closeness, sdcMicro's individual risk)
 * computed from dictionary codes and class ids, with the same answers as ldiversity.ts,
 * tcloseness.ts and sdc-indiv-risk.ts give on the release view. Those files define the figures;
 * this one only replaces the hash aggregates over a million rows by counting sorts on typed arrays.
 */

/** Which classes are released (1) — classes of records suppressed by ARX's record suppression are 0. Length = ids.classes. */
export type ReleasedClasses = Uint8Array;

/** Key bits fit a 32-bit mask, as in sdc-freq.ts. */
const MAX_KEYS = 30;

/**
 * Released records' released sensitive codes grouped by class, in one counting-sort pass (the
 * class sizes are known): class c's codes are values[start[c] … start[c + 1] − 1], suppressed
 * classes empty. `reference` counts every kept record's code (suppressed ones included).
 */
interface ClassValues {
  start: Int32Array;
  values: Int32Array;
  reference: Float64Array;
}

/**
 * The grouping l-diversity and t-closeness share, kept for the last (ids, released, sensitive
 * column) seen: the details card asks for both on the same classes, and the scatter over a
 * million records is the larger part of either. Checked against copies, so a changed array is
 * never mistaken for the same one.
 */
const lastGrouping = new WeakMap<ClassIds, { released: Uint8Array; codes: Int32Array; map: Int32Array; mapCopy: Int32Array; grouped: ClassValues }>();

function groupByClass(rel: CodedRelation, ids: ClassIds, released: ReleasedClasses): ClassValues {
  const { codes, map, size } = rel.sensitive!;
  const known = lastGrouping.get(ids);
  if (known && known.codes === codes && known.map === map && same(known.released, released) && same(known.mapCopy, map)) return known.grouped;
  const id = ids.ids;
  const classes = ids.classes;
  const start = new Int32Array(classes + 1);
  for (let c = 0; c < classes; c++) start[c + 1] = start[c] + (released[c] ? ids.sizes[c] : 0);
  const values = new Int32Array(start[classes]);
  const reference = new Float64Array(size);
  const put = start.slice(0, classes);
  for (let r = 0; r < id.length; r++) {
    const c = id[r];
    if (c < 0) continue;
    const v = map[codes[r]];
    reference[v]++;
    if (released[c]) values[put[c]++] = v;
  }
  const grouped = { start, values, reference };
  lastGrouping.set(ids, { released: released.slice(), codes, map, mapCopy: map.slice(), grouped });
  return grouped;
}

function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One class's distinct values and their frequencies: values[from … to − 1] mapped by `bucketOf`
 * (when given) are counted in `freq`, the m distinct ones listed in `seen`. The caller reads
 * freq[seen[i]] and clears it.
 */
function tally(values: Int32Array, from: number, to: number, bucketOf: Int32Array | null, freq: Int32Array, seen: Int32Array): number {
  let m = 0;
  if (bucketOf === null) {
    for (let j = from; j < to; j++) {
      const v = values[j];
      if (freq[v]++ === 0) seen[m++] = v;
    }
  } else {
    for (let j = from; j < to; j++) {
      const v = bucketOf[values[j]];
      if (freq[v]++ === 0) seen[m++] = v;
    }
  }
  return m;
}

/** Ascending sort of a[0 … m − 1]: insertion for the usual handful, the built-in beyond. */
function sortSmall(a: Int32Array, m: number): void {
  if (m > 16) {
    a.subarray(0, m).sort();
    return;
  }
  for (let i = 1; i < m; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

function sensitiveOf(rel: CodedRelation) {
  if (!rel.sensitive) throw new Error('l-diversity and t-closeness need a sensitive column');
  return rel.sensitive;
}

/** measureLDiversity's answer (distinct, entropy, recursive(c)) on the released classes; attribute = name given. */
export function codedLDiversity(rel: CodedRelation, ids: ClassIds, released: ReleasedClasses, attribute: string, recursiveC?: number): LDiversityResult {
  const c = recursiveC;
  if (c !== undefined && !(c > 0 && Number.isFinite(c))) throw new TokumeiError('riskSdc.error.recursiveC', { c });
  const s = sensitiveOf(rel);
  const { start, values } = groupByClass(rel, ids, released);
  const freq = new Int32Array(s.size);
  const seen = new Int32Array(s.size);
  const f = new Int32Array(s.size);

  let classes = 0;
  let distinct = Infinity;
  let h = Infinity;
  let rec = Infinity;
  for (let k = 0; k < ids.classes; k++) {
    const from = start[k];
    const to = start[k + 1];
    if (from === to) continue;
    classes++;
    const n = to - from;
    const m = tally(values, from, to, null, freq, seen);
    let sf = 0;
    for (let i = 0; i < m; i++) {
      const x = freq[seen[i]];
      freq[seen[i]] = 0;
      sf += x * Math.log2(x);
      f[i] = x;
    }
    if (m < distinct) distinct = m;
    const hk = Math.log2(n) - sf / n;
    if (hk < h) h = hk;
    if (c !== undefined && rec > 0) rec = Math.min(rec, recursiveL(f, m, n, c));
  }
  return {
    attribute,
    classes,
    distinct: classes ? distinct : null,
    entropy: classes ? 2 ** h : null,
    recursive: c === undefined || !classes ? null : { c, l: rec },
  };
}

/**
 * One class's recursive l: the largest l with r1 < c·(r_l + … + r_m), 0 when none. The tail sum
 * only shrinks as l grows, so the l that pass are 1 … l. `freq` holds the m frequencies (reordered).
 */
function recursiveL(freq: Int32Array, m: number, n: number, c: number): number {
  sortSmall(freq, m);
  // Ascending now: r1 is the last, r_l the (m − l)-th.
  const r1 = freq[m - 1];
  let tail = n;
  let l = 0;
  for (let i = m - 1; i >= 0; i--) {
    // The same comparison as the SQL: an integer tail times c (exact for an integer c, one rounding otherwise).
    if (!(r1 < c * tail)) break;
    l++;
    tail -= freq[i];
  }
  return l;
}

/**
 * Integers below this are summed and multiplied in doubles (an exact sum of two stays below
 * 2^53); a product or running sum that could reach it goes to BigInt. See classDistances.
 */
const EXACT_LIMIT = 2 ** 52;

/** The reference distribution in value order: counts, and prefix sums of the cumulative counts. */
interface Reference {
  /** Kept records. */
  N: number;
  /** Distinct values among them. */
  m: number;
  /** Per order position o: g[o] records. */
  g: Float64Array;
  /** qc[o + 1] = records with a value up to o; qc[0] = 0. */
  qc: Float64Array;
  /** sq[o + 1] = Σ qc up to o; sq[0] = 0. Exact while N·m stays below the limit; otherwise sqBig holds them. */
  sq: Float64Array;
  sqBig: BigInt64Array | null;
  /** Where to look for a share: lastLE[j] ≈ the last o with qc[o + 1] ≤ j·N/B (−1 when none), B = lastLE.length − 1. Only a hint. */
  lastLE: Int32Array;
}

/** Buckets of the split-point hint: a few positions per bucket, and small enough to stay in cache. */
const HINT_BUCKETS = 8192;

/**
 * measureTCloseness's answer: class distributions over released classes; reference distribution =
 * ALL kept records (suppressed classes included, ids[r] >= 0), as assess.ts passes globalRelation =
 * the marked table. `rank` = per released sensitive code, its place in the value order
 * (releasedLabels(...).rank). `tuning` lowers the bounds above which a class (exactLimit) or a
 * run and running sum within a class (sumLimit) is summed in BigInt: tests use it to reach those
 * paths, which real data reaches only with tens of millions of records.
 */
export function codedTCloseness(
  rel: CodedRelation,
  ids: ClassIds,
  released: ReleasedClasses,
  attribute: string,
  rank: Int32Array,
  tuning: { exactLimit?: number; sumLimit?: number } = {},
): TClosenessResult {
  const s = sensitiveOf(rel);
  const limit = tuning.exactLimit ?? EXACT_LIMIT;
  const sumLimit = Math.min(tuning.sumLimit ?? EXACT_LIMIT, EXACT_LIMIT);
  // Reference counts per released code over every kept record, gathered with the classes.
  const { start, values, reference: count } = groupByClass(rel, ids, released);
  let N = 0;
  for (let v = 0; v < s.size; v++) N += count[v];
  const present = byRank(count, rank);
  const m = present.length;
  const bucketOf = new Int32Array(s.size).fill(-1);
  const ref: Reference = { N, m, g: new Float64Array(m), qc: new Float64Array(m + 1), sq: new Float64Array(m + 1), sqBig: null, lastLE: new Int32Array(HINT_BUCKETS + 1) };
  present.forEach((v, o) => {
    bucketOf[v] = o;
    ref.g[o] = count[v];
    ref.qc[o + 1] = ref.qc[o] + count[v];
    ref.sq[o + 1] = ref.sq[o] + ref.qc[o + 1];
  });
  if (N * Math.max(m, 1) >= limit) {
    // Σ QC could leave the exact doubles (N·m ≥ 2^52: tens of millions of records and values).
    const sqBig = new BigInt64Array(m + 1);
    for (let o = 0; o < m; o++) sqBig[o + 1] = sqBig[o] + BigInt(ref.qc[o + 1]);
    ref.sqBig = sqBig;
  }
  for (let j = 0, o = -1; j <= HINT_BUCKETS; j++) {
    const level = (j * N) / HINT_BUCKETS;
    while (o + 1 < m && ref.qc[o + 2] <= level) o++;
    ref.lastLE[j] = o;
  }

  const freq = new Int32Array(m);
  const seen = new Int32Array(m);
  let classes = 0;
  let eq = -Infinity;
  let od = -Infinity;
  const out = new Float64Array(2);
  for (let k = 0; k < ids.classes; k++) {
    const from = start[k];
    const to = start[k + 1];
    if (from === to) continue;
    classes++;
    const n = to - from;
    const kinds = tally(values, from, to, bucketOf, freq, seen);
    sortSmall(seen, kinds);
    if (n * N < limit && ref.sqBig === null) classDistances(ref, seen, freq, kinds, n, sumLimit, out);
    else classDistancesBig(ref, seen, freq, kinds, n, out);
    for (let i = 0; i < kinds; i++) freq[seen[i]] = 0;
    // As the SQL divides: equal by 2·N·n, ordered by N·n (and by m − 1 once, below).
    const e = out[0] / (2 * N * n);
    const o = out[1] / (N * n);
    if (e > eq) eq = e;
    if (o > od) od = o;
  }
  return {
    attribute,
    classes,
    equalDistance: classes ? eq : null,
    orderedDistance: !classes ? null : m <= 1 ? 0 : od / (m - 1),
  };
}

/**
 * The codes present among the kept records (count > 0), in value order: by rank, the code
 * breaking a tie (which DuckDB's GROUP BY rules out). A counting sort when the ranks are the
 * small non-negative integers they should be.
 */
function byRank(count: Float64Array, rank: Int32Array): Int32Array {
  let m = 0;
  let top = -1;
  let valid = true;
  for (let v = 0; v < count.length; v++) {
    if (count[v] === 0) continue;
    m++;
    const r = rank[v];
    if (!(r >= 0)) valid = false;
    else if (r > top) top = r;
  }
  const out = new Int32Array(m);
  if (!valid || top > 4 * count.length + 1024) {
    const list: number[] = [];
    for (let v = 0; v < count.length; v++) if (count[v] > 0) list.push(v);
    list.sort((a, b) => rank[a] - rank[b] || a - b);
    out.set(list);
    return out;
  }
  const at = new Int32Array(top + 2);
  for (let v = 0; v < count.length; v++) if (count[v] > 0) at[rank[v] + 1]++;
  for (let r = 0; r <= top; r++) at[r + 1] += at[r];
  for (let v = 0; v < count.length; v++) if (count[v] > 0) out[at[rank[v]]++] = v;
  return out;
}

/**
 * One class's distances scaled by N·n, as exact integers: out[0] = Σ_v |f_v·N − g_v·n| over all
 * reference values (absent ones contribute g_v·n), out[1] = Σ_i |N·PC_i − n·QC_i| over the order
 * positions (PC, QC cumulative counts of class and reference). The class's k values are at the
 * positions seen[0] < … < seen[k − 1], freq[o] records each.
 *
 * Between two values present in the class PC is constant and QC only grows, so a run a … b
 * splits at x, the last i with n·QC_i ≤ N·PC, into N·PC·(x − a + 1) − n·(SQ_x − SQ_{a−1}) and
 * n·(SQ_b − SQ_x) − N·PC·(b − x), SQ the prefix sums of QC.
 *
 * Exactness: the caller keeps n·N and N·m below 2^52, so every |f·N − g·n|, N·PC, n·QC and SQ
 * is an exact double, and so is the equal distance's sum (at most 2·n·N). The ordered one can
 * reach (m − 1)·n·N: a run whose N·PC·len + n·ΔSQ (which bounds its sum) reaches `limit` (2^52)
 * is summed in BigInt, and the running sum moves into a BigInt whenever it reaches the limit,
 * so no double ever holds an inexact integer.
 */
function classDistances(ref: Reference, seen: Int32Array, freq: Int32Array, k: number, n: number, limit: number, out: Float64Array): void {
  const { N, m, g, qc, sq } = ref;
  let eq = 0;
  let covered = 0;
  let od = 0;
  let odBig = 0n;
  // Before the first present value PC = 0: Σ n·QC_i = n·SQ.
  const first = sq[seen[0]];
  if (n * first < limit) od = n * first;
  else odBig = BigInt(n) * BigInt(first);
  let pc = 0;
  for (let i = 0; i < k; i++) {
    const a = seen[i];
    const f = freq[a];
    const b = i + 1 < k ? seen[i + 1] - 1 : m - 1;
    const gv = g[a];
    eq += Math.abs(f * N - gv * n);
    covered += gv;
    pc += f;
    const P = N * pc;
    const x = split(ref, a, b, n, P);
    const sx = sq[x + 1];
    if (P * (b - a + 1) + n * (sq[b + 1] - sq[a]) < limit) {
      // The run's sum is at most N·PC·len + n·ΔSQ, so every step below is an exact double under 2^53.
      od += P * (x - a + 1) - n * (sx - sq[a]) + n * (sq[b + 1] - sx) - P * (b - x);
      if (od >= limit) (odBig += BigInt(od)), (od = 0);
    } else {
      const Pb = BigInt(P);
      const nb = BigInt(n);
      odBig += Pb * BigInt(x - a + 1) - nb * BigInt(sx - sq[a]) + nb * BigInt(sq[b + 1] - sx) - Pb * BigInt(b - x);
    }
  }
  eq += n * (N - covered);
  out[0] = eq;
  out[1] = odBig === 0n ? od : Number(odBig + BigInt(od));
}

/**
 * The last i in a … b with n·QC_i ≤ P (qc is shifted by one), else a − 1. The hint narrows the
 * search to the positions whose QC lies in the bucket of P/n; the answer is checked exactly, and
 * a plain binary search over a … b decides when the (floating) hint was off.
 */
function split(ref: Reference, a: number, b: number, n: number, P: number): number {
  const { qc, lastLE } = ref;
  const buckets = lastLE.length - 1;
  let j = Math.floor(((P / n) * buckets) / ref.N);
  if (j >= buckets) j = buckets - 1;
  if (j < 0) j = 0;
  let lo = Math.max(lastLE[j], a - 1) + 1;
  let hi = Math.min(lastLE[j + 1], b) + 1;
  if (lo > hi) lo = hi = lastLE[j] >= b ? b + 1 : a;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (n * qc[mid + 1] <= P) lo = mid + 1;
    else hi = mid;
  }
  const x = lo - 1;
  if ((x === a - 1 || n * qc[x + 1] <= P) && (x === b || n * qc[x + 2] > P)) return x;
  lo = a;
  hi = b + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (n * qc[mid + 1] <= P) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** classDistances entirely in BigInt, for classes where n·N (or N·m) leaves the exact doubles. */
function classDistancesBig(ref: Reference, seen: Int32Array, freq: Int32Array, k: number, size: number, out: Float64Array): void {
  const { m, g, qc, sq, sqBig } = ref;
  const SQ = (i: number) => (sqBig !== null ? sqBig[i] : BigInt(sq[i]));
  const N = BigInt(ref.N);
  const n = BigInt(size);
  const abs = (x: bigint) => (x < 0n ? -x : x);
  let eq = 0n;
  let covered = 0n;
  let od = n * SQ(seen[0]);
  let pc = 0n;
  for (let i = 0; i < k; i++) {
    const a = seen[i];
    const f = BigInt(freq[a]);
    const b = i + 1 < k ? seen[i + 1] - 1 : m - 1;
    const gv = BigInt(g[a]);
    eq += abs(f * N - gv * n);
    covered += gv;
    pc += f;
    const P = N * pc;
    let lo = a;
    let hi = b + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (n * BigInt(qc[mid + 1]) <= P) lo = mid + 1;
      else hi = mid;
    }
    const x = lo - 1;
    const sx = SQ(x + 1);
    od += P * BigInt(x - a + 1) - n * (sx - SQ(a)) + n * (SQ(b + 1) - sx) - P * BigInt(b - x);
  }
  eq += n * (N - covered);
  out[0] = Number(eq);
  out[1] = Number(od);
}

/** Neumaier's compensated sum, for what the SQL sums with fsum. */
class Sum {
  private s = 0;
  private c = 0;
  add(x: number): void {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** Neumaier sums kept in two arrays (value, compensation), one per slot. */
function addTo(sum: Float64Array, comp: Float64Array, i: number, x: number): void {
  const s = sum[i];
  const t = s + x;
  comp[i] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  sum[i] = t;
}

/**
 * summarizeSdcRisk(sdcFrequencies(...)) on the released records (ids[r] >= 0 && released[ids[r]]),
 * keys = rel.qis (released codes; a QI's nullCode is sdcMicro's wildcard NA with exactly the rules
 * in sdc-freq.ts, alpha 1), optional per-record weights (a NaN weight on a released record →
 * riskSdc.error.weightMissing). Same fields as SdcRiskSummary (ks and threshold as given).
 *
 * The hot loops live in small functions of their own: V8 then optimizes each one apart, and a
 * first call does not crawl through a big function's later loops in the interpreter.
 */
export function codedSdcRisk(
  rel: CodedRelation,
  ids: ClassIds,
  released: ReleasedClasses,
  opts: { threshold: number; ks: readonly number[]; weights?: Float64Array | null; weightName?: string },
): SdcRiskSummary {
  const { threshold, ks } = opts;
  if (!(threshold >= 0 && threshold <= 1)) throw new TokumeiError('riskSdc.error.threshold', { threshold });
  const K = rel.qis.length;
  if (K === 0) throw new TokumeiError('riskSdc.error.noKeys');
  if (K > MAX_KEYS) throw new TokumeiError('riskSdc.error.tooManyKeys', { count: K, max: MAX_KEYS });
  const weights = opts.weights ?? null;
  const weighted = weights !== null;

  // Combinations (sdc-freq.ts's combos) are the released classes: records agree on every released code.
  const comboOf = new Int32Array(ids.classes);
  const C = numberCombos(released, comboOf);
  const n = new Float64Array(C);
  const records = comboSizes(released, ids.sizes, comboOf, n);
  // A combination's codes are read off its first record; only needed where a key can be missing.
  const rep = rel.qis.some((q) => (q.nullCode ?? -1) >= 0) ? new Int32Array(C).fill(-1) : null;
  let w = n;
  if (weights !== null) {
    w = new Float64Array(C);
    const { missing, notPositive } = weightSums(ids.ids, released, comboOf, weights, w, rep);
    if (missing > 0) throw new TokumeiError('riskSdc.error.weightMissing', { column: opts.weightName ?? '', count: missing });
    if (notPositive > 0) throw new TokumeiError('riskSdc.error.weightNotPositive', { column: opts.weightName ?? '', count: notPositive });
  } else if (rep !== null) firstRecords(ids.ids, released, comboOf, rep);
  const below = new Float64Array(ks.length);
  const recordsBelowK = () => ks.map((k, i) => ({ k, records: below[i] }));
  if (records === 0) return { records: 0, keyCombinations: 0, weighted, recordsBelowK: recordsBelowK(), individualRisk: null };

  const { fk, Fk } = rep === null ? { fk: n, Fk: w } : frequencies(rel, rep, n, w);
  const risk = new Float64Array(C);
  const sums = risks(fk, Fk, n, risk, threshold);
  for (let i = 0; i < ks.length; i++) below[i] = recordsBelow(fk, n, ks[i]);

  // median and MAD over records: each combination counts n times.
  const md = weightedMedian(risk, n, records);
  const dev = new Float64Array(C);
  for (let k = 0; k < C; k++) dev[k] = Math.abs(risk[k] - md);
  const mad = 1.4826 * weightedMedian(dev, n, records);
  const hi = recordsOver(risk, n, md + 2 * mad);

  const er = sums.er;
  return {
    records,
    keyCombinations: C,
    weighted,
    recordsBelowK: recordsBelowK(),
    individualRisk: { max: sums.max, mean: er / records, expectedReidentifications: er, threshold, recordsAbove: sums.above, higherThanMainPart: hi },
  };
}

/** comboOf[c] = the released class's number among released classes (−1 for the others); returns how many. */
function numberCombos(released: ReleasedClasses, comboOf: Int32Array): number {
  let C = 0;
  for (let c = 0; c < comboOf.length; c++) comboOf[c] = released[c] ? C++ : -1;
  return C;
}

function comboSizes(released: ReleasedClasses, sizes: Int32Array, comboOf: Int32Array, n: Float64Array): number {
  let records = 0;
  for (let c = 0; c < comboOf.length; c++) if (released[c]) records += n[comboOf[c]] = sizes[c];
  return records;
}

/** Each combination's weight (compensated sums) and, with `rep`, its first record; returns the released records without a weight. */
function weightSums(
  id: Int32Array,
  released: ReleasedClasses,
  comboOf: Int32Array,
  weights: Float64Array,
  w: Float64Array,
  rep: Int32Array | null,
): { missing: number; notPositive: number } {
  const wc = new Float64Array(w.length);
  let missing = 0;
  let notPositive = 0;
  for (let r = 0; r < id.length; r++) {
    const c = id[r];
    if (c < 0 || !released[c]) continue;
    const k = comboOf[c];
    if (rep !== null && rep[k] < 0) rep[k] = r;
    const x = weights[r];
    if (x !== x) missing++;
    else if (!(x > 0)) notPositive++;
    else addTo(w, wc, k, x);
  }
  for (let k = 0; k < w.length; k++) w[k] += wc[k];
  return { missing, notPositive };
}

function firstRecords(id: Int32Array, released: ReleasedClasses, comboOf: Int32Array, rep: Int32Array): void {
  for (let r = 0, found = 0; r < id.length && found < rep.length; r++) {
    const c = id[r];
    if (c < 0 || !released[c]) continue;
    const k = comboOf[c];
    if (rep[k] < 0) (rep[k] = r), found++;
  }
}

/** Individual risk per combination into `risk`; the maximum, the (compensated) sum over records, and the records above the threshold. */
function risks(fk: Float64Array, Fk: Float64Array, n: Float64Array, risk: Float64Array, threshold: number): { max: number; er: number; above: number } {
  let max = -Infinity;
  const er = new Sum();
  let above = 0;
  for (let k = 0; k < fk.length; k++) {
    const x = individualRisk(fk[k], Fk[k]);
    risk[k] = x;
    if (x > max) max = x;
    er.add(x * n[k]);
    if (x > threshold) above += n[k];
  }
  return { max, er: er.value, above };
}

function recordsBelow(fk: Float64Array, n: Float64Array, k: number): number {
  let records = 0;
  for (let i = 0; i < fk.length; i++) if (fk[i] < k) records += n[i];
  return records;
}

/** sdcMicro's "higher than the main part": risk above the cut and above 0.1. */
function recordsOver(risk: Float64Array, n: Float64Array, cut: number): number {
  let records = 0;
  for (let k = 0; k < risk.length; k++) if (risk[k] > cut && risk[k] > 0.1) records += n[k];
  return records;
}

/**
 * sdcMicro's fk and Fk per combination (sdc-freq.ts, alpha 1): a combination with missing keys
 * counts every combination that agrees wherever both have a value; a complete one does the same
 * except that wholly missing combinations do not count (unless there is a single key); a wholly
 * missing one counts all records. As in the SQL, the work goes by pairs of missingness patterns
 * (target p, source q): sources summed per value of the keys p ∩ q, read by the targets.
 */
function frequencies(rel: CodedRelation, rep: Int32Array, n: Float64Array, w: Float64Array): { fk: Float64Array; Fk: Float64Array } {
  const C = rep.length;
  const K = rel.qis.length;
  const full = 2 ** K - 1;
  const codes = rel.qis.map((q) => comboCodes(q.codes, q.map, rep));
  const radix = rel.qis.map((q) => Math.max(q.size, 1));
  // Bit i set = key i present; at most 2^30 − 1, so the bit operations stay positive.
  const mask = new Int32Array(C);
  rel.qis.forEach((q, i) => presentBits(codes[i], q.nullCode ?? -1, 1 << i, mask));
  const { patterns, order, from } = byPattern(mask, K);

  // Pairs grouped by shared keys (each projection formed once), then by source (its sums formed once).
  const pairs = new Map<number, Map<number, number[]>>();
  patterns.forEach((p, pi) => {
    if (p === 0) return;
    patterns.forEach((q, qi) => {
      if (q === p || (p === full && q === 0 && K > 1)) return;
      const shared = p & q;
      const bySource = pairs.get(shared) ?? new Map<number, number[]>();
      pairs.set(shared, bySource);
      bySource.set(qi, [...(bySource.get(qi) ?? []), pi]);
    });
  });

  const add = { n: new Float64Array(C), w: new Float64Array(C), wc: new Float64Array(C) };
  const proj = new Int32Array(C);
  const key = new Float64Array(C);
  for (const [shared, bySource] of pairs) {
    const groups = project(codes, radix, mask, shared, proj, key);
    const sum = { n: new Float64Array(groups), w: new Float64Array(groups), wc: new Float64Array(groups) };
    for (const [qi, targets] of bySource) {
      const src = order.subarray(from[qi], from[qi + 1]);
      sumSources(src, proj, n, w, sum.n, sum.w, sum.wc);
      for (const pi of targets) addToTargets(order.subarray(from[pi], from[pi + 1]), proj, sum.n, sum.w, sum.wc, add.n, add.w, add.wc);
      clearSources(src, proj, sum.n, sum.w, sum.wc);
    }
  }
  const totalW = new Sum();
  let totalN = 0;
  for (let k = 0; k < C; k++) {
    totalN += n[k];
    totalW.add(w[k]);
  }
  const fk = new Float64Array(C);
  const Fk = new Float64Array(C);
  finish(mask, n, w, add.n, add.w, add.wc, totalN, totalW.value, fk, Fk);
  return { fk, Fk };
}

function comboCodes(codes: Int32Array, map: Int32Array, rep: Int32Array): Int32Array {
  const out = new Int32Array(rep.length);
  for (let k = 0; k < rep.length; k++) out[k] = map[codes[rep[k]]];
  return out;
}

function presentBits(col: Int32Array, nul: number, bit: number, mask: Int32Array): void {
  for (let k = 0; k < col.length; k++) if (col[k] !== nul) mask[k] |= bit;
}

/** The combinations ordered by missingness pattern: pattern i's are order[from[i] … from[i + 1] − 1]. */
function byPattern(mask: Int32Array, K: number): { patterns: number[]; order: Int32Array; from: Int32Array } {
  const C = mask.length;
  const index = new Int32Array(C);
  const patterns: number[] = [];
  if (K <= 16) {
    const at = new Int32Array(1 << K).fill(-1);
    for (let k = 0; k < C; k++) {
      let i = at[mask[k]];
      if (i < 0) i = at[mask[k]] = patterns.push(mask[k]) - 1;
      index[k] = i;
    }
  } else {
    const at = new Map<number, number>();
    for (let k = 0; k < C; k++) {
      let i = at.get(mask[k]);
      if (i === undefined) at.set(mask[k], (i = patterns.push(mask[k]) - 1));
      index[k] = i;
    }
  }
  const from = new Int32Array(patterns.length + 1);
  for (let k = 0; k < C; k++) from[index[k] + 1]++;
  for (let i = 0; i < patterns.length; i++) from[i + 1] += from[i];
  const put = from.slice(0, patterns.length);
  const order = new Int32Array(C);
  for (let k = 0; k < C; k++) order[put[index[k]]++] = k;
  return { patterns, order, from };
}

function sumSources(src: Int32Array, proj: Int32Array, n: Float64Array, w: Float64Array, sumN: Float64Array, sumW: Float64Array, sumWc: Float64Array): void {
  for (let j = 0; j < src.length; j++) {
    const s = src[j];
    const g = proj[s];
    sumN[g] += n[s];
    addTo(sumW, sumWc, g, w[s]);
  }
}

function addToTargets(
  dst: Int32Array,
  proj: Int32Array,
  sumN: Float64Array,
  sumW: Float64Array,
  sumWc: Float64Array,
  addN: Float64Array,
  addW: Float64Array,
  addWc: Float64Array,
): void {
  for (let j = 0; j < dst.length; j++) {
    const t = dst[j];
    const g = proj[t];
    addN[t] += sumN[g];
    addTo(addW, addWc, t, sumW[g] + sumWc[g]);
  }
}

function clearSources(src: Int32Array, proj: Int32Array, sumN: Float64Array, sumW: Float64Array, sumWc: Float64Array): void {
  for (let j = 0; j < src.length; j++) {
    const g = proj[src[j]];
    sumN[g] = sumW[g] = sumWc[g] = 0;
  }
}

/** fk = own records + matched ones; wholly missing keys get every record (sdc-freq.ts's mask = 0 rule). */
function finish(
  mask: Int32Array,
  n: Float64Array,
  w: Float64Array,
  addN: Float64Array,
  addW: Float64Array,
  addWc: Float64Array,
  totalN: number,
  totalW: number,
  fk: Float64Array,
  Fk: Float64Array,
): void {
  for (let k = 0; k < mask.length; k++) {
    if (mask[k] === 0) {
      fk[k] = totalN;
      Fk[k] = totalW;
    } else {
      fk[k] = n[k] + addN[k];
      Fk[k] = w[k] + (addW[k] + addWc[k]);
    }
  }
}

/** Exact doubles: a mixed-radix key stays below this. */
const KEY_LIMIT = 2 ** 53;

/**
 * Dense ids (into `out`) of the combinations' values on the keys of `shared`, for every
 * combination that has all of them (others get −1); returns how many ids there are. The codes
 * are joined as one mixed-radix number, made dense whenever it would leave the exact doubles.
 */
function project(codes: readonly Int32Array[], radix: readonly number[], mask: Int32Array, shared: number, out: Int32Array, key: Float64Array): number {
  having(mask, shared, out, key);
  const keys: number[] = [];
  let product = 1;
  for (let i = 0; i < codes.length; i++) if (shared & (1 << i)) keys.push(i), (product *= radix[i]);
  if (product < KEY_LIMIT) {
    // The usual case: the whole key in one pass.
    wholeKey(key, out, keys.map((i) => codes[i]), keys.map((i) => radix[i]));
    return densify(key, out, product);
  }
  let space = 1;
  for (const i of keys) {
    if (space * radix[i] >= KEY_LIMIT) space = densify(key, out, space);
    extendKey(key, out, codes[i], radix[i]);
    space *= radix[i];
  }
  return densify(key, out, space);
}

/** out[k] = 0 for the combinations that have every key of `shared`, −1 for the others; keys start at 0. */
function having(mask: Int32Array, shared: number, out: Int32Array, key: Float64Array): void {
  for (let k = 0; k < mask.length; k++) {
    out[k] = (mask[k] & shared) === shared ? 0 : -1;
    key[k] = 0;
  }
}

function wholeKey(key: Float64Array, out: Int32Array, cols: Int32Array[], radix: number[]): void {
  const m = cols.length;
  for (let k = 0; k < key.length; k++) {
    if (out[k] < 0) continue;
    let x = 0;
    for (let j = 0; j < m; j++) x = x * radix[j] + cols[j][k];
    key[k] = x;
  }
}

function extendKey(key: Float64Array, out: Int32Array, col: Int32Array, radix: number): void {
  for (let k = 0; k < key.length; k++) if (out[k] >= 0) key[k] = key[k] * radix + col[k];
}

/** Replaces each key (of the combinations with out[k] ≥ 0) by a dense id, in out and in key; keys are below `space`. */
function densify(key: Float64Array, out: Int32Array, space: number): number {
  const C = key.length;
  let next = 0;
  if (space <= 4 * C + 1024) {
    const direct = new Int32Array(space).fill(-1);
    for (let k = 0; k < C; k++) {
      if (out[k] < 0) continue;
      const x = key[k];
      let id = direct[x];
      if (id < 0) id = direct[x] = next++;
      out[k] = id;
      key[k] = id;
    }
    return next;
  }
  let size = 16;
  while (size < C * 2) size <<= 1;
  const slotKey = new Float64Array(size);
  const slotId = new Int32Array(size).fill(-1);
  for (let k = 0; k < C; k++) {
    if (out[k] < 0) continue;
    const x = key[k];
    let h = Math.imul(x | 0, 0x9e3779b1) ^ Math.imul((x / 4294967296) | 0, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    let slot = (h ^ (h >>> 15)) & (size - 1);
    for (;;) {
      const id = slotId[slot];
      if (id < 0) {
        slotId[slot] = next;
        slotKey[slot] = x;
        out[k] = key[k] = next++;
        break;
      }
      if (slotKey[slot] === x) {
        out[k] = key[k] = id;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  return next;
}

/**
 * DuckDB's median over records where value[i] occurs count[i] times (total records): the middle
 * one, or for an even count lo + (hi − lo)·0.5 as its quantile interpolation computes it.
 */
function weightedMedian(value: Float64Array, count: Float64Array, total: number): number {
  const v = value.slice();
  const c = count.slice();
  const k = Math.floor((total - 1) / 2);
  const lo = select(v, c, k);
  if (total % 2 === 1) return lo;
  const hi = select(v, c, k + 1);
  return lo + (hi - lo) * 0.5;
}

/** The k-th smallest (0-based) record value: quickselect with a three-way partition, moving counts along. */
function select(v: Float64Array, c: Float64Array, k: number): number {
  let lo = 0;
  let hi = v.length;
  for (;;) {
    const a = v[lo];
    const b = v[(lo + hi) >>> 1];
    const d = v[hi - 1];
    const pivot = a < b ? (b < d ? b : a < d ? d : a) : a < d ? a : b < d ? d : b;
    // [lo, lt) < pivot, [lt, i) = pivot, (gt, hi) > pivot
    let lt = lo;
    let i = lo;
    let gt = hi - 1;
    while (i <= gt) {
      const x = v[i];
      if (x < pivot) {
        swap(v, c, lt++, i++);
      } else if (x > pivot) {
        swap(v, c, i, gt--);
      } else i++;
    }
    let less = 0;
    for (let j = lo; j < lt; j++) less += c[j];
    if (k < less) {
      hi = lt;
      continue;
    }
    let equal = 0;
    for (let j = lt; j <= gt; j++) equal += c[j];
    if (k < less + equal) return pivot;
    k -= less + equal;
    lo = gt + 1;
  }
}

function swap(v: Float64Array, c: Float64Array, i: number, j: number): void {
  const x = v[i];
  v[i] = v[j];
  v[j] = x;
  const y = c[i];
  c[i] = c[j];
  c[j] = y;
}
