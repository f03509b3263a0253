import { dateSql, timestampSql } from '../../dates/date-sql.ts';
import { ident, str } from '../../sql/quote.ts';
import type { ColumnType } from '../types.ts';

/**
 * The one definition of how a text cell becomes a typed value. Type inference counts
 * successes with these very expressions, so "failures" shown to the user are exactly
 * the cells the applied cast turns into NULL.
 *
 * Numbers are matched by pattern before casting because DuckDB's casts are lenient in
 * ways that would corrupt data silently: TRY_CAST('1.5' AS BIGINT) = 2, '0x10' = 16,
 * '1_000' = 1000. Full-width digits (１２３) and comma grouping (1,234) are accepted, as
 * Japanese spreadsheets write them.
 */
export const INTEGER_PATTERN = '^[+-]?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)$';
export const DECIMAL_PATTERN = '^[+-]?(?:(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:[.][0-9]*)?|[.][0-9]+)(?:[eE][+-]?[0-9]{1,3})?$';
/** 007, -01.5: a number would drop the zero, so such a column is a code. */
export const LEADING_ZERO_PATTERN = '^[+-]?0[0-9]';

const FULL_WIDTH_NUMBER = '０１２３４５６７８９，．－＋−';
const HALF_WIDTH_NUMBER = '0123456789,.-+-';

/** DuckDB's boolean words, spelled out as a lookup: a failing TRY_CAST is slow. */
const BOOLEAN_WORDS: [string, boolean][] = [
  ['true', true], ['t', true], ['yes', true], ['y', true], ['1', true],
  ['false', false], ['f', false], ['no', false], ['n', false], ['0', false],
];
const WORDS = `[${BOOLEAN_WORDS.map(([w]) => str(w)).join(', ')}]`;
const VALUES = `[${BOOLEAN_WORDS.map(([, b]) => String(b)).join(', ')}]`;

export function textSql(column: string): string {
  return `CAST(${ident(column)} AS VARCHAR)`;
}

/** A text expression as a number is written: trimmed, full-width folded to ASCII (translate() is slow, so only when needed). */
export function numberTextSql(text: string): string {
  return `CASE WHEN regexp_matches(${text}, ${str(`[${FULL_WIDTH_NUMBER}]`)}) THEN translate(trim(${text}), ${str(FULL_WIDTH_NUMBER)}, ${str(HALF_WIDTH_NUMBER)}) ELSE trim(${text}) END`;
}

/**
 * A number from its normalised text (numberTextSql). Text the pattern admits always casts
 * (integers are limited to 18 digits, inside BIGINT), so no cast can fail: catching cast
 * errors costs ~10 µs per cell, and columns full of '-' or '不明' would crawl.
 */
export function numberFromTextSql(digits: string, type: 'BIGINT' | 'DOUBLE'): string {
  const plain = `replace(${digits}, ',', '')`;
  if (type === 'BIGINT') {
    return `CASE WHEN regexp_matches(${digits}, ${str(INTEGER_PATTERN)}) AND length(ltrim(${plain}, '+-')) <= 18 THEN TRY_CAST(${plain} AS BIGINT) END`;
  }
  return `CASE WHEN regexp_matches(${digits}, ${str(DECIMAL_PATTERN)}) THEN TRY_CAST(${plain} AS DOUBLE) END`;
}

/** A VARCHAR expression converted to `target` (NULL where the text does not convert). */
export function castTextSql(text: string, target: ColumnType): string {
  switch (target) {
    case 'VARCHAR':
      return text;
    case 'BIGINT':
    case 'DOUBLE':
      return numberFromTextSql(numberTextSql(text), target);
    case 'BOOLEAN':
      return `${VALUES}[list_position(${WORDS}, lower(trim(${text})))]`;
    case 'DATE':
      return dateSql(text);
    case 'TIMESTAMP':
      return timestampSql(text);
  }
}

/** One column of a table converted to `target`. */
export function castSql(column: string, target: ColumnType): string {
  return castTextSql(textSql(column), target);
}
