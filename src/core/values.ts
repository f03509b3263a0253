import type { SqlValue } from './engine.ts';

/**
 * Host adapters hand raw driver values here so every host yields the same JS value.
 * Integers arrive as bigint from both DuckDB drivers; Dates only if a caller forgot
 * to cast (we render them as ISO dates rather than fail).
 */
export function normalizeValue(v: unknown): SqlValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return v;
    case 'bigint':
      return Number(v);
    default:
      if (v instanceof Date) return v.toISOString().replace(/T00:00:00\.000Z$/, '');
      if (typeof (v as { valueOf?: () => unknown }).valueOf === 'function') {
        const p = (v as { valueOf: () => unknown }).valueOf();
        if (p !== v) return normalizeValue(p);
      }
      return String(v);
  }
}
