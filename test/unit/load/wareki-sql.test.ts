import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { dateSql, eraDateSql, gregorianDateSql, isEraDateTextSql } from '../../../src/core/dates/date-sql.ts';
import { parseWareki } from '../../../src/core/dates/wareki.ts';
import { str } from '../../../src/core/sql/quote.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';

/** Evaluate an expression of `v` for many texts in one query, in input order. */
async function evaluate(engine: SqlEngine, texts: string[], expr: (v: string) => string): Promise<(string | null)[]> {
  const values = texts.map((t, i) => `(${i}, ${str(t)})`).join(', ');
  const rows = await engine.rows(`SELECT CAST(${expr('v')} AS VARCHAR) AS r FROM (VALUES ${values}) t(i, v) ORDER BY i`);
  return rows.map((r) => r.r as string | null);
}

const FULL_DIGITS = '０１２３４５６７８９';
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FULL_DIGITS[Number(d)]);

/** Era-date-like strings, valid and invalid, in many spellings. */
const eraText = fc
  .record({
    era: fc.constantFrom('明治', '大正', '昭和', '平成', '令和', '㍾', '㍽', '㍼', '㍻', '㋿', 'M', 'T', 'S', 'H', 'R', 'h', 'r', 'Ｒ', 'Ｈ', 'X'),
    year: fc.oneof(fc.constant('元'), fc.integer({ min: 0, max: 100 }).map(String), fc.integer({ min: 0, max: 9 }).map((n) => `0${n}`)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    sep: fc.constantFrom(['年', '月', '日'], ['.', '.', ''], ['/', '/', ''], ['-', '-', ''], ['年', '/', ''], ['．', '．', '']),
    space: fc.constantFrom('', ' ', '\u3000'),
    wide: fc.boolean(),
  })
  .map(({ era, year, month, day, sep, space, wide }) => {
    const s = `${space}${era}${year}${sep[0]}${space}${month}${sep[1]}${day}${sep[2]}`;
    return wide ? fullWidth(s) : s;
  });

for (const host of ENGINE_HOSTS) {
  describe(`era dates in SQL: ${host.name}`, () => {
    const enginePromise = host.create();
    afterAll(async () => (await enginePromise).close());

    it('converts exactly like parseWareki (property)', async () => {
      const engine = await enginePromise;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(eraText, fc.string()), { minLength: 1, maxLength: 60 }), async (texts) => {
          expect(await evaluate(engine, texts, eraDateSql)).toEqual(texts.map(parseWareki));
        }),
        { numRuns: 30, seed: 20250501 },
      );
    });

    it('handles the era boundaries', async () => {
      const engine = await enginePromise;
      const texts = ['平成31年4月30日', '平成31年5月1日', '令和元年5月1日', '令和1年4月30日', 'S64.1.7', 'S64.1.8', 'H1.1.8', 'H1.1.7', '平成32年1月1日'];
      expect(await evaluate(engine, texts, eraDateSql)).toEqual(['2019-04-30', '2019-05-01', '2019-05-01', null, '1989-01-07', '1989-01-08', '1989-01-08', null, '2020-01-01']);
    });

    it('flags era-shaped text whether or not it is a real date', async () => {
      const engine = await enginePromise;
      const texts = ['令和5年4月1日', '令和1年4月30日', 'R5.4.31', '2023-04-01', '令和'];
      const flags = await evaluate(engine, texts, (v) => `CAST(${isEraDateTextSql(v)} AS VARCHAR)`);
      expect(flags).toEqual(['true', 'true', 'true', 'false', 'false']);
    });

    it('reads Gregorian dates: ISO, slashes, dots, 年月日, compact, full-width', async () => {
      const engine = await enginePromise;
      const texts = ['2020-01-02', '2020/1/2', '2020.1.2', '2020年1月2日', '20200102', '２０２０／０１／０２', ' 2020-01-02 ', '2020-02-30', '2019-02-29', '2020-13-01', '2020-01-02 10:00', '1/2/2020', '2020-1', '202001021'];
      expect(await evaluate(engine, texts, gregorianDateSql)).toEqual([
        '2020-01-02', '2020-01-02', '2020-01-02', '2020-01-02', '2020-01-02', '2020-01-02', '2020-01-02', null, null, null, null, null, null, null,
      ]);
    });

    it('dateSql accepts both calendars in one column', async () => {
      const engine = await enginePromise;
      expect(await evaluate(engine, ['2019-04-30', '令和元年5月1日', 'H31.4.30', '不明', ''], dateSql)).toEqual([
        '2019-04-30', '2019-05-01', '2019-04-30', null, null,
      ]);
    });
  });
}
