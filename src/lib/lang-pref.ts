import { LANGS, pickLang, type Lang } from '../core/i18n/catalog.ts';

/** localStorage key of the user's explicit language choice. */
export const LANG_STORAGE_KEY = 'tokumei.lang';

/** An explicit earlier choice wins over the browser's preference; anything unknown is ignored. */
export function resolveLang(stored: string | null, preferred: readonly string[]): Lang {
  if (stored !== null && (LANGS as readonly string[]).includes(stored)) return stored as Lang;
  return pickLang(preferred);
}
