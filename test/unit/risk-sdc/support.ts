import type { SqlEngine, SqlValue } from '../../../src/core/engine.ts';
import { ident, literal } from '../../../src/core/sql/quote.ts';

/** A small table from literal rows; `types` casts columns (e.g. { w: 'DOUBLE' }). */
export async function createTable(
  engine: SqlEngine,
  name: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  types: Record<string, string> = {},
): Promise<void> {
  const values = rows.map((r) => `(${r.map(literal).join(', ')})`).join(', ');
  const select = columns.map((c, i) => (types[c] ? `CAST(col${i} AS ${types[c]}) AS ${ident(c)}` : `col${i} AS ${ident(c)}`)).join(', ');
  await engine.exec(`CREATE OR REPLACE TABLE ${ident(name)} AS SELECT ${select} FROM (VALUES ${values})`);
}
