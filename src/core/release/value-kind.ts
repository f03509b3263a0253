import type { ReleasedColumn } from './types.ts';

/**
 * How a released column's values travel to the data encoders, decided once from its
 * DuckDB type so that CSV, Parquet and the SQL that reads the rows agree:
 *
 * - `int32`, `float64`, `boolean`: JS numbers/booleans, exact in every host.
 * - `int64` (BIGINT, UINTEGER): read as decimal text in SQL, because the engine adapters
 *   turn integers into JS numbers, which lose digits beyond 2^53; Parquet gets Int64.
 * - `numeric-text` (DECIMAL, HUGEINT, UBIGINT, UHUGEINT): read as DuckDB's exact text;
 *   they do not fit Int64/Float64 losslessly, so Parquet gets Utf8.
 * - `text`: VARCHAR and everything else (DATE, TIMESTAMP, TIME, INTERVAL, UUID, …) is
 *   read as DuckDB's text (`2024-04-01`, `2024-04-01 09:30:00`), so no host-specific
 *   Date objects or time zones enter the bytes; Parquet gets Utf8.
 *
 * Only `text` cells are checked for spreadsheet formula injection: a numeric column's
 * `-5` is a number, not a formula, and must stay `-5`.
 */
export type ValueKind = 'text' | 'int32' | 'int64' | 'float64' | 'numeric-text' | 'boolean';

export function valueKind(type: string): ValueKind {
  const t = type.trim().toUpperCase();
  switch (t) {
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER':
    case 'UTINYINT':
    case 'USMALLINT':
      return 'int32';
    case 'BIGINT':
    case 'UINTEGER':
      return 'int64';
    case 'UBIGINT':
    case 'HUGEINT':
    case 'UHUGEINT':
      return 'numeric-text';
    // FLOAT widens to DOUBLE exactly; its text is then the double's (0.1f → 0.10000000149011612).
    case 'FLOAT':
    case 'DOUBLE':
      return 'float64';
    case 'BOOLEAN':
      return 'boolean';
    default:
      return t.startsWith('DECIMAL') ? 'numeric-text' : 'text';
  }
}

export function valueKinds(columns: readonly ReleasedColumn[]): ValueKind[] {
  return columns.map((c) => valueKind(c.type));
}

/** Kinds whose values the SQL must hand over as VARCHAR. */
export function readAsText(kind: ValueKind): boolean {
  return kind === 'text' || kind === 'int64' || kind === 'numeric-text';
}
