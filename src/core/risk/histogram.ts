import type { SqlEngine, SqlRow } from '../engine.ts';
import { ident } from '../sql/quote.ts';
import type { ClassSizeHistogram } from './types.ts';

export interface HistogramOptions {
  /** Boolean column marking suppressed records: they are left out, as ARX counts them apart. */
  suppressedColumn?: string;
}

/**
 * One GROUP BY over the data (the classes), then a tiny GROUP BY over the class sizes.
 * `relation` is a table or view name. NULL is a value like any other (one class per NULL
 * pattern). With no quasi-identifiers all records form one class, as in ARX.
 */
export function classSizeHistogramSql(relation: string, qis: readonly string[], opts: HistogramOptions = {}): string {
  const where = opts.suppressedColumn ? ` WHERE NOT COALESCE(${ident(opts.suppressedColumn)}, FALSE)` : '';
  const from = `FROM ${ident(relation)}${where}`;
  const classes =
    qis.length === 0
      ? `SELECT COUNT(*) AS size ${from} HAVING COUNT(*) > 0`
      : `SELECT COUNT(*) AS size ${from} GROUP BY ${qis.map(ident).join(', ')}`;
  return `SELECT size, COUNT(*) AS classes FROM (${classes}) GROUP BY size ORDER BY size`;
}

export async function classSizeHistogram(
  engine: SqlEngine,
  relation: string,
  qis: readonly string[],
  opts: HistogramOptions = {},
): Promise<ClassSizeHistogram> {
  return histogramFromRows(await engine.rows(classSizeHistogramSql(relation, qis, opts)));
}

/** Rows of classSizeHistogramSql ({size, classes}) to the histogram. */
export function histogramFromRows(rows: readonly SqlRow[]): ClassSizeHistogram {
  return histogramFromEntries(rows.map((r) => [Number(r.size), Number(r.classes)] as [number, number]));
}

/** For hand-made cases: the class sizes themselves, e.g. [1, 1, 2, 5]. */
export function histogramFromSizes(sizes: readonly number[]): ClassSizeHistogram {
  const m = new Map<number, number>();
  for (const s of sizes) m.set(s, (m.get(s) ?? 0) + 1);
  return histogramFromEntries([...m]);
}

function histogramFromEntries(entries: [number, number][]): ClassSizeHistogram {
  const sorted = entries.filter(([s, c]) => s > 0 && c > 0).sort((a, b) => a[0] - b[0]);
  return { entries: sorted, records: sorted.reduce((n, [s, c]) => n + s * c, 0) };
}
