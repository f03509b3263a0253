/**
 * Japanese eras (元号) with the Gregorian dates they cover. One table feeds both the
 * JS parser (wareki.ts) and the SQL conversion (date-sql.ts), so they cannot drift.
 *
 * Meiji starts at 1873-01-01 here, not at the 1868 proclamation: before 明治6年 Japan used
 * the lunisolar calendar, so "明治5年3月1日" is not a Gregorian month/day and converting it
 * by a year offset would be wrong. Such dates are rejected (null) rather than mis-converted.
 */
export interface Era {
  /** Kanji name, e.g. 令和. */
  name: string;
  /** Latin initial used in abbreviations such as R5.4.1. */
  initial: string;
  /** Gregorian year of era year 1 (元年), minus one: year = offset + eraYear. */
  offset: number;
  /** First valid Gregorian date, ISO. */
  start: string;
  /**
   * Last day of the era, ISO; null for the current era. Informative only: dates written in
   * an era after it ended (平成32年3月31日) are still read, see parseWareki.
   */
  end: string | null;
  /** Single-character ligature (㍻ etc.) some systems emit. */
  ligature: string;
}

export const ERAS: readonly Era[] = [
  { name: '明治', initial: 'M', offset: 1867, start: '1873-01-01', end: '1912-07-29', ligature: '\u337E' },
  { name: '大正', initial: 'T', offset: 1911, start: '1912-07-30', end: '1926-12-24', ligature: '\u337D' },
  { name: '昭和', initial: 'S', offset: 1925, start: '1926-12-25', end: '1989-01-07', ligature: '\u337C' },
  { name: '平成', initial: 'H', offset: 1988, start: '1989-01-08', end: '2019-04-30', ligature: '\u337B' },
  { name: '令和', initial: 'R', offset: 2018, start: '2019-05-01', end: null, ligature: '\u32FF' },
];
