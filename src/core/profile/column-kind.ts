/**
 * How the profile treats a column, decided from its DuckDB type name.
 * - `integer`: exact integer bins (values fit HUGEINT arithmetic)
 * - `float`: equal-width real bins over finite values (DOUBLE, FLOAT, DECIMAL, HUGEINT)
 * - `date` / `timestamp`: integer bins over days / microseconds since the epoch
 * - `text`: ordered scalar without a histogram (VARCHAR, BOOLEAN, TIME, TIMESTAMPTZ …)
 * - `nested`: LIST/STRUCT/MAP/ARRAY/UNION; compared through their text form
 */
export type ColumnKind = 'integer' | 'float' | 'date' | 'timestamp' | 'text' | 'nested';

const INTEGER = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT']);
const FLOAT = new Set(['FLOAT', 'DOUBLE', 'HUGEINT', 'UHUGEINT']);
// TIMESTAMPTZ is left out on purpose: its text depends on the host's time zone.
const TIMESTAMP = new Set(['TIMESTAMP', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS']);

export function columnKind(type: string): ColumnKind {
  const t = type.toUpperCase();
  if (INTEGER.has(t)) return 'integer';
  if (FLOAT.has(t) || t.startsWith('DECIMAL')) return 'float';
  if (t === 'DATE') return 'date';
  if (TIMESTAMP.has(t)) return 'timestamp';
  if (/[[\]]$/.test(t) || /^(STRUCT|MAP|UNION)\b/.test(t)) return 'nested';
  return 'text';
}
