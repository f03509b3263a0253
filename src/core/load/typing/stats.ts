import type { SqlRow } from '../../engine.ts';
import { isEraDateTextSql, naiveTimestampSql, TIMESTAMP_TZ_PATTERN } from '../../dates/date-sql.ts';
import { ident, str } from '../../sql/quote.ts';
import { castTextSql, INTEGER_PATTERN, LEADING_ZERO_PATTERN, numberFromTextSql, numberTextSql, textSql } from './cast-sql.ts';

/** What the exact pass counts for one column (date fields stay 0 unless dates were checked). */
export interface Stats {
  n: number;
  trueFalse: number;
  integerLike: number;
  leadingZeros: number;
  minWidth: number | null;
  maxWidth: number | null;
  maxDigits: number | null;
  minYear: number | null;
  maxYear: number | null;
  eraShaped: number;
  eraDates: number;
  withZone: number;
  ok: { BIGINT: number; DOUBLE: number; DATE: number; TIMESTAMP: number };
}

export interface StatsColumn {
  index: number;
  name: string;
  /** Also run the (costly) date and date-time checks. */
  dates: boolean;
}

/** Name of a per-cell helper column of column `i`. */
export const cell = (i: number, what: string) => ident(`${i}:${what}`);

/**
 * Per-cell expressions, each computed once per row in nested subqueries (they are the
 * expensive part); the aggregates then only reference them. Numbers come from the
 * normalised text through numberFromTextSql, as in castTextSql, so counts and applied
 * casts cannot disagree.
 */
export function cellsSql(columns: readonly StatsColumn[], source: string): string {
  const base = columns.flatMap(({ index: i, name }) => {
    const text = textSql(name);
    return [`${text} AS ${cell(i, 'v')}`, `${numberTextSql(text)} AS ${cell(i, 'digits')}`];
  });
  const derived = columns.flatMap(({ index: i, dates }) => {
    const v = cell(i, 'v');
    const digits = cell(i, 'digits');
    const cells = [
      v,
      digits,
      `regexp_matches(${digits}, ${str(INTEGER_PATTERN)}) AS ${cell(i, 'integerLike')}`,
      `regexp_matches(${digits}, ${str(LEADING_ZERO_PATTERN)}) AS ${cell(i, 'leadingZero')}`,
      `${numberFromTextSql(digits, 'BIGINT')} AS ${cell(i, 'BIGINT')}`,
      `${numberFromTextSql(digits, 'DOUBLE')} AS ${cell(i, 'DOUBLE')}`,
    ];
    if (dates) {
      cells.push(
        `${castTextSql(v, 'DATE')} AS ${cell(i, 'DATE')}`,
        // castTextSql(TIMESTAMP) is COALESCE(naive date-time, DATE); the DATE cell is reused.
        `${naiveTimestampSql(v)} AS ${cell(i, 'naiveTimestamp')}`,
        `${isEraDateTextSql(v)} AS ${cell(i, 'eraShaped')}`,
      );
    }
    return cells;
  });
  return `(SELECT\n    ${derived.join(',\n    ')}\n  FROM (SELECT ${base.join(', ')} FROM ${source}))`;
}

export function statsSql(columns: readonly StatsColumn[], source: string): string {
  const aggregates = columns.flatMap(({ index: i, dates }) => {
    const v = cell(i, 'v');
    const digits = cell(i, 'digits');
    const intLike = cell(i, 'integerLike');
    const stat = (name: string, sql: string) => `${sql} AS ${ident(`${i}:${name}`)}`;
    const out = [
      stat('n', `count(${v})`),
      stat('trueFalse', `count(*) FILTER (lower(trim(${v})) IN ('true', 'false'))`),
      stat('integerLike', `count(*) FILTER (${intLike})`),
      stat('leadingZeros', `count(*) FILTER (${cell(i, 'leadingZero')})`),
      // Width as written, padding included: "100  " and "16307" are one 5-wide code.
      stat('minWidth', `min(length(${v})) FILTER (${intLike})`),
      stat('maxWidth', `max(length(${v})) FILTER (${intLike})`),
      stat('maxDigits', `max(length(replace(replace(replace(${digits}, ',', ''), '+', ''), '-', ''))) FILTER (${intLike})`),
      stat('BIGINT', `count(${cell(i, 'BIGINT')})`),
      stat('DOUBLE', `count(${cell(i, 'DOUBLE')})`),
    ];
    if (dates) {
      const date = cell(i, 'DATE');
      out.push(
        stat('DATE', `count(${date})`),
        stat('TIMESTAMP', `count(*) FILTER (${cell(i, 'naiveTimestamp')} IS NOT NULL OR ${date} IS NOT NULL)`),
        stat('minYear', `min(year(${date}))`),
        stat('maxYear', `max(year(${date}))`),
        stat('eraShaped', `count(*) FILTER (${cell(i, 'eraShaped')})`),
        // An era-shaped cell cannot match the Gregorian patterns, so its DATE is its era date.
        stat('eraDates', `count(*) FILTER (${cell(i, 'eraShaped')} AND ${date} IS NOT NULL)`),
        stat('withZone', `count(*) FILTER (regexp_matches(trim(${v}), ${str(TIMESTAMP_TZ_PATTERN)}))`),
      );
    }
    return out;
  });
  return `SELECT\n  ${aggregates.join(',\n  ')}\nFROM ${cellsSql(columns, source)}`;
}

export function readStats(row: SqlRow, i: number): Stats {
  const v = (name: string) => (row[`${i}:${name}`] ?? null) as number | null;
  const count = (name: string) => v(name) ?? 0;
  return {
    n: count('n'),
    trueFalse: count('trueFalse'),
    integerLike: count('integerLike'),
    leadingZeros: count('leadingZeros'),
    minWidth: v('minWidth'),
    maxWidth: v('maxWidth'),
    maxDigits: v('maxDigits'),
    minYear: v('minYear'),
    maxYear: v('maxYear'),
    eraShaped: count('eraShaped'),
    eraDates: count('eraDates'),
    withZone: count('withZone'),
    ok: { BIGINT: count('BIGINT'), DOUBLE: count('DOUBLE'), DATE: count('DATE'), TIMESTAMP: count('TIMESTAMP') },
  };
}

/** Cells that illustrate a reason (shown as examples next to it). */
export type Illustrate = 'leadingZeros' | 'withZone' | 'invalidEra' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'TIMESTAMP';

export function exampleCondition(i: number, what: Illustrate): string {
  switch (what) {
    case 'leadingZeros':
      return cell(i, 'leadingZero');
    case 'withZone':
      return `regexp_matches(trim(${cell(i, 'v')}), ${str(TIMESTAMP_TZ_PATTERN)})`;
    case 'invalidEra':
      return `${cell(i, 'eraShaped')} AND ${cell(i, 'DATE')} IS NULL`;
    case 'TIMESTAMP':
      return `${cell(i, 'v')} IS NOT NULL AND ${cell(i, 'naiveTimestamp')} IS NULL AND ${cell(i, 'DATE')} IS NULL`;
    default:
      return `${cell(i, 'v')} IS NOT NULL AND ${cell(i, what)} IS NULL`;
  }
}
