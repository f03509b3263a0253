import { isTokumeiError } from '../../core/errors.ts';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * What to show for a caught error: a TokumeiError speaks the user's language through the
 * catalog; anything else (a DuckDB message, a bug) is shown as it is rather than hidden.
 */
export function errorMessage(e: unknown, translate: Translate): string {
  if (isTokumeiError(e)) return translate(e.key, e.params);
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}
