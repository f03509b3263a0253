import type { ColumnType } from '../types.ts';
import type { Illustrate, Stats } from './stats.ts';

/** Above 15 digits a number no longer survives the trip to JavaScript exactly. */
const MAX_NUMBER_DIGITS = 15;
/** All values written this wide (or wider) and equally wide: a code, like a postal code. */
const FIXED_WIDTH_CODE = 5;
/** Column names that announce a code or identifier, whose digits are not quantities. */
const CODE_NAME = /コード|ｺｰﾄﾞ|番号|郵便|code|zip|(?:^|[^a-z])id$/i;
/** Share of convertible values above which a text column is flagged as "mostly <type>". */
export const MOSTLY = 0.9;
/** 8-digit numbers read as YYYYMMDD only if every year is plausible for people and events. */
const COMPACT_YEARS = [1850, 2199] as const;

export interface Decision {
  target: ColumnType;
  key: string;
  params?: Record<string, string | number>;
  /** Which cells to quote as examples in the reason. */
  examples?: Illustrate;
  eraDates?: number;
}

/**
 * The type a column's values call for, most specific first. Only conversions that lose
 * nothing are suggested; a near miss stays text and says how many values stand in the way.
 */
export function decide(column: string, s: Stats): Decision {
  const { n, ok } = s;
  if (n === 0) return { target: 'VARCHAR', key: 'load.typing.empty' };
  if (s.trueFalse === n) return { target: 'BOOLEAN', key: 'load.typing.boolean' };
  if (s.integerLike === n) {
    if (s.leadingZeros > 0) return { target: 'VARCHAR', key: 'load.typing.leadingZeros', examples: 'leadingZeros' };
    const digits = s.maxDigits ?? 0;
    if (digits > MAX_NUMBER_DIGITS) return { target: 'VARCHAR', key: 'load.typing.longDigits', params: { digits } };
    // A name saying code/ID wins over every reading of the digits, even as YYYYMMDD.
    if (CODE_NAME.test(column)) return { target: 'VARCHAR', key: 'load.typing.codeName' };
    const years = s.minYear !== null && s.maxYear !== null && s.minYear >= COMPACT_YEARS[0] && s.maxYear <= COMPACT_YEARS[1];
    if (s.minWidth === 8 && s.maxWidth === 8 && ok.DATE === n && years) return { target: 'DATE', key: 'load.typing.compactDate' };
    const width = s.minWidth ?? 0;
    if (width >= FIXED_WIDTH_CODE && s.maxWidth === width) return { target: 'VARCHAR', key: 'load.typing.fixedWidthCode', params: { width } };
    if (ok.BIGINT === n) return { target: 'BIGINT', key: 'load.typing.integer' };
  }
  if (ok.DOUBLE === n) {
    if (s.leadingZeros > 0) return { target: 'VARCHAR', key: 'load.typing.leadingZeros', examples: 'leadingZeros' };
    return { target: 'DOUBLE', key: 'load.typing.decimal' };
  }
  if (ok.DATE === n) {
    if (s.eraDates > 0) return { target: 'DATE', key: 'load.typing.eraDate', eraDates: s.eraDates };
    return { target: 'DATE', key: 'load.typing.date' };
  }
  if (ok.TIMESTAMP === n) return { target: 'TIMESTAMP', key: 'load.typing.timestamp', eraDates: s.eraDates };
  if (s.withZone > 0 && s.withZone + ok.TIMESTAMP === n) return { target: 'VARCHAR', key: 'load.typing.timezone', examples: 'withZone' };
  const invalidEra = s.eraShaped - s.eraDates;
  if (invalidEra > 0 && ok.DATE + invalidEra === n) {
    return { target: 'VARCHAR', key: 'load.typing.eraInvalid', params: { failures: invalidEra }, examples: 'invalidEra' };
  }
  const near = (['BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP'] as const).reduce((a, b) => (ok[b] > ok[a] ? b : a));
  if (ok[near] >= n * MOSTLY) {
    return { target: 'VARCHAR', key: `load.typing.mixed.${near}`, params: { failures: n - ok[near] }, examples: near };
  }
  return { target: 'VARCHAR', key: 'load.typing.text' };
}
