import type { Lang } from '../../core/i18n/catalog.ts';

const locales: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };

// Building an Intl.NumberFormat costs far more than using one; the grid formats every row number on each scroll.
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = lang + JSON.stringify(opts);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], opts);
    formatters.set(key, f);
  }
  return f;
}

export function formatCount(lang: Lang, n: number): string {
  return numberFormat(lang).format(n);
}

/** A share of a whole as a percentage; tiny non-zero shares keep one significant digit instead of showing 0%. */
export function formatShare(lang: Lang, part: number, whole: number): string {
  if (whole <= 0) return '–';
  const f = part / whole;
  const p = f * 100;
  const opts: Intl.NumberFormatOptions =
    p > 0 && p < 0.1
      ? { style: 'percent', maximumSignificantDigits: 1 }
      : { style: 'percent', maximumFractionDigits: (p > 0 && p < 10) || (p > 99 && p < 100) ? 1 : 0 };
  return numberFormat(lang, opts).format(f);
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(lang: Lang, bytes: number): string {
  let v = Math.max(0, bytes);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = u === 0 || v >= 100 ? 0 : 1;
  return `${numberFormat(lang, { maximumFractionDigits: digits }).format(v)} ${UNITS[u]}`;
}

export function formatSeconds(lang: Lang, ms: number): string {
  return numberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.max(0, ms) / 1000);
}

/** Short axis labels: 1.2万 / 12K. */
export function formatCompact(lang: Lang, n: number): string {
  return numberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}
