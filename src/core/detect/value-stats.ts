import type { SqlEngine } from '../engine.ts';
import { ident, num, str } from '../sql/quote.ts';
import { isValidMyNumber } from './my-number.ts';
import type { ValueStats } from './types.ts';

/** Value patterns (RE2, full match), applied after full-width digits and hyphens are made ASCII. */
export const PATTERNS = {
  email: '[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)+',
  /** Domestic (0…, 10–11 digits) or international (+81…) Japanese numbers, with or without separators. */
  phoneDomestic: '\\(?0[1-9][0-9() \\-]{7,13}',
  phoneIntl: '\\+81[ \\-]?[1-9][0-9() \\-]{7,13}',
  postal: '〒? ?[0-9]{3}-[0-9]{4}',
  ssn: '[0-9]{3}-[0-9]{2}-[0-9]{4}',
  uuid: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
  date:
    '[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?' +
    '|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])',
  twelveDigits: '[0-9]{4}[ \\-]?[0-9]{4}[ \\-]?[0-9]{4}',
  prose: '[\\s、。，．！？!?]',
} as const;

const FULL = '０１２３４５６７８９－ー―＋＠';
const HALF = '0123456789---+@';

/**
 * One scan over the first `sample` rows computing, for every column, how many non-NULL
 * values match each pattern, plus distinct counts and mean length. Then, for columns
 * that look like 12-digit numbers, the share of distinct values with a valid My Number
 * check digit (checked in JS on up to 500 of them).
 */
export async function valueStats(engine: SqlEngine, table: string, columns: readonly string[], sample: number): Promise<{ rows: number; stats: ValueStats[] }> {
  const from = `(SELECT * FROM ${ident(table)} LIMIT ${num(sample)}) AS ${ident('t')}`;
  const norm = (c: string) => `translate(CAST(${ident('t')}.${ident(c)} AS VARCHAR), ${str(FULL)}, ${str(HALF)})`;
  const match = (v: string, p: string) => `count_if(regexp_full_match(${v}, ${str(p)}))`;
  const nonDigits = (v: string) => `regexp_replace(${v}, ${str('[^0-9]')}, ${str('')}, ${str('g')})`;
  const digits = (v: string) => `length(${nonDigits(v)})`;
  const parts = ['count(*) AS n'];
  columns.forEach((c, i) => {
    const v = norm(c);
    parts.push(
      `count(${ident('t')}.${ident(c)}) AS nn${i}`,
      `count(DISTINCT CAST(${ident('t')}.${ident(c)} AS VARCHAR)) AS d${i}`,
      `coalesce(avg(length(CAST(${ident('t')}.${ident(c)} AS VARCHAR))), 0) AS al${i}`,
      `${match(v, PATTERNS.email)} AS em${i}`,
      `count_if((regexp_full_match(${v}, ${str(PATTERNS.phoneDomestic)}) AND ${digits(v)} BETWEEN 10 AND 11) OR ` +
        `(regexp_full_match(${v}, ${str(PATTERNS.phoneIntl)}) AND ${digits(v)} BETWEEN 11 AND 12)) AS ph${i}`,
      `${match(v, PATTERNS.postal)} AS po${i}`,
      `${match(v, PATTERNS.ssn)} AS ss${i}`,
      `${match(v, PATTERNS.uuid)} AS uu${i}`,
      `${match(v, PATTERNS.date)} AS dt${i}`,
      `${match(v, PATTERNS.twelveDigits)} AS tw${i}`,
      `count_if(regexp_matches(CAST(${ident('t')}.${ident(c)} AS VARCHAR), ${str(PATTERNS.prose)})) AS pr${i}`,
    );
  });
  const [row] = await engine.rows(`SELECT ${parts.join(', ')} FROM ${from}`);
  const rows = Number(row.n);
  const stats: ValueStats[] = [];
  for (const [i, c] of columns.entries()) {
    const nn = Number(row[`nn${i}`]);
    const share = (k: string) => (nn === 0 ? 0 : Number(row[`${k}${i}`]) / nn);
    const twelveDigits = share('tw');
    let myNumberValid = 0;
    if (twelveDigits >= 0.5) {
      const v = norm(c);
      const candidates = await engine.rows(
        `SELECT DISTINCT ${nonDigits(v)} AS d FROM ${from} ` +
          `WHERE regexp_full_match(${v}, ${str(PATTERNS.twelveDigits)}) ORDER BY 1 LIMIT 500`,
      );
      myNumberValid = candidates.length === 0 ? 0 : candidates.filter((r) => isValidMyNumber(String(r.d))).length / candidates.length;
    }
    stats.push({
      nonNull: nn,
      distinct: Number(row[`d${i}`]),
      avgLength: Number(row[`al${i}`]),
      email: share('em'),
      phone: share('ph'),
      postal: share('po'),
      ssn: share('ss'),
      uuid: share('uu'),
      date: share('dt'),
      twelveDigits,
      myNumberValid,
      prose: share('pr'),
    });
  }
  return { rows, stats };
}
