import { ident, str } from '../sql/quote.ts';
import type { CsvDialect } from './types.ts';

export interface RawTableOptions {
  /** CREATE OR REPLACE instead of failing when the table exists. */
  replace?: boolean;
}

/**
 * SQL that loads a registered UTF-8 CSV as text columns exactly as written.
 *
 * auto_detect = false with an explicit VARCHAR column list: DuckDB's sniffer would otherwise
 * type columns itself (TIMESTAMPTZ needs ICU, which is not in the browser build, and codes
 * like 0010001 would lose their zeros). Types are decided later by reviewable casts.
 * strict_mode = true: a row with the wrong number of fields or a stray quote is an error
 * (mapped by csvError) instead of silently shifted or padded data.
 * Empty fields and "" both become NULL (DuckDB's default); surrounding spaces are kept.
 */
export function createRawTableSql(
  table: string,
  fileName: string,
  dialect: CsvDialect,
  columnNames: readonly string[] = dialect.columns,
  options: RawTableOptions = {},
): string {
  if (columnNames.length === 0) throw new Error('createRawTableSql: no columns');
  const columns = `{${columnNames.map((c) => `${str(c)}: 'VARCHAR'`).join(', ')}}`;
  const args = [
    str(fileName),
    'auto_detect = false',
    `header = ${dialect.hasHeader}`,
    `delim = ${str(dialect.delimiter)}`,
    `quote = ${str(dialect.quote)}`,
    `escape = ${str(dialect.quote)}`,
    'strict_mode = true',
    `columns = ${columns}`,
  ];
  const create = options.replace ? 'CREATE OR REPLACE TABLE' : 'CREATE TABLE';
  return `${create} ${ident(table)} AS SELECT * FROM read_csv(${args.join(', ')})`;
}
