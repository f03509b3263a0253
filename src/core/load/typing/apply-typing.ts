import type { SqlEngine } from '../../engine.ts';
import { isEraDateTextSql } from '../../dates/date-sql.ts';
import { ident } from '../../sql/quote.ts';
import type { ColumnTyping } from '../types.ts';
import { castSql, textSql } from './cast-sql.ts';

/**
 * SQL that replaces a raw table by its typed version, columns in the order of `typing`
 * (which must list every column, as inferTyping returns it). Values that do not convert
 * become NULL; checkTyping counts them beforehand over the whole table. A plain projection
 * (no joins), so row order is kept.
 */
export function applyTypingSql(table: string, typing: readonly ColumnTyping[]): string {
  return typedTableSql(table, table, typing);
}

/** The typed copy of `source` written to `target` (the same table, or one beside it). */
export function typedTableSql(target: string, source: string, typing: readonly ColumnTyping[]): string {
  if (typing.length === 0) throw new Error('typedTableSql: no columns');
  const select = typing.map((t) => `${castSql(t.column, t.target)} AS ${ident(t.column)}`).join(',\n  ');
  return `CREATE OR REPLACE TABLE ${ident(target)} AS SELECT\n  ${select}\nFROM ${ident(source)}`;
}

/**
 * Recount, over every row, how many values each chosen cast would turn into NULL (and
 * how many era dates it converts). Run it after the user changed a target, or when
 * inferTyping only saw a sample (checkedRows < rows), so nothing is lost unseen.
 * Text targets lose nothing and are not scanned.
 */
export async function checkTyping(engine: SqlEngine, table: string, typing: readonly ColumnTyping[]): Promise<ColumnTyping[]> {
  const cast = typing.map((t, i) => ({ t, i })).filter(({ t }) => t.target !== 'VARCHAR');
  const cells = cast.flatMap(({ t, i }) => {
    const out = [`${ident(t.column)} IS NOT NULL AS ${ident(`${i}:given`)}`, `${castSql(t.column, t.target)} IS NOT NULL AS ${ident(`${i}:cast`)}`];
    if (t.target === 'DATE' || t.target === 'TIMESTAMP') out.push(`${isEraDateTextSql(textSql(t.column))} AS ${ident(`${i}:era`)}`);
    return out;
  });
  const counts = cast.flatMap(({ t, i }) => {
    const c = (what: string) => ident(`${i}:${what}`);
    const out = [`count(*) FILTER (${c('given')} AND NOT ${c('cast')}) AS ${c('failures')}`];
    // An era-shaped value that converted is an era date (it cannot match a Gregorian pattern).
    if (t.target === 'DATE' || t.target === 'TIMESTAMP') out.push(`count(*) FILTER (${c('era')} AND ${c('cast')}) AS ${c('eraDates')}`);
    return out;
  });
  const from = cells.length ? `(SELECT ${cells.join(', ')} FROM ${ident(table)})` : ident(table);
  const [row] = await engine.rows(`SELECT ${['count(*) AS "rows"', ...counts].join(', ')} FROM ${from}`);
  return typing.map((t, i) => {
    const { eraDates: _, ...rest } = t;
    const era = Number(row[`${i}:eraDates`] ?? 0);
    return { ...rest, failures: Number(row[`${i}:failures`] ?? 0), ...(era ? { eraDates: era } : {}), checkedRows: Number(row.rows) };
  });
}
