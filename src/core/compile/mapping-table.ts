import type { SqlEngine } from '../engine.ts';
import { ident, str } from '../sql/quote.ts';

export type MappingColumn = readonly [name: string, type: 'VARCHAR' | 'INTEGER'];

let files = 0;

/** RFC 4180 cell: text always quoted (so '' stays an empty string, not NULL), integers bare. */
const cell = (v: string | number) => (typeof v === 'number' ? String(Math.trunc(v)) : `"${v.replaceAll('"', '""')}"`);

/**
 * Creates `table` and fills it with rows computed in JavaScript. The rows travel as a
 * registered CSV file read with fixed columns and no sniffing, not as INSERT text: for
 * 200 000 rows that was 7–13× faster (0.6 s native, 1.6 s wasm, against 7.5 s and 11.5 s),
 * and any value (quotes, commas, line breaks, '') reads back exactly.
 */
export async function loadMappingTable(
  engine: SqlEngine,
  table: string,
  columns: readonly MappingColumn[],
  rows: readonly (readonly (string | number)[])[],
): Promise<void> {
  const csv = rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
  const file = `__tokumei_mapping_${++files}.csv`;
  const spec = columns.map(([n, t]) => `${str(n)}: ${str(t)}`).join(', ');
  await engine.registerFile(file, new TextEncoder().encode(csv));
  try {
    await engine.exec(
      `CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM read_csv(${str(file)}, header = false, auto_detect = false, ` +
        `delim = ${str(',')}, quote = ${str('"')}, escape = ${str('"')}, allow_quoted_nulls = false, columns = {${spec}})`,
    );
  } finally {
    await engine.dropFile(file);
  }
}
