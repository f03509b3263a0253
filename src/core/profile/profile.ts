import type { SqlEngine, SqlRow } from '../engine.ts';
import { ident, num } from '../sql/quote.ts';
import { columnKind, type ColumnKind } from './column-kind.ts';
import { binnable, integerOfExtremeSql, planFloatBins, planIntegerBins, type BinPlan } from './histogram.ts';
import type { ColumnProfile, HistogramBin, TableProfile } from './types.ts';

export interface ProfileOptions {
  /** How many most frequent values to keep per column (default 10). */
  top?: number;
  /** Histogram bins for numeric and date columns (default 20). */
  bins?: number;
}

interface Column {
  name: string;
  type: string;
  kind: ColumnKind;
  sql: string;
}

/** Scalar comparisons work on the value itself; nested values are compared as text. */
const comparable = (c: Column) => (c.kind === 'nested' ? `CAST(${c.sql} AS VARCHAR)` : c.sql);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * Exact profile of every column of a table in four queries: one scan for counts and
 * extremes; one GROUP BY per column (in one statement) for exact distinct counts and
 * the top values; one small GROUP BY of bin numbers per numeric or date column (again
 * one statement); one constant query rendering the bin bounds. Every value that reaches the UI is rendered to text by DuckDB, so both
 * hosts produce the same strings.
 */
export async function profileTable(engine: SqlEngine, table: string, opts: ProfileOptions = {}): Promise<TableProfile> {
  const topN = opts.top ?? 10;
  const maxBins = opts.bins ?? 20;
  const from = ident(table);
  const described = await engine.rows(`DESCRIBE ${from}`);
  const columns: Column[] = described.map((r) => {
    const name = String(r.column_name);
    const type = String(r.column_type);
    return { name, type, kind: columnKind(type), sql: ident(name) };
  });

  const stats = await scanStats(engine, from, columns);
  const rows = Number(stats.n);
  if (columns.length === 0) return { table, rows, columns: [] };

  const tops = await topValues(engine, from, columns, topN);
  const plans = columns.map((c, i) => planBins(c, stats, i, maxBins));
  const histograms = await scanHistograms(engine, from, columns, plans);

  return {
    table,
    rows,
    columns: columns.map((c, i): ColumnProfile => {
      const nonNull = Number(stats[`nn${i}`]);
      return {
        name: c.name,
        type: c.type,
        count: rows,
        nulls: rows - nonNull,
        distinct: tops[i].distinct,
        min: text(stats[`mn${i}`]),
        max: text(stats[`mx${i}`]),
        top: tops[i].top,
        histogram: histograms[i],
      };
    }),
  };
}

/** Row count, non-null counts and extremes of every column; finite extremes of binnable columns. */
async function scanStats(engine: SqlEngine, from: string, columns: Column[]): Promise<SqlRow> {
  const parts = ['count(*) AS n'];
  columns.forEach((c, i) => {
    const v = comparable(c);
    parts.push(
      `count(${c.sql}) AS nn${i}`,
      `CAST(min(${v}) AS VARCHAR) AS mn${i}`,
      `CAST(max(${v}) AS VARCHAR) AS mx${i}`,
    );
    if (c.kind === 'float') {
      const d = `CAST(${c.sql} AS DOUBLE)`;
      const ok = binnable(c.kind, c.sql);
      parts.push(`min(${d}) FILTER (WHERE ${ok}) AS lo${i}`, `max(${d}) FILTER (WHERE ${ok}) AS hi${i}`);
    } else if (c.kind === 'integer' || c.kind === 'date' || c.kind === 'timestamp') {
      // Extremes first, converted after; as text, since integers may exceed 2^53 and BigInt keeps them exact.
      const ok = binnable(c.kind, c.sql);
      const lo = integerOfExtremeSql(c.kind, `min(${c.sql}) FILTER (WHERE ${ok})`);
      const hi = integerOfExtremeSql(c.kind, `max(${c.sql}) FILTER (WHERE ${ok})`);
      parts.push(`CAST(${lo} AS VARCHAR) AS lo${i}`, `CAST(${hi} AS VARCHAR) AS hi${i}`);
    }
  });
  const [row] = await engine.rows(`SELECT ${parts.join(', ')} FROM ${from}`);
  return row;
}

/**
 * Exact distinct count and the most frequent values (count desc, then value asc) of every
 * column, one GROUP BY per column in one statement. The distinct count is a window count
 * over the groups and the ranking a top-N over them: both cheaper than count(DISTINCT) in
 * a separate scan or a ranking window over all groups (which DuckDB-WASM runs slowly).
 */
async function topValues(engine: SqlEngine, from: string, columns: Column[], topN: number): Promise<{ distinct: number; top: { value: string; count: number }[] }[]> {
  const limit = num(Math.max(1, topN));
  const selects = columns.map((c, i) => {
    const groups = `SELECT ${comparable(c)} AS val, count(*) AS n FROM ${from} WHERE ${c.sql} IS NOT NULL GROUP BY ALL`;
    const best = `SELECT val, n, count(*) OVER () AS d FROM (${groups}) ORDER BY n DESC, val ASC LIMIT ${limit}`;
    return `SELECT ${i} AS col, CAST(val AS VARCHAR) AS value, n, d, row_number() OVER (ORDER BY n DESC, val ASC) AS r FROM (${best})`;
  });
  const rows = await engine.rows(`SELECT col, value, n, d FROM (${selects.join(' UNION ALL ')}) ORDER BY col, r`);
  const out = columns.map(() => ({ distinct: 0, top: [] as { value: string; count: number }[] }));
  for (const r of rows) {
    const o = out[Number(r.col)];
    o.distinct = Number(r.d);
    o.top.push({ value: String(r.value), count: Number(r.n) });
  }
  return out;
}

function planBins(c: Column, stats: SqlRow, i: number, maxBins: number): BinPlan | null | 'empty' {
  if (c.kind === 'text' || c.kind === 'nested') return null;
  const lo = stats[`lo${i}`];
  const hi = stats[`hi${i}`];
  if (lo === null || hi === null) return 'empty';
  if (c.kind === 'float') return planFloatBins(c.sql, Number(lo), Number(hi), maxBins);
  return planIntegerBins(c.kind, c.sql, BigInt(String(lo)), BigInt(String(hi)), maxBins);
}

/**
 * All histograms in one statement: per column, bin numbers grouped and counted (a small
 * GROUP BY per column is several times faster than FILTERed counts per bin); then the
 * bounds in one constant query.
 */
async function scanHistograms(engine: SqlEngine, from: string, columns: Column[], plans: (BinPlan | null | 'empty')[]): Promise<(HistogramBin[] | null)[]> {
  const counts: string[] = [];
  const bounds: string[] = [];
  plans.forEach((p, i) => {
    if (p === null || p === 'empty') return;
    const c = columns[i];
    counts.push(`SELECT ${i} AS col, b, count(*) AS n FROM (SELECT ${p.binSql} AS b FROM ${from} WHERE ${binnable(c.kind, c.sql)}) GROUP BY b`);
    if ('sql' in p.bounds) bounds.push(`${p.bounds.sql} AS e${i}`);
  });
  const tally = new Map<string, number>();
  if (counts.length > 0) for (const r of await engine.rows(counts.join(' UNION ALL '))) tally.set(`${r.col}:${r.b}`, Number(r.n));
  const [boundRow] = bounds.length > 0 ? await engine.rows(`SELECT ${bounds.join(', ')}`) : [{} as SqlRow];
  return plans.map((p, i) => {
    if (p === null) return null;
    if (p === 'empty') return [];
    const edges = 'text' in p.bounds ? p.bounds.text : String(boundRow[`e${i}`]).split('|');
    const bins: HistogramBin[] = [];
    for (let k = 0; k < p.bins; k++) bins.push({ lo: edges[k], hi: edges[k + 1], count: tally.get(`${i}:${k}`) ?? 0 });
    return bins;
  });
}
