import { ERAS } from './eras.ts';

/**
 * Canonical form of a date-like cell before pattern matching, shared by the JS parser
 * and the generated SQL so both see exactly the same characters.
 *
 * Full-width digits, era initials and separators are common in Japanese forms
 * (Ｒ５．４．１). Spaces (incl. the ideographic space U+3000) are dropped because
 * 令和 5年 4月 1日 is the same date.
 */
const FULL = '０１２３４５６７８９ＭＴＳＨＲｍｔｓｈｒ．／－−';
const HALF = '0123456789MTSHRmtshr./--';

export const DATE_TRANSLATE_FROM = FULL;
export const DATE_TRANSLATE_TO = HALF;
/**
 * Characters removed before matching, as a regex class valid in both JS and RE2
 * (U+3000 is embedded literally: RE2 has no \u escape).
 */
export const DATE_SPACE_CLASS = '[ \\t\u3000]';
/** Text without any of these is already normal (lets SQL skip the costly translate()). */
export const DATE_NEEDS_NORMALIZING_CLASS = `[ \\t\u3000${FULL}]`;

const fullWidthOf = (c: string) => FULL[HALF.indexOf(c)];

/** Characters an era date can start with (after spaces): 明 大 昭 平 令, ligatures, initials. */
export const ERA_START_CLASS = `[${ERAS.map((e) => `${e.name[0]}${e.ligature}${e.initial}${e.initial.toLowerCase()}${fullWidthOf(e.initial)}${fullWidthOf(e.initial.toLowerCase())}`).join('')}]`;

const map = new Map<string, string>([...FULL].map((c, i) => [c, HALF[i]]));
const spaces = new RegExp(DATE_SPACE_CLASS, 'g');

export function normalizeDateText(text: string): string {
  let out = '';
  for (const c of text.replace(spaces, '')) out += map.get(c) ?? c;
  return out;
}
