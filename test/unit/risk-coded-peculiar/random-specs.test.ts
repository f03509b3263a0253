import { afterAll, beforeAll, describe, it } from 'vitest';
import fc from 'fast-check';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { SourceCodes } from '../../../src/core/risk/source-codes.ts';
import { ident, literal } from '../../../src/core/sql/quote.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpecInput } from '../../../src/core/spec/schema.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { agree } from './support.ts';

/*
 * Random small tables and random specs: the coded listing must equal the view's, finding for
 * finding (floats exact), or fail with the same error. Names include astral characters and
 * U+FF5E, whose order differs between UTF-16 units and code points; a BIGINT column holds
 * values that are one double apart only beyond 2^53.
 */

const NAMES = ['佐藤', '鈴木', '𠮷田', '～', 'ｱｲ', 'a', 'A', '', '髙橋', '🙂', 'é', 'e\u0301'];
const AREAS = ['北海道', '東京都', '大阪府', '沖縄県', '京都府'];
const POSTAL = ['100-0001', '1000002', '１００－０００３', '060-0001', '9000001', '〒530-0001', '5300002'];
/** Many codes, each a small share of the records: what rareInGeography looks at (at most 5% overall). */
const CODES = [...Array.from({ length: 36 }, (_, i) => `C${i}`), '𠮷1', '～1', 'ｱ1', '髙1'];
const BIG = [2 ** 53, 2 ** 53 + 2, -3, 7, 1e15];
const BIG_SQL = ['9007199254740992', '9007199254740993', '9007199254740994', '-3', '7', '1000000000000000'];

const row = fc.record({
  subject: fc.integer({ min: 0, max: 9 }),
  name: fc.option(fc.constantFrom(...NAMES), { freq: 6 }),
  age: fc.option(fc.integer({ min: 0, max: 100 }), { freq: 6 }),
  weight: fc.option(fc.integer({ min: 300, max: 1200 }).map((w) => w / 10), { freq: 6 }),
  area: fc.option(fc.constantFrom(...AREAS), { freq: 6 }),
  postal: fc.option(fc.constantFrom(...POSTAL), { freq: 6 }),
  big: fc.option(fc.constantFrom(...BIG_SQL), { freq: 6 }),
  code: fc.option(fc.constantFrom(...CODES), { freq: 8 }),
  flag: fc.option(fc.boolean(), { freq: 4 }),
  day: fc.option(fc.constantFrom('2020-01-31', '2020-02-01', '2021-12-31', '1999-07-04'), { freq: 4 }),
  amount: fc.option(fc.constantFrom('0.125', '-3.5', '12.000', '12', '99999.999'), { freq: 4 }),
  /** The row is repeated, so that values are common enough overall to be rare within an area. */
  times: fc.integer({ min: 1, max: 2 }),
});

type Transforms = NonNullable<ReleaseSpecInput['columns']>[number]['transforms'];
const role = fc.constantFrom('quasi', 'quasi', 'sensitive', 'drop');
const transforms: Record<string, fc.Arbitrary<Transforms>> = {
  名前: fc.constantFrom<Transforms>([], [{ kind: 'generalize', hierarchy: 'initial', level: 1 }], [{ kind: 'suppressCell', values: ['佐藤', '～'] }]),
  年齢: fc.constantFrom<Transforms>(
    [],
    [{ kind: 'generalize', hierarchy: 'decade', level: 1 }],
    [{ kind: 'topCode', at: 60 }],
    [{ kind: 'topCode', at: 60, label: '60+' }],
    [{ kind: 'bottomCode', at: 10 }],
    [{ kind: 'round', to: 5 }],
  ),
  体重: fc.constantFrom<Transforms>([], [{ kind: 'round', to: 10 }], [{ kind: 'topCode', at: 100 }], [{ kind: 'bottomCode', at: 50.5, label: '<50.5' }], [{ kind: 'round', to: 0.5 }]),
  地域: fc.constantFrom<Transforms>([], [{ kind: 'generalize', hierarchy: 'region', level: 1 }]),
  郵便: fc.constantFrom<Transforms>([], [{ kind: 'generalize', hierarchy: 'postal', level: 1 }], [{ kind: 'generalize', hierarchy: 'postal', level: 2 }]),
  大: fc.constantFrom<Transforms>([], [{ kind: 'round', to: 10 }]),
  病名: fc.constantFrom<Transforms>([], [], [{ kind: 'generalize', hierarchy: 'initial', level: 1 }], [{ kind: 'suppressCell', values: ['C1', '𠮷1'] }]),
  フラグ: fc.constantFrom<Transforms>([], [{ kind: 'suppressCell', values: ['true'] }]),
  日付: fc.constantFrom<Transforms>([], [{ kind: 'generalize', hierarchy: 'calendar', level: 1 }], [{ kind: 'generalize', hierarchy: 'calendar', level: 2 }]),
  量: fc.constantFrom<Transforms>([], [{ kind: 'round', to: 1 }], [{ kind: 'topCode', at: 12 }]),
};
const COLUMNS = Object.keys(transforms);
const decisionValue: Record<string, fc.Arbitrary<string | number>> = {
  名前: fc.constantFrom(...NAMES),
  年齢: fc.integer({ min: 0, max: 100 }),
  体重: fc.integer({ min: 300, max: 1200 }).map((w) => w / 10),
  地域: fc.constantFrom(...AREAS),
  郵便: fc.constantFrom(...POSTAL),
  大: fc.constantFrom(...BIG),
  病名: fc.constantFrom(...CODES),
  フラグ: fc.constantFrom('true', 'false'),
  日付: fc.constantFrom('2020-01-31', '2021-12-31'),
  量: fc.constantFrom(12, -3.5, 0.125),
};
const decision = fc.constantFrom(...COLUMNS).chain((column) =>
  fc.record({ column: fc.constant(column), value: decisionValue[column], action: fc.constantFrom('keep', 'suppressCell', 'suppressRecord'), reason: fc.constant('test') }),
);

/** The area and the codes are mostly measured, so that they are often crossed. */
const roleOf = (c: string) => (c === '地域' || c === '病名' ? fc.constantFrom('quasi', 'quasi', 'quasi', 'sensitive', 'drop') : role);
const specInput = fc.record({
  roles: fc.tuple(...COLUMNS.map(roleOf)),
  transforms: fc.tuple(...COLUMNS.map((c) => transforms[c])),
  decisions: fc.array(decision, { maxLength: 3 }),
});

const options = fc.record({
  minCount: fc.constantFrom(1, 2, 2, 3, 3, 4, 6),
  percentiles: fc.constantFrom<[number, number]>([0.01, 0.99], [0.1, 0.9], [0.25, 0.75], [0, 1], [0.013, 0.5], [0.3, 0.31]),
  maxPerColumn: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  geography: fc.option(fc.constantFrom('地域', '地域', '地域', '年齢', '名前', '郵便', '大', 'フラグ', '日付', '量'), { nil: undefined, freq: 4 }),
  exclusions: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 12 }).map((i) => `S${i}`), { maxLength: 4 }), { nil: undefined }),
});

const TABLE = '乱数表';

async function load(engine: SqlEngine, rows: (typeof row extends fc.Arbitrary<infer R> ? R : never)[]): Promise<void> {
  const values = rows
    .flatMap((r) => {
      const tuple = `(${[literal(`S${r.subject}`), literal(r.name), literal(r.age), literal(r.weight), literal(r.area), literal(r.postal), r.big ?? 'NULL', literal(r.code), literal(r.flag), literal(r.day), r.amount ?? 'NULL'].join(', ')})`;
      return Array.from({ length: r.times }, () => tuple);
    })
    .join(', ');
  await engine.exec(
    `CREATE OR REPLACE TABLE ${ident(TABLE)} AS SELECT col0 AS id, CAST(col1 AS VARCHAR) AS 名前, CAST(col2 AS INTEGER) AS 年齢, CAST(col3 AS DOUBLE) AS 体重, ` +
      `CAST(col4 AS VARCHAR) AS 地域, CAST(col5 AS VARCHAR) AS 郵便, CAST(col6 AS BIGINT) AS 大, CAST(col7 AS VARCHAR) AS 病名, CAST(col8 AS BOOLEAN) AS フラグ, CAST(col9 AS DATE) AS 日付, CAST(col10 AS DECIMAL(8,3)) AS 量 FROM (VALUES ${values})`,
  );
}

for (const host of ENGINE_HOSTS) {
  describe(`peculiar values from codes agree with the view on random tables and specs (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
    }, 60_000);
    afterAll(() => engine.close());

    it('lists the same findings, counts, bounds, geography, omissions and sources', async () => {
      const codes = new SourceCodes();
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.array(row, { minLength: 1, maxLength: 12 }), fc.array(row, { minLength: 40, maxLength: 150, size: 'max' })), specInput, options, async (rows, s, o) => {
          await load(engine, rows);
          const spec = parseSpec({
            version: 1,
            sources: { tables: [{ name: TABLE, subjectColumn: 'id' }] },
            columns: [
              { name: 'id', role: 'identifier', transforms: [{ kind: 'drop' }] },
              ...COLUMNS.map((name, i) =>
                s.roles[i] === 'drop' ? { name, role: 'other' as const, transforms: [{ kind: 'drop' as const }] } : { name, role: s.roles[i], transforms: s.transforms[i] },
              ),
            ],
            hierarchies: [
              { name: 'initial', kind: 'prefix', levels: [{ keep: 1 }] },
              { name: 'decade', kind: 'interval', levels: [{ width: 10 }] },
              { name: 'region', kind: 'table', rows: AREAS.map((a, i) => [a, i % 2 ? '東日本' : '西日本']) },
              { name: 'postal', kind: 'prefix', levels: [{ keep: 3 }, { keep: 1 }], alnumOnly: true },
              { name: 'calendar', kind: 'date', levels: ['month', 'year'] },
            ],
            peculiar: { review: true, decisions: s.decisions },
            release: { mode: 'anonymized' },
          });
          await agree(engine, codes, spec, { table: TABLE, ...o });
        }),
        { numRuns: host.name.includes('wasm') ? 150 : 80, seed: 4242, endOnFailure: true },
      );
      await codes.clear(engine);
    }, 600_000);
  });
}
