import { num, str } from '../sql/quote.ts';
import type { ColumnKind } from './column-kind.ts';

/**
 * Equal-width bins for one column, planned from its finite minimum and maximum.
 * Integer-like columns (integers; dates as days; timestamps as microseconds) get a
 * whole-number width so every bound is a value the column can hold, starting at the
 * minimum and ending at the maximum; reals get a round width (see niceBins) and may
 * start a little below the minimum. Bin k holds lo + k·w ≤ x < lo + (k+1)·w; the
 * last one is closed at its upper bound.
 */
export interface BinPlan {
  /** SQL giving the 0-based bin of a finite, non-null value. */
  binSql: string;
  bins: number;
  /**
   * The bins + 1 bounds as text: ready for integers (BigInt prints as DuckDB does), else
   * one SQL expression yielding them joined by '|' (rendered by DuckDB in the column's
   * type, so both hosts print dates, timestamps and reals alike).
   */
  bounds: { text: string[] } | { sql: string };
}

/** One cheap expression for all bounds of a column: a list literal mapped to text. */
function listSql(elements: string[], render: (x: string) => string): string {
  return `array_to_string(list_transform([${elements.join(', ')}], x -> ${render('x')}), '|')`;
}

/** SQL for "this value can be placed in a bin" (not NULL, not ±infinity, not NaN). */
export function binnable(kind: ColumnKind, col: string): string {
  if (kind === 'float') return `isfinite(CAST(${col} AS DOUBLE))`;
  if (kind === 'date' || kind === 'timestamp') return `isfinite(${col})`;
  return `${col} IS NOT NULL`;
}

/** An aggregated extreme (min/max) of the column as an integer: days or microseconds since the epoch for dates and timestamps. */
export function integerOfExtremeSql(kind: ColumnKind, extreme: string): string {
  if (kind === 'date') return `(${extreme} - DATE '1970-01-01')`;
  if (kind === 'timestamp') return `epoch_us(${extreme})`;
  return extreme;
}

/** Beyond this, (value − lo) might not fit a BIGINT and the slower HUGEINT is used. */
const BIGINT_SAFE = 2n ** 62n;

/** The column as an exact integer (per row), in BIGINT when the range allows. */
function integerValueSql(kind: ColumnKind, col: string, wide: boolean): string {
  if (kind === 'date') return `(${col} - DATE '1970-01-01')`;
  if (kind === 'timestamp') return `epoch_us(${col})`;
  return `CAST(${col} AS ${wide ? 'HUGEINT' : 'BIGINT'})`;
}

function integerBounds(kind: ColumnKind, values: bigint[]): BinPlan['bounds'] {
  if (kind === 'date') return { sql: listSql(values.map((v) => num(Number(v))), (x) => `CAST(DATE '1970-01-01' + CAST(${x} AS INTEGER) AS VARCHAR)`) };
  if (kind === 'timestamp') return { sql: listSql(values.map((v) => `CAST(${str(v.toString())} AS BIGINT)`), (x) => `CAST(make_timestamp(${x}) AS VARCHAR)`) };
  return { text: values.map((v) => v.toString()) };
}

export function planIntegerBins(kind: ColumnKind, col: string, lo: bigint, hi: bigint, maxBins: number): BinPlan {
  const range = hi - lo + 1n;
  const width = (range + BigInt(maxBins) - 1n) / BigInt(maxBins);
  const bins = Number((range + width - 1n) / width);
  const wide = lo < -BIGINT_SAFE || hi > BIGINT_SAFE;
  const int = (v: bigint) => `CAST(${str(v.toString())} AS ${wide ? 'HUGEINT' : 'BIGINT'})`;
  const binSql = `CAST((${integerValueSql(kind, col, wide)} - ${int(lo)}) // ${int(width)} AS INTEGER)`;
  const values: bigint[] = [];
  for (let k = 0; k < bins; k++) values.push(lo + BigInt(k) * width);
  values.push(hi);
  return { binSql, bins, bounds: integerBounds(kind, values) };
}

const dbl = (x: number) => `CAST(${num(x)} AS DOUBLE)`;

/**
 * A width of 1, 2, 2.5 or 5 times a power of ten, and a start on a multiple of it,
 * so bounds read 5.5, 6.0, 6.5 rather than 5.58, 6.37. Returns the decimals needed to
 * print a bound.
 */
export function niceBins(lo: number, hi: number, maxBins: number): { start: number; width: number; bins: number; decimals: number } {
  const raw = (hi - lo) / maxBins;
  let exp = Math.floor(Math.log10(raw));
  for (;;) {
    for (const m of [1, 2, 2.5, 5]) {
      // Dividing by a power of ten keeps 0.25 exact where 2.5 * 0.1 would not be.
      const width = exp < 0 ? m / 10 ** -exp : m * 10 ** exp;
      if (width < raw) continue;
      let start = Math.floor(lo / width) * width;
      // Floating point may land a hair above lo (0.3 / 5e-9 …); the first bin must hold it.
      if (start > lo) start -= width;
      const bins = Math.max(1, Math.ceil((hi - start) / width));
      if (bins <= maxBins) return { start, width, bins, decimals: Math.max(0, -exp + (m === 2.5 ? 1 : 0)) };
    }
    exp++;
  }
}

/**
 * Real-valued bins. Values a hair below a bound (0.3 stored as 0.29999…) belong to the
 * bin the printed bound promises, hence the relative epsilon before flooring.
 */
export function planFloatBins(col: string, lo: number, hi: number, maxBins: number): BinPlan {
  const render = (decimals: number | null) => (x: string) => (decimals === null ? `CAST(${x} AS VARCHAR)` : `CAST(round(${x}, ${decimals}) AS VARCHAR)`);
  if (lo === hi) return { binSql: '0', bins: 1, bounds: { sql: listSql([dbl(lo), dbl(hi)], render(null)) } };
  const { start, width, bins, decimals } = niceBins(lo, hi, maxBins);
  const binSql = `CAST(least(floor((CAST(${col} AS DOUBLE) - ${dbl(start)}) / ${dbl(width)} + 1e-9), ${bins - 1}) AS INTEGER)`;
  const values: string[] = [];
  for (let k = 0; k <= bins; k++) values.push(dbl(start + k * width));
  return { binSql, bins, bounds: { sql: listSql(values, render(decimals)) } };
}
