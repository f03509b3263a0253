import { t, type Lang, type MessageKey } from '../core/i18n/catalog.ts';
import { LANG_STORAGE_KEY, resolveLang } from './lang-pref.ts';

type Params = Record<string, string | number>;

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANG_STORAGE_KEY) ?? null;
  } catch {
    return null; // storage can be blocked by policy; the browser preference still works
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

const initial = resolveLang(readStored(), browserLanguages());
let current = $state<Lang>(initial);

function applyToDocument(lang: Lang): void {
  // Screen readers and the browser's font fallback (Japanese vs Chinese glyphs) follow <html lang>.
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
applyToDocument(initial);

/** The current UI language (reactive when read in a component or $derived). */
export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  applyToDocument(lang);
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // not persisted; the choice still holds for this session
  }
}

/** Translate in the current language; re-renders when the language changes. */
export function tr(key: MessageKey, params?: Params): string {
  return t(current, key, params);
}

/**
 * For keys that arrive as data (e.g. a typing reason or an error from the worker):
 * unknown keys render as the key itself rather than as nothing.
 */
export function trKey(key: string, params?: Params): string {
  return t(current, key as MessageKey, params);
}
