import { TokumeiError } from '../errors.ts';
import type { CodedColumn } from './class-engine.ts';
import type { ReleasedLabels } from './coded-release.ts';
import type { PeculiarOptions, PeculiarReport } from './peculiar.ts';
import type { PeculiarFinding, PeculiarReason } from './types.ts';

/**
 * findPeculiarValues (peculiar.ts) read from dictionary codes instead of the release view: the
 * same findings, in the same order, with the same counts and bounds. Pure: no SQL. Every count is
 * over released codes (one per distinct released value, as GROUP BY tells them apart), so per
 * record there is only one pass per column that adds up the kept records of each source code.
 */

/** One measured column as codes, with what its released codes stand for. */
export interface PeculiarCodedColumn {
  name: string;
  coded: CodedColumn;
  labels: ReleasedLabels;
  /** Kept records per source code (keptPerSourceCode); counted when absent. */
  kept?: Int32Array;
  /**
   * Whether labels.rank orders the values as their text (CAST AS VARCHAR) does: VARCHAR (byte
   * order) and BOOLEAN (false < true). Other columns' texts are sorted here by code point.
   */
  rankSortsText: boolean;
}

export interface PeculiarCodes {
  records: number;
  /** Per record, 1 when the view keeps it; all kept when null. */
  keep: Uint8Array | null;
  categorical: readonly PeculiarCodedColumn[];
  /** Numeric columns: labels.number must be there. */
  numeric: readonly PeculiarCodedColumn[];
  geography?: PeculiarCodedColumn;
}

export type PeculiarCodeOptions = Omit<PeculiarOptions, 'relation' | 'categorical' | 'numeric' | 'geography'>;

/** Per source code, how many records the view keeps with it (`keep` null: all records). */
export function keptPerSourceCode(coded: CodedColumn, keep: Uint8Array | null): Int32Array {
  const out = new Int32Array(coded.map.length);
  const codes = coded.codes;
  if (keep) for (let r = 0; r < codes.length; r++) out[codes[r]] += keep[r];
  else for (let r = 0; r < codes.length; r++) out[codes[r]]++;
  return out;
}

/** Kept records per released code (NULL's code included). */
function keptPerReleasedCode(c: PeculiarCodedColumn, keep: Uint8Array | null): Int32Array {
  const out = new Int32Array(c.coded.size);
  const { map } = c.coded;
  const kept = c.kept ?? keptPerSourceCode(c.coded, keep);
  for (let s = 0; s < map.length; s++) out[map[s]] += kept[s];
  return out;
}

const nullOf = (c: PeculiarCodedColumn) => (c.labels.nullCode >= 0 ? c.labels.nullCode : (c.coded.nullCode ?? -1));

/**
 * Strings in the order DuckDB sorts VARCHAR (UTF-8 bytes, i.e. code points). JavaScript's `<`
 * compares UTF-16 units, which puts U+E000…U+FFFF after the surrogates of astral characters.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixup(x) - fixup(y);
  }
  return a.length - b.length;
}
const fixup = (u: number) => (u >= 0xe000 ? u - 0x800 : u >= 0xd800 ? u + 0x2000 : u);

/** Per released code, its place in the order of CAST(v AS VARCHAR) (equal texts share a place; NULL last). */
function textRanks(c: PeculiarCodedColumn): Int32Array {
  if (c.rankSortsText) return c.labels.rank;
  const { text } = c.labels;
  const order = Array.from({ length: text.length }, (_, i) => i).sort((a, b) => {
    const x = text[a];
    const y = text[b];
    return x === null ? (y === null ? 0 : 1) : y === null ? -1 : compareCodePoints(x, y);
  });
  const out = new Int32Array(text.length);
  order.forEach((code, i) => (out[code] = i > 0 && text[order[i - 1]] === text[code] ? out[order[i - 1]] : i));
  return out;
}

/**
 * The first `cap` rows in the order of their first `keys` integers, as ORDER BY … LIMIT gives
 * them, kept in a bounded max-heap while rows come in: most rows cost one comparison with the
 * last row kept. `total` counts every row offered. Rows are `width` integers, written into
 * `row` before each offer.
 */
export class FirstRows {
  total = 0;
  readonly row: Int32Array;
  private size = 0;
  private readonly slots: Int32Array;

  constructor(
    private readonly cap: number,
    private readonly width: number,
    private readonly keys: number,
  ) {
    this.row = new Int32Array(width);
    this.slots = new Int32Array(cap * width);
  }

  offer(): void {
    this.total++;
    const w = this.width;
    if (this.size < this.cap) {
      let i = this.size++;
      // Sift up: no slot comes before its children.
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (this.againstRow(p) >= 0) break;
        this.slots.copyWithin(w * i, w * p, w * p + w);
        i = p;
      }
      this.slots.set(this.row, w * i);
    } else if (this.cap > 0 && this.againstRow(0) > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= this.size) break;
        const c = l + 1 < this.size && this.compare(l + 1, l) > 0 ? l + 1 : l;
        if (this.againstRow(c) <= 0) break;
        this.slots.copyWithin(w * i, w * c, w * c + w);
        i = c;
      }
      this.slots.set(this.row, w * i);
    }
  }

  /** The rows kept, in order. */
  sorted(): Int32Array[] {
    const order = Array.from({ length: this.size }, (_, i) => i).sort((a, b) => this.compare(a, b));
    return order.map((i) => this.slots.slice(this.width * i, this.width * (i + 1)));
  }

  /** Slot `i` against the row offered: > 0 when the slot comes after it. */
  private againstRow(i: number): number {
    const s = this.slots;
    const at = this.width * i;
    for (let k = 0; k < this.keys; k++) {
      const d = s[at + k] - this.row[k];
      if (d !== 0) return d;
    }
    return 0;
  }

  private compare(i: number, j: number): number {
    const s = this.slots;
    const a = this.width * i;
    const b = this.width * j;
    for (let k = 0; k < this.keys; k++) {
      const d = s[a + k] - s[b + k];
      if (d !== 0) return d;
    }
    return 0;
  }
}

/**
 * The released values of a numeric column among the kept records, ascending as doubles, equal
 * doubles merged (GROUP BY CAST(v AS DOUBLE)); null when one is not finite (NaN or ±∞: the SQL
 * listing cannot write it back as a literal and fails, so the caller leaves it to that).
 */
function numericValues(c: PeculiarCodedColumn, counts: Int32Array): { x: Float64Array; n: Float64Array } | null {
  const number = c.labels.number!;
  const nullCode = nullOf(c);
  const size = c.coded.size;
  const byRank = new Int32Array(size).fill(-1);
  for (let code = 0; code < size; code++) byRank[c.labels.rank[code]] = code;
  let order: number[] = [];
  for (const code of byRank) if (code >= 0 && code !== nullCode && counts[code] > 0) order.push(code);
  for (const code of order) if (!Number.isFinite(number[code])) return null;
  // ORDER BY v is the order of the doubles for every numeric type (the cast is monotonic); checked, not assumed.
  for (let i = 1; i < order.length; i++) {
    if (number[order[i]] < number[order[i - 1]]) {
      order = order.sort((a, b) => number[a] - number[b]);
      break;
    }
  }
  const x = new Float64Array(order.length);
  const n = new Float64Array(order.length);
  let m = -1;
  for (const code of order) {
    if (m >= 0 && x[m] === number[code]) n[m] += counts[code];
    else {
      m++;
      x[m] = number[code];
      n[m] = counts[code];
    }
  }
  return { x: x.subarray(0, m + 1), n: n.subarray(0, m + 1) };
}

/**
 * DuckDB's quantile_cont over the values `x` with multiplicities `n`: RN = (N − 1)·q, then
 * between the values at floor and ceiling as DuckDB's InterpolateOperator for DOUBLE computes
 * it, lo·(1 − d) + hi·d (lo + (hi − lo)·d differs in the last bit now and then).
 */
export function quantileCont(x: Float64Array, n: Float64Array, q: number): number | null {
  let total = 0;
  for (let i = 0; i < n.length; i++) total += n[i];
  if (total === 0) return null;
  const rn = (total - 1) * q;
  const frn = Math.floor(rn);
  const crn = Math.ceil(rn);
  const at = (pos: number) => {
    let seen = 0;
    for (let i = 0; i < x.length; i++) {
      seen += n[i];
      if (pos < seen) return x[i];
    }
    return x[x.length - 1];
  };
  const lo = at(frn);
  if (crn === frn) return lo;
  const hi = at(crn);
  const d = rn - frn;
  return lo * (1 - d) + hi * d;
}

/** findPeculiarValues' report from codes; null when a numeric column holds a value that is not finite, or the cap is not a count. */
export function peculiarFromCodes(input: PeculiarCodes, opts: PeculiarCodeOptions = {}): PeculiarReport | null {
  const minCount = opts.minCount ?? 5;
  const [pLow, pHigh] = opts.percentiles ?? [0.01, 0.99];
  const maxShare = opts.geographyMaxShare ?? 0.05;
  const cap = opts.maxPerColumn ?? 200;
  if (!(minCount >= 1)) throw new TokumeiError('riskSdc.error.minCount', { minCount });
  if (!(pLow >= 0 && pLow < pHigh && pHigh <= 1)) throw new TokumeiError('riskSdc.error.percentiles', { low: pLow, high: pHigh });
  // LIMIT takes what DuckDB makes of it (a fraction is rounded, a negative one refused): left to the SQL listing.
  if (!Number.isInteger(cap) || cap < 0) return null;
  const findings: PeculiarFinding[] = [];
  const omitted: PeculiarReport['omitted'] = [];
  // The SQL reads the total off the first row listed: with no row listed (LIMIT 0) nothing is reported left out.
  const note = (column: string, reason: PeculiarReason, total: number, listed: number) => {
    if (listed > 0 && total > listed) omitted.push({ column, reason, count: total - listed });
  };
  const counted = new Map<PeculiarCodedColumn, Int32Array>();
  const countsOf = (c: PeculiarCodedColumn) => counted.get(c) ?? counted.set(c, keptPerReleasedCode(c, input.keep)).get(c)!;
  const ranked = new Map<PeculiarCodedColumn, Int32Array>();
  const ranksOf = (c: PeculiarCodedColumn) => ranked.get(c) ?? ranked.set(c, textRanks(c)).get(c)!;

  for (const c of input.categorical) {
    const counts = countsOf(c);
    const nullCode = nullOf(c);
    const ranks = ranksOf(c);
    // ORDER BY count, text: [count, text rank, code].
    const first = new FirstRows(cap, 3, 2);
    for (let code = 0; code < counts.length; code++) {
      if (code === nullCode || counts[code] === 0 || counts[code] >= minCount) continue;
      first.row[0] = counts[code];
      first.row[1] = ranks[code];
      first.row[2] = code;
      first.offer();
    }
    const listed = first.sorted();
    for (const [n, , code] of listed) findings.push({ column: c.name, value: c.labels.text[code]!, count: n, reason: 'rareCategory' });
    note(c.name, 'rareCategory', first.total, listed.length);
  }

  for (const c of input.numeric) {
    const values = numericValues(c, countsOf(c));
    if (!values) return null;
    const { x, n } = values;
    const lo = quantileCont(x, n, pLow);
    const hi = quantileCont(x, n, pHigh);
    if (lo === null || hi === null) continue;
    const limit = opts.limits?.[c.name] ?? {};
    const below: [PeculiarReason, number] = limit.min !== undefined ? ['belowLimit', limit.min] : ['belowPercentile', lo];
    const above: [PeculiarReason, number] = limit.max !== undefined ? ['aboveLimit', limit.max] : ['abovePercentile', hi];
    let total = 0;
    while (total < x.length && x[total] < below[1]) total++;
    for (let i = 0; i < Math.min(total, cap); i++) findings.push({ column: c.name, value: x[i], count: n[i], reason: below[0], bound: below[1] });
    note(c.name, below[0], total, Math.min(total, cap));
    total = 0;
    while (total < x.length && x[x.length - 1 - total] > above[1]) total++;
    for (let i = 0; i < Math.min(total, cap); i++) {
      const j = x.length - 1 - i;
      findings.push({ column: c.name, value: x[j], count: n[j], reason: above[0], bound: above[1] });
    }
    note(c.name, above[0], total, Math.min(total, cap));
  }

  const g = input.geography;
  if (g && input.categorical.some((c) => c.name !== g.name)) {
    const area = recordAreas(g, input.keep);
    let kept = input.records;
    if (input.keep) for (let r = 0, n = input.records; r < n; r++) kept -= 1 - input.keep[r];
    for (const c of input.categorical) {
      if (c.name === g.name) continue;
      const crossed = rareInGeography(c, g, area, countsOf(c), ranksOf(c), ranksOf(g), kept, { minCount, maxShare, cap });
      findings.push(...crossed.findings);
      note(c.name, 'rareInGeography', crossed.total, crossed.findings.length);
    }
  }
  return { findings, omitted };
}

/**
 * Per record, the released code of its area; −1 for a record the view drops or whose area is
 * NULL (neither is counted in an area). Shared by every column crossed with the geography.
 */
function recordAreas(g: PeculiarCodedColumn, keep: Uint8Array | null): Int32Array {
  const gNull = nullOf(g);
  const of = Int32Array.from(g.coded.map, (a) => (a === gNull ? -1 : a));
  const codes = g.coded.codes;
  const out = new Int32Array(codes.length);
  if (keep) for (let r = 0; r < codes.length; r++) out[r] = keep[r] ? of[codes[r]] : -1;
  else for (let r = 0; r < codes.length; r++) out[r] = of[codes[r]];
  return out;
}

/**
 * Values of `c` that are not rare overall (at least minCount records, at most maxShare of all)
 * but rare within an area of `g`, as peculiar.ts's join of the two GROUP BYs lists them.
 */
function rareInGeography(
  c: PeculiarCodedColumn,
  g: PeculiarCodedColumn,
  area: Int32Array,
  overall: Int32Array,
  vRanks: Int32Array,
  gRanks: Int32Array,
  kept: number,
  o: { minCount: number; maxShare: number; cap: number },
): { findings: PeculiarFinding[]; total: number } {
  const vNull = nullOf(c);
  const limit = o.maxShare * kept;
  // Qualifying released values of c, numbered densely.
  const dense = new Int32Array(c.coded.size).fill(-1);
  const values: number[] = [];
  for (let v = 0; v < overall.length; v++) {
    if (v !== vNull && overall[v] >= o.minCount && overall[v] <= limit) {
      dense[v] = values.length;
      values.push(v);
    }
  }
  if (values.length === 0) return { findings: [], total: 0 };
  const areas = g.coded.size;
  const vOf = Int32Array.from(c.coded.map, (v) => dense[v]);
  // ORDER BY records in the area, records overall, value text, area text: [n, overall, value rank, area rank, value, area].
  const first = new FirstRows(o.cap, 6, 4);
  const row = first.row;
  const cells: CellSink = {
    push(v, a, n) {
      const value = values[v];
      row[0] = n;
      row[1] = overall[value];
      row[2] = vRanks[value];
      row[3] = gRanks[a];
      row[4] = value;
      row[5] = a;
      first.offer();
    },
  };
  countCells(c.coded.codes, vOf, area, values.length, areas, o.minCount, cells);
  const findings = first.sorted().map(
    ([n, , , , v, a]): PeculiarFinding => ({
      column: c.name,
      value: c.labels.text[v]!,
      count: n,
      reason: 'rareInGeography',
      geography: { column: g.name, value: g.labels.text[a]!, overallCount: overall[v] },
    }),
  );
  return { findings, total: first.total };
}

/** Where countCells puts the cells it finds: (value, area, records). */
export interface CellSink {
  push(v: number, a: number, n: number): void;
}

/** Cells counted in one array up to this many (one byte each while minCount allows). */
const DIRECT_CELLS = 1 << 24;

/**
 * Records per (value, area) for the values numbered by `vOf` (per source code; −1 not counted),
 * the cells with fewer than minCount records. The cells are counted in one array (a byte each,
 * saturating, as only counts below minCount matter); past DIRECT_CELLS, by grouping the records
 * by value first (counting sort) and tallying each value's areas in turn.
 */
export function countCells(codes: Int32Array, vOf: Int32Array, area: Int32Array, values: number, areas: number, minCount: number, out: CellSink, direct = DIRECT_CELLS): void {
  const records = codes.length;
  const cells = values * areas;
  if (cells <= direct && minCount <= 255) {
    const n = new Uint8Array(cells);
    for (let r = 0; r < records; r++) {
      const v = vOf[codes[r]];
      const a = area[r];
      if ((v | a) >= 0) {
        const k = v * areas + a;
        const x = n[k];
        if (x < 255) n[k] = x + 1;
      }
    }
    for (let v = 0, k = 0; v < values; v++) {
      for (let a = 0; a < areas; a++, k++) if (n[k] > 0 && n[k] < minCount) out.push(v, a, n[k]);
    }
    return;
  }
  const start = new Int32Array(values + 1);
  for (let r = 0; r < records; r++) {
    const v = vOf[codes[r]];
    if ((v | area[r]) >= 0) start[v + 1]++;
  }
  for (let v = 0; v < values; v++) start[v + 1] += start[v];
  const at = start.slice(0, values);
  const grouped = new Int32Array(start[values]);
  for (let r = 0; r < records; r++) {
    const v = vOf[codes[r]];
    const a = area[r];
    if ((v | a) >= 0) grouped[at[v]++] = a;
  }
  const tally = new Int32Array(areas);
  for (let v = 0; v < values; v++) {
    for (let i = start[v]; i < start[v + 1]; i++) tally[grouped[i]]++;
    for (let i = start[v]; i < start[v + 1]; i++) {
      const a = grouped[i];
      const n = tally[a];
      if (n === 0) continue;
      if (n < minCount) out.push(v, a, n);
      tally[a] = 0;
    }
  }
}
