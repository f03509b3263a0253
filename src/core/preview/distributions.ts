import { valueKind } from '../compile/value-kind.ts';
import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident, num } from '../sql/quote.ts';
import { labelSql, releasedAlias, releasedTypeOf, STATE, type PreviewSession } from './session.ts';
import type { Distribution, DistributionBar } from './types.ts';

export interface DistributionOptions {
  columns: readonly string[];
  /** Categories shown before "everything else". */
  top?: number;
  /** Bins wanted for numbers and years (the width is rounded to 1, 2 or 5 × 10ⁿ). */
  bins?: number;
}

/** The smallest of 1, 2, 5 × 10ⁿ (whole when `integer`) that is at least `raw`. */
export function niceWidth(raw: number, integer: boolean): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const w = [1, 2, 5, 10].map((m) => m * p).find((c) => c >= raw * (1 - 1e-12)) ?? 10 * p;
  return integer ? Math.max(1, Math.ceil(w)) : w;
}

/** A bin's label: "40–49" for whole numbers (inclusive, as tables write age bands), "40" for width 1, "[1.5, 2)" otherwise. */
export function binLabel(lo: number, width: number, integer: boolean): string {
  if (integer) return width === 1 ? String(lo) : `${lo}–${lo + width - 1}`;
  const d = Math.max(0, -Math.floor(Math.log10(width)) + 1);
  const f = (x: number) => String(Number(x.toFixed(d)));
  return `[${f(lo)}, ${f(lo + width)})`;
}

/**
 * Before/after distributions of each column: the source values of all source records against
 * the source values of the released records, in the same bars (so the bars show what removal
 * does to the population), and, when the release changes the values, the released labels.
 */
export async function distributions(engine: SqlEngine, session: PreviewSession, opts: DistributionOptions): Promise<Distribution[]> {
  const top = opts.top ?? 10;
  const bins = opts.bins ?? 12;
  const out: Distribution[] = [];
  for (const column of opts.columns) {
    const type = session.sourceTypes.get(column);
    if (type === undefined) throw new TokumeiError('uiPreview.error.noColumn', { column });
    const kind = valueKind(type);
    const x = ident(column);
    let d: Distribution;
    if (kind === 'integer' || kind === 'float' || kind === 'date' || kind === 'timestamp') {
      const years = kind === 'date' || kind === 'timestamp';
      const value = years ? `year(${x})` : `CAST(${x} AS DOUBLE)`;
      const { bars, nulls } = await binned(engine, session, x, value, years || kind === 'integer', bins);
      d = { column, kind: years ? 'years' : 'bins', bars, nulls, released: null };
    } else {
      const { bars, nulls } = await topCategories(engine, session, labelSql(x, type), top);
      d = { column, kind: 'categories', bars, nulls, released: null };
    }
    const info = session.summary.columns.find((c) => c.name === column);
    const i = session.releasedColumns.indexOf(column);
    if (info?.changed && i >= 0) d.released = await releasedLabels(engine, session, i, top);
    out.push(d);
  }
  return out;
}

const RELEASED = `${ident(STATE)} = 'released'`;

/**
 * The `top` most frequent values of `value` and the rest as one bar (label null); NULL is kept
 * apart, in the same query, as its own group (`blank`).
 */
function topSql(session: PreviewSession, value: string, top: number, counts: string, where = 'TRUE'): string {
  return (
    `WITH g AS (SELECT ${value} AS v, ${counts} FROM ${ident(session.pairs)} WHERE ${where} GROUP BY 1),\n` +
    `r AS (SELECT *, row_number() OVER (PARTITION BY v IS NULL ORDER BY b DESC, v) AS rn FROM g)\n` +
    `SELECT v IS NULL AS blank, CASE WHEN v IS NOT NULL AND rn <= ${num(top)} THEN v END AS label, sum(b) AS b, sum(a) AS a, min(rn) AS o FROM r GROUP BY 1, 2 ORDER BY 1, o`
  );
}

async function topCategories(engine: SqlEngine, session: PreviewSession, value: string, top: number): Promise<Pick<Distribution, 'bars' | 'nulls'>> {
  const rows = await engine.rows(topSql(session, value, top, `count(*) AS b, count(*) FILTER (WHERE ${RELEASED}) AS a`));
  const nulls = { before: 0, after: 0 };
  const bars: DistributionBar[] = [];
  for (const r of rows) {
    if (r.blank) Object.assign(nulls, { before: Number(r.b), after: Number(r.a) });
    else bars.push({ label: r.label === null ? null : String(r.label), before: Number(r.b), after: Number(r.a) });
  }
  return { bars, nulls };
}

async function binned(engine: SqlEngine, session: PreviewSession, x: string, value: string, integer: boolean, bins: number): Promise<Pick<Distribution, 'bars' | 'nulls'>> {
  const finite = `${value} IS NOT NULL AND isfinite(CAST(${value} AS DOUBLE))`;
  const [range] = await engine.rows(
    `SELECT min(${value}) FILTER (WHERE ${finite}) AS lo, max(${value}) FILTER (WHERE ${finite}) AS hi, ` +
      `count(*) FILTER (WHERE ${x} IS NULL) AS nb, count(*) FILTER (WHERE ${x} IS NULL AND ${RELEASED}) AS na FROM ${ident(session.pairs)}`,
  );
  const nulls = { before: Number(range.nb), after: Number(range.na) };
  if (range.lo === null) return { bars: [], nulls };
  const min = Number(range.lo);
  const max = Number(range.hi);
  const width = niceWidth((max - min) / Math.max(1, bins), integer);
  const start = Math.floor(min / width) * width;
  const count = Math.floor((max - start) / width) + 1;
  const rows = await engine.rows(
    `SELECT least(CAST(floor((${value} - ${num(start)}) / ${num(width)}) AS BIGINT), ${num(count - 1)}) AS bin, count(*) AS b, ` +
      `count(*) FILTER (WHERE ${RELEASED}) AS a FROM ${ident(session.pairs)} WHERE ${finite} GROUP BY 1`,
  );
  const bars: DistributionBar[] = Array.from({ length: count }, (_, i) => ({ label: binLabel(start + i * width, width, integer), before: 0, after: 0 }));
  for (const r of rows) {
    const bar = bars[Number(r.bin)];
    bar.before = Number(r.b);
    bar.after = Number(r.a);
  }
  return { bars, nulls };
}

async function releasedLabels(engine: SqlEngine, session: PreviewSession, i: number, top: number): Promise<NonNullable<Distribution['released']>> {
  const label = labelSql(ident(releasedAlias(i)), releasedTypeOf(session, i));
  const rows = await engine.rows(topSql(session, label, top, 'count(*) AS b, 0 AS a', RELEASED));
  let nulls = 0;
  const bars: { label: string | null; records: number }[] = [];
  for (const r of rows) {
    if (r.blank) nulls = Number(r.b);
    else bars.push({ label: r.label === null ? null : String(r.label), records: Number(r.b) });
  }
  // Released labels are bands, periods or prefixes: shown in their natural order (0-9, 10-19 …), the rest last.
  const natural = new Intl.Collator('ja', { numeric: true });
  bars.sort((a, b) => (a.label === null ? 1 : b.label === null ? -1 : natural.compare(a.label, b.label)));
  return { bars, nulls };
}
