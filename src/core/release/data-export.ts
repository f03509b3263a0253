import type { SqlEngine, SqlRow } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident, num, str } from '../sql/quote.ts';
import type { ReleasedColumn } from './types.ts';
import { readAsText, valueKind } from './value-kind.ts';

/**
 * Materialises the released rows once, in a shuffled but reproducible order, and pages
 * through them for the data encoders.
 *
 * Why shuffle: the source order (patient ID, admission date…) would survive into the
 * package and could help re-identify rows. Row order is `md5(seed ␟ row text)`, then every
 * column as a tie-break: it depends only on the released content and the seed (recorded
 * in the creation record), not on the source order or the host, so browser and CLI write
 * the same bytes, and a new seed gives a new order. Fully identical rows tie, harmlessly.
 *
 * Values: columns that the encoders take as text (DATE, TIMESTAMP, BIGINT, DECIMAL, …, see
 * value-kind.ts) are cast to VARCHAR here, in SQL, so the text is DuckDB's in every host.
 * TIMESTAMP WITH TIME ZONE is first turned into UTC wall time (`… +00`), because its plain
 * cast follows the host's TimeZone setting, which the native CLI takes from the machine.
 *
 * Paging: the temporary table is written in row-number order, so `WHERE row BETWEEN a AND b`
 * touches only the row groups holding that range (min/max pruning) — no OFFSET rescans.
 */

export interface ReleasedRows {
  columns: ReleasedColumn[];
  rows: number;
  /** The temporary table holding the released rows (dates as text), for aggregates over exactly what is written. */
  relation: string;
  /** Pages of rows in release order, keyed by column name. Each call starts from the first row. */
  batches(): AsyncIterable<SqlRow[]>;
  /** Drop the temporary table. */
  dispose(): Promise<void>;
}

const DEFAULT_PAGE_ROWS = 10_000;
let tables = 0;

function textExpr(column: ReleasedColumn): string {
  const c = ident(column.name);
  if (column.type.toUpperCase() === 'TIMESTAMP WITH TIME ZONE') return `(CAST(make_timestamp(epoch_us(${c})) AS VARCHAR) || '+00')`;
  return `CAST(${c} AS VARCHAR)`;
}

function unusedName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  while (taken.has(name)) name += '_';
  return name;
}

export async function openReleasedRows(
  engine: SqlEngine,
  sql: string,
  opts: { seed: string; pageRows?: number },
): Promise<ReleasedRows> {
  const pageRows = Math.max(1, Math.floor(opts.pageRows ?? DEFAULT_PAGE_ROWS));
  const source = `(${sql}) AS released`;
  const described = await engine.rows(`DESCRIBE SELECT * FROM ${source}`);
  const columns: ReleasedColumn[] = described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  if (columns.length === 0) throw new TokumeiError('releaseBytes.data.noColumns');
  const names = new Set<string>();
  for (const c of columns) {
    if (names.has(c.name)) throw new TokumeiError('releaseBytes.data.duplicateColumn', { column: c.name });
    names.add(c.name);
  }

  const tableName = `__tokumei_release_${++tables}`;
  const table = ident(tableName);
  const rowCol = ident(unusedName('__tokumei_row', names));
  const rowText = columns
    .map((c) => `CASE WHEN ${ident(c.name)} IS NULL THEN 'N' ELSE 'V' || ${textExpr(c)} END`)
    .join(` || chr(31) || `);
  const order = `md5(${str(opts.seed)} || chr(31) || ${rowText}), ${columns.map((c) => `${ident(c.name)} NULLS LAST`).join(', ')}`;
  const values = columns.map((c) => {
    const kind = valueKind(c.type);
    const asText = readAsText(kind) && c.type.toUpperCase() !== 'VARCHAR';
    return asText ? `${textExpr(c)} AS ${ident(c.name)}` : ident(c.name);
  });
  await engine.exec(
    `CREATE TEMP TABLE ${table} AS SELECT * FROM (` +
      `SELECT row_number() OVER (ORDER BY ${order}) AS ${rowCol}, ${values.join(', ')} FROM ${source}` +
      `) ORDER BY ${rowCol}`,
  );
  const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM ${table}`);
  const rows = Number(n);
  const selectList = columns.map((c) => ident(c.name)).join(', ');

  return {
    columns,
    rows,
    relation: tableName,
    async *batches() {
      for (let from = 1; from <= rows; from += pageRows) {
        const to = Math.min(rows, from + pageRows - 1);
        yield await engine.rows(`SELECT ${selectList} FROM ${table} WHERE ${rowCol} BETWEEN ${num(from)} AND ${num(to)} ORDER BY ${rowCol}`);
      }
    },
    async dispose() {
      await engine.exec(`DROP TABLE IF EXISTS ${table}`);
    },
  };
}
