import { columnKind } from '../profile/column-kind.ts';

/**
 * What a transform may do with a value, decided from the DuckDB type name. Unlike the
 * profile's kinds, BOOLEAN and TIMESTAMPTZ are told apart: TIMESTAMPTZ is refused by
 * date transforms (its arithmetic needs the ICU extension, which is not available offline).
 */
export type ValueKind = 'integer' | 'float' | 'date' | 'timestamp' | 'timestamptz' | 'boolean' | 'text' | 'nested';

export function valueKind(duckType: string): ValueKind {
  const t = duckType.toUpperCase();
  if (t === 'TIMESTAMPTZ' || t === 'TIMESTAMP WITH TIME ZONE') return 'timestamptz';
  if (t === 'BOOLEAN') return 'boolean';
  return columnKind(t);
}

export const isNumeric = (k: ValueKind) => k === 'integer' || k === 'float';
export const isDateLike = (k: ValueKind) => k === 'date' || k === 'timestamp';
