import { str } from '../sql/quote.ts';
import { ERAS } from './eras.ts';
import { DATE_NEEDS_NORMALIZING_CLASS, DATE_SPACE_CLASS, DATE_TRANSLATE_FROM, DATE_TRANSLATE_TO, ERA_START_CLASS } from './normalize.ts';
import { ERA_DATE_PATTERN, eraSpellings } from './wareki.ts';

/**
 * SQL expressions that turn a VARCHAR expression into DATE / TIMESTAMP without DuckDB's
 * lenient casts (TRY_CAST('2020-01-02 10:00' AS DATE) silently drops the time, and a
 * '+09:00' offset is silently ignored by a TIMESTAMP cast). Every conversion is guarded by
 * an explicit pattern, so what converts is exactly what the patterns document.
 *
 * Era dates are converted in SQL from the same era table and pattern as parseWareki, so
 * the conversion is a plain projection: no join (row order kept), no mapping table, no
 * UDF, and it runs on any table size on both engines. Tests check SQL == parseWareki.
 *
 * Cost matters: type inference runs these on every sampled cell. Lambdas bind intermediate
 * values once (list_transform([v], lambda x: …)[1]); written out inline, the era expression
 * grew to 20 kB per use and planning alone took ~60 ms. Cheap regex gates skip the costly
 * parts: translate() (5x a regex match) runs only on text with full-width characters or
 * spaces, and the date parsing only on text that starts like a date.
 * Lambda parameters start with __ so they cannot shadow a user's column.
 */

/** 2020-01-02, 2020/1/2, 2020.1.2, 2020年1月2日 (after normalisation). */
export const GREGORIAN_DATE_PATTERN = '^([0-9]{4})(?:[./-]|年)([0-9]{1,2})(?:[./-]|月)([0-9]{1,2})日?$';
/** 20200102: common in claims and DPC extracts. */
export const COMPACT_DATE_PATTERN = '^([0-9]{4})([0-9]{2})([0-9]{2})$';
/** Naive date-time; a time zone suffix is deliberately not part of it. */
export const TIMESTAMP_PATTERN = '^[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.][0-9]{1,9})?)?$';
/** A date-time that carries an offset or Z: never converted (that would need TIMESTAMPTZ). */
export const TIMESTAMP_TZ_PATTERN =
  '^[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.][0-9]{1,9})?)? ?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)$';

/** Every supported date starts (after spaces) with four digits or an era marker. */
const DATE_START = `^${DATE_SPACE_CLASS}*(?:[0-9０-９]{4}|${ERA_START_CLASS})`;
const ERA_START = `^${DATE_SPACE_CLASS}*${ERA_START_CLASS}`;

/** Evaluate `value` once and use it as `name` in `body`. */
function bind(value: string, name: string, body: string): string {
  return `list_transform([${value}], lambda ${name}: ${body})[1]`;
}

/** The normalised text every date pattern is matched against (same as normalizeDateText). */
export function dateTextSql(expr: string): string {
  const normalized = `translate(regexp_replace(${expr}, ${str(DATE_SPACE_CLASS)}, '', 'g'), ${str(DATE_TRANSLATE_FROM)}, ${str(DATE_TRANSLATE_TO)})`;
  return `CASE WHEN regexp_matches(${expr}, ${str(DATE_NEEDS_NORMALIZING_CLASS)}) THEN ${normalized} ELSE ${expr} END`;
}

/** `expr` is repeated, so it should be cheap (a column, a CAST of one); lambdas cost more in wasm. */
function gated(expr: string, start: string, body: (text: string) => string): string {
  return `CASE WHEN regexp_matches(${expr}, ${str(start)}) THEN ${bind(dateTextSql(expr), '__t', body('__t'))} END`;
}

/**
 * make_date only for real calendar days: an invalid one would raise an error, and catching
 * it (try/TRY_CAST) costs ~10 µs per cell, which a column of typos makes very slow.
 */
function calendarDateSql(y: string, m: string, d: string): string {
  const leap = `((${y}) % 4 = 0 AND (${y}) % 100 <> 0 OR (${y}) % 400 = 0)`;
  const days = `CASE WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  return `CASE WHEN ${m} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ${days} THEN make_date(${y}, ${m}, ${d}) END`;
}

/** Gated by the pattern, so the groups are digits and plain CASTs cannot fail. */
function ymdFrom(text: string, pattern: string): string {
  const date = bind(
    `regexp_extract(${text}, ${str(pattern)}, ['y', 'm', 'd'])`,
    '__g',
    calendarDateSql('CAST(__g.y AS INTEGER)', 'CAST(__g.m AS INTEGER)', 'CAST(__g.d AS INTEGER)'),
  );
  return `CASE WHEN regexp_matches(${text}, ${str(pattern)}) THEN ${date} END`;
}

/**
 * Era lookups as CASE expressions on the marker: list constants indexed per row
 * ([1867, 1911, …][i]) were rebuilt for every cell and made era parsing several times slower.
 */
function byEra(marker: string, value: (era: (typeof ERAS)[number]) => string): string {
  return `CASE ${ERAS.map((era) => `WHEN ${marker} IN (${eraSpellings(era).map(str).join(', ')}) THEN ${value(era)}`).join(' ')} END`;
}

/** Era date from already normalised text (mirrors parseWareki). */
function eraFromText(text: string): string {
  const eraYear = `CASE WHEN __s.y = '元' THEN 1 ELSE CAST(__s.y AS INTEGER) END`;
  const year = `${byEra('__s.g', (e) => String(e.offset))} + ${eraYear}`;
  const date = `CASE WHEN ${eraYear} >= 1 THEN ${calendarDateSql(year, 'CAST(__s.m AS INTEGER)', 'CAST(__s.d AS INTEGER)')} END`;
  // Only the era's start is enforced; later dates are read on, as parseWareki explains.
  const inEra = byEra('__s.g', (e) => `CASE WHEN __d >= DATE ${str(e.start)} THEN __d END`);
  const parsed = bind(`regexp_extract(${text}, ${str(ERA_DATE_PATTERN)}, ['g', 'y', 'm', 'd'])`, '__s', bind(date, '__d', inEra));
  return `CASE WHEN regexp_matches(${text}, ${str(ERA_DATE_PATTERN)}) THEN ${parsed} END`;
}

/** Gregorian dates only (separated or compact); NULL otherwise. */
export function gregorianDateSql(expr: string): string {
  return gated(expr, DATE_START, (t) => `COALESCE(${ymdFrom(t, GREGORIAN_DATE_PATTERN)}, ${ymdFrom(t, COMPACT_DATE_PATTERN)})`);
}

/** True when the text has the shape of an era date (valid or not). */
export function isEraDateTextSql(expr: string): string {
  return `COALESCE(${gated(expr, ERA_START, (t) => `regexp_matches(${t}, ${str(ERA_DATE_PATTERN)})`)}, false)`;
}

/** Era date → DATE, NULL when not an era date or before its era began (mirrors parseWareki). */
export function eraDateSql(expr: string): string {
  return gated(expr, ERA_START, eraFromText);
}

/** Any supported date spelling → DATE. */
export function dateSql(expr: string): string {
  return gated(
    expr,
    DATE_START,
    (t) => `COALESCE(${ymdFrom(t, GREGORIAN_DATE_PATTERN)}, ${ymdFrom(t, COMPACT_DATE_PATTERN)}, ${eraFromText(t)})`,
  );
}

/** Naive timestamp text → TIMESTAMP (never TIMESTAMPTZ); offsets yield NULL. */
export function naiveTimestampSql(expr: string): string {
  return bind(
    `trim(${expr})`,
    '__t',
    `CASE WHEN regexp_matches(__t, ${str(TIMESTAMP_PATTERN)}) THEN TRY_CAST(replace(__t, '/', '-') AS TIMESTAMP) END`,
  );
}

/** TIMESTAMP target: date-times, or dates at midnight. */
export function timestampSql(expr: string): string {
  return `COALESCE(${naiveTimestampSql(expr)}, CAST(${dateSql(expr)} AS TIMESTAMP))`;
}
