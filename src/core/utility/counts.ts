import type { SqlEngine } from '../engine.ts';
import { ident } from '../sql/quote.ts';
import type { ColumnValueCounts, ValueCount } from './types.ts';

/**
 * Value counts of several columns in one scan (GROUPING SETS, one set per column), split by
 * an optional boolean column that marks suppressed records. Row shape:
 * g{i} = 0 for the column grouped in that row, v{i} its value as VARCHAR, released, suppressed.
 */
export function valueCountsSql(relation: string, columns: readonly string[], suppressedColumn?: string): string {
  const sup = suppressedColumn ? `COALESCE(${ident(suppressedColumn)}, FALSE)` : 'FALSE';
  const select = columns.flatMap((c, i) => [
    `GROUPING(${ident(c)}) AS ${ident(`g${i}`)}`,
    `CAST(${ident(c)} AS VARCHAR) AS ${ident(`v${i}`)}`,
  ]);
  return (
    `SELECT ${select.join(', ')}, COUNT(*) FILTER (WHERE NOT ${sup}) AS released, ` +
    `COUNT(*) FILTER (WHERE ${sup}) AS suppressed FROM ${ident(relation)} ` +
    `GROUP BY GROUPING SETS (${columns.map((c) => `(${ident(c)})`).join(', ')})`
  );
}

export async function valueCounts(
  engine: SqlEngine,
  relation: string,
  columns: readonly string[],
  suppressedColumn?: string,
): Promise<ColumnValueCounts> {
  const out = new Map<string, ValueCount[]>(columns.map((c) => [c, []]));
  if (columns.length === 0) return out;
  for (const r of await engine.rows(valueCountsSql(relation, columns, suppressedColumn))) {
    const i = columns.findIndex((_, j) => r[`g${j}`] === 0);
    const v = r[`v${i}`];
    out.get(columns[i])!.push({
      value: v === null ? null : String(v),
      released: Number(r.released),
      suppressed: Number(r.suppressed),
    });
  }
  for (const list of out.values()) sortValueCounts(list);
  return out;
}

/** A stable order (NULL first, then by value) keeps floating-point sums identical on every host and path. */
export function sortValueCounts(list: ValueCount[]): ValueCount[] {
  return list.sort((a, b) => (a.value === b.value ? 0 : a.value === null ? -1 : b.value === null ? 1 : a.value < b.value ? -1 : 1));
}
