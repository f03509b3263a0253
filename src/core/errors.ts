import type { MessageKey } from './i18n/catalog.ts';

/**
 * An error the user should understand. It carries a catalog key and parameters
 * rather than text, so every host (UI in JA/EN, CLI) renders it in the user's language.
 */
export class TokumeiError extends Error {
  readonly key: MessageKey;
  readonly params: Record<string, string | number>;
  constructor(key: MessageKey, params: Record<string, string | number> = {}, options?: { cause?: unknown }) {
    super(`${key} ${JSON.stringify(params)}`, options);
    this.name = 'TokumeiError';
    this.key = key;
    this.params = params;
  }
}

export function isTokumeiError(e: unknown): e is TokumeiError {
  return e instanceof TokumeiError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'TokumeiError' && 'key' in e);
}
