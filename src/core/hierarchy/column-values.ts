import type { SqlEngine } from '../engine.ts';
import { ident } from '../sql/quote.ts';

/**
 * The distinct non-NULL values of a column as the text a table hierarchy is matched on
 * (`CAST(value AS VARCHAR)`, as generalizeSql and the compiler join), sorted by value, so
 * 9 comes before 10 in a numeric column. The rows a hierarchy built from recode rules needs.
 */
export async function columnValues(engine: SqlEngine, table: string, column: string): Promise<string[]> {
  const v = ident('v');
  const rows = await engine.rows(
    `SELECT CAST(${v} AS VARCHAR) AS ${v} FROM (SELECT DISTINCT ${ident(column)} AS ${v} FROM ${ident(table)} WHERE ${ident(column)} IS NOT NULL) AS ${ident('d')} ORDER BY ${ident('d')}.${v}`,
  );
  return rows.map((r) => String(r.v));
}
