import { ERAS, type Era } from './eras.ts';
import { normalizeDateText } from './normalize.ts';

/**
 * A Japanese era date (和暦): 令和5年4月1日, 令和元年5月1日, R5.4.1, R05/04/01, H31-4-30,
 * ㍻31年4月30日, full-width Ｒ５．４．１. Group 1 = era, 2 = year (or 元), 3 = month, 4 = day.
 * Written for both JS RegExp and RE2 (DuckDB), which agree on this subset.
 */
export const ERA_DATE_PATTERN =
  '^(' +
  ERAS.flatMap((e) => [e.name, e.ligature]).join('|') +
  '|[' +
  ERAS.map((e) => e.initial + e.initial.toLowerCase()).join('') +
  '])(元|[0-9]{1,2})(?:年|[./-])([0-9]{1,2})(?:月|[./-])([0-9]{1,2})日?$';

const eraPattern = new RegExp(ERA_DATE_PATTERN);

/** Every spelling of an era's marker (kanji, ligature, upper/lower initial). */
export function eraSpellings(era: Era): string[] {
  return [era.name, era.ligature, era.initial, era.initial.toLowerCase()];
}

const eraByMarker = new Map<string, Era>(ERAS.flatMap((e) => eraSpellings(e).map((s) => [s, e] as const)));

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Convert a Japanese era date to ISO 'YYYY-MM-DD', or null when the text is not one, names
 * no calendar day, or lies before its era began (令和1年4月30日 was still 平成).
 *
 * Dates after an era ended are read on (平成32年3月31日 → 2020-03-31, 平成31年5月1日 →
 * 2019-05-01): forms and permits printed before the 2019 change carried such dates, and the
 * government's guidance (新元号への円滑な移行に向けた関係省庁連絡会議申合せ「改元に伴う元号による
 * 年表示の取扱いについて」, 2019-04-01) is that they stay valid and are read as the matching
 * 令和 date; municipalities published the same 読み替え rule. 昭和64年1月8日 is read the same way.
 */
export function parseWareki(text: string): string | null {
  const m = eraPattern.exec(normalizeDateText(text));
  if (!m) return null;
  const era = eraByMarker.get(m[1]);
  if (!era) return null;
  const eraYear = m[2] === '元' ? 1 : Number(m[2]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  if (eraYear < 1 || month < 1 || month > 12) return null;
  const year = era.offset + eraYear;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return iso < era.start ? null : iso;
}
