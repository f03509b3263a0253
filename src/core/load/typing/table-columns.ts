import type { SqlEngine } from '../../engine.ts';
import { str } from '../../sql/quote.ts';

/** Column names of a table in the current schema, in table order. */
export async function tableColumns(engine: SqlEngine, table: string): Promise<string[]> {
  const rows = await engine.rows(
    `SELECT column_name AS name FROM duckdb_columns() WHERE table_name = ${str(table)} AND schema_name = current_schema() AND database_name = current_database() ORDER BY column_index`,
  );
  return rows.map((r) => String(r.name));
}
