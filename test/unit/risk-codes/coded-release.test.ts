import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import type { SqlEngine, SqlValue } from '../../../src/core/engine.ts';
import { assessClasses, type ClassAssessment, type ClassOptions } from '../../../src/core/risk/assess-parts.ts';
import { SourceCodes } from '../../../src/core/risk/source-codes.ts';
import { ident, literal } from '../../../src/core/sql/quote.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpec } from '../../../src/core/spec/schema.ts';
import { loadDemoPatients } from '../ui-risk/demo-table.ts';
import { draft as draftWith, recording as recordingEngine, perValueDraft, T, useDemo } from './support.ts';

const QIS = ['生年月日', '性別', '郵便番号', '都道府県', '市区町村', '血液型', '身長', '体重'];

/** A draft of the demo's release with k and a suppression limit. */
function draft(level: number, k: number | undefined, limit: number, extra: Parameters<typeof draftWith>[2] = {}): ReleaseSpec {
  return draftWith(level, { ...(k === undefined ? {} : { k }), suppressionLimit: limit }, extra);
}

/** The engine, recording every statement, so a test can tell whether the release view itself was scanned. */
function recording(engine: SqlEngine): { engine: SqlEngine; scannedView: () => boolean; seen: string[] } {
  const r = recordingEngine(engine);
  return { ...r, scannedView: () => r.seen.some((s) => /FROM "__tokumei_part_\d+_released"/.test(s)) };
}

/** Both answers, with the entropy compared to 10 digits (the sums run in another order). */
function expectSame(got: ClassAssessment, want: ClassAssessment): void {
  const plain = (a: ClassAssessment) => ({ ...a, lDiversity: a.lDiversity && { ...a.lDiversity, entropy: null } });
  expect(plain(got)).toEqual(plain(want));
  if (want.lDiversity?.entropy == null) expect(got.lDiversity?.entropy ?? null).toBeNull();
  else expect(got.lDiversity!.entropy).toBeCloseTo(want.lDiversity.entropy, 10);
}

for (const host of ENGINE_HOSTS) {
  describe(`classes from dictionary codes (${host.name})`, () => {
    const fx = useDemo(host);

    /** The coded answer (asserting it did not scan the view, unless `viewScanned`) against the view's. */
    async function agree(spec: ReleaseSpec | null, opts: Omit<ClassOptions, 'table' | 'codes'>, viewScanned = false): Promise<ClassAssessment> {
      const want = await assessClasses(fx.engine, spec, { table: T, ...opts });
      const r = recording(fx.engine);
      const got = await assessClasses(r.engine, spec, { table: T, ...opts, codes: fx.codes });
      expect(r.scannedView()).toBe(viewScanned);
      expectSame(got, want);
      return got;
    }

    it('counts the eight raw quasi-identifiers as the GROUP BY does', async () => {
      const a = await agree(null, { qis: QIS, sensitive: '主病名' });
      expect(a.records).toBe(3000);
      expect(a.histogram.entries[0][0]).toBe(1);
    });

    for (const [level, k, limit] of [
      [1, 5, 0.1],
      [1, 5, 0],
      [2, 2, 0.5],
      [2, 5, 0.1],
      [2, undefined, 0],
    ] as const) {
      it(`agrees under rule hierarchies (level ${level}, k ${k}, suppression limit ${limit}), l-diversity included`, async () => {
        await agree(draft(level, k, limit), {});
      });
    }

    it('remembers what each level gave, so going back to a level runs no SQL on the dictionaries', async () => {
      for (const level of [1, 2, 1, 2]) await agree(draft(level, 5, 0.1), {});
      const r = recording(fx.engine);
      expectSame(await assessClasses(r.engine, draft(1, 5, 0.1), { table: T, codes: fx.codes }), await assessClasses(fx.engine, draft(1, 5, 0.1), { table: T }));
      expect(r.seen.filter((s) => s.includes('__tokumei_dict_'))).toHaveLength(1);
    });

    it('reads l-diversity from the codes when no class is pure', async () => {
      const a = await agree(draft(2, undefined, 0), { qis: ['性別'] });
      expect(a.lDiversity!.distinct).toBeGreaterThan(1);
    });

    it('applies record filters, peculiar decisions, codings, rounding and blanked cells per value', async () => {
      const spec = perValueDraft({ k: 3, suppressionLimit: 0.2 }, fx.prefectures[0]);
      const a = await agree(spec, {});
      expect(a.records).toBeLessThan(3000);
    });

    it('joins an explicit hierarchy on the dictionary, not on every record', async () => {
      const rows = fx.prefectures.map((p, i) => [p, i % 3 === 0 ? '東' : '西', '*']);
      for (const level of [0, 1, 2]) {
        await agree(
          draft(1, 2, 0.3, {
            columns: [{ name: '都道府県', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'region', level }] }],
            hierarchies: [{ name: 'region', kind: 'table', rows }],
          }),
          {},
        );
      }
    });

    it('measures a pseudonymized quasi-identifier and an exclusion list per value', async () => {
      const spec = draft(2, 2, 0.5, { columns: [{ name: '血液型', role: 'quasi', transforms: [{ kind: 'pseudonymize' }] }] });
      await agree(spec, { key: fx.key });
      const a = await agree(draft(2, 2, 0.5), { exclusions: ['P0000001', 'P0000002', 'nobody'], subjectColumn: '患者ID' });
      expect(a.exclusions).toMatchObject({ listed: 3, records: 2, subjects: 2 });
    });

    it('leaves a spec that reads two columns per record (a date shift reads the subject) to the view', async () => {
      const spec = draft(1, 2, 0.3, { columns: [{ name: '生年月日', role: 'quasi', transforms: [{ kind: 'dateShift', maxDays: 30 }, { kind: 'generalize', hierarchy: 'age', level: 1 }] }] });
      await agree(spec, { key: fx.key }, true);
    });

    it('encodes a replaced table again, and drops its dictionaries when cleared', async () => {
      await agree(null, { qis: ['性別', '血液型'], sensitive: '主病名' });
      await fx.engine.exec(`CREATE OR REPLACE TABLE 患者 AS SELECT * FROM 患者 WHERE 身長 > 160`);
      const a = await agree(null, { qis: ['性別', '血液型'], sensitive: '主病名' });
      expect(a.records).toBeLessThan(3000);
      await fx.codes.clear(fx.engine);
      const left = await fx.engine.rows(`SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, '__tokumei_')`);
      expect(left).toEqual([]);
      await loadDemoPatients(fx.engine, T, 3000);
    });

    it('leaves a table whose rowids have gaps, or that has a column called rowid, to the view', async () => {
      await fx.engine.exec(`CREATE OR REPLACE TABLE gaps AS SELECT * FROM 患者`);
      await fx.engine.exec(`DELETE FROM gaps WHERE 性別 = '男'`);
      await fx.engine.exec(`CREATE OR REPLACE TABLE shadow AS SELECT greatest(rowid, 1) AS "RowID", * FROM 患者`);
      for (const table of ['gaps', 'shadow']) {
        const want = await assessClasses(fx.engine, null, { table, qis: ['血液型', '都道府県'], sensitive: '主病名' });
        const r = recording(fx.engine);
        const got = await assessClasses(r.engine, null, { table, qis: ['血液型', '都道府県'], sensitive: '主病名', codes: new SourceCodes() });
        expect(r.scannedView()).toBe(true);
        expectSame(got, want);
      }
    });

    it('leaves a table of more records than the codes may hold to the view, and owes what is over the encoding limit', async () => {
      const small = new SourceCodes(1000);
      const r = recording(fx.engine);
      expectSame(await assessClasses(r.engine, null, { table: T, qis: ['性別'], sensitive: '主病名', codes: small }), await assessClasses(fx.engine, null, { table: T, qis: ['性別'], sensitive: '主病名' }));
      expect(r.scannedView()).toBe(true);
      expect(small.owed).toBeNull();
      const limited = new SourceCodes();
      const opts = { table: T, qis: ['性別', '血液型'], sensitive: '主病名', codes: limited, encodeLimit: 3000 * 2 };
      const l = recording(fx.engine);
      await assessClasses(l.engine, null, opts);
      expect(l.scannedView()).toBe(true);
      expect(limited.owed).toEqual({ table: T, columns: ['性別', '血液型', '主病名'] });
      await limited.clear(fx.engine);
    });

    it('agrees with the view on random tables with missing values', async () => {
      const cell = (n: number) => fc.option(fc.integer({ min: 0, max: n }), { freq: 5 });
      const row = fc.tuple(cell(2), cell(3), cell(1), cell(4));
      const own = new SourceCodes();
      await fc.assert(
        fc.asyncProperty(
          fc.array(row, { minLength: 1, maxLength: 50 }),
          fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
          fc.constantFrom(0, 0.2, 1),
          async (rows, k, limit) => {
            const values = rows.map((r) => `(${r.map((v) => literal(v as SqlValue)).join(', ')})`).join(', ');
            await fx.engine.exec(
              `CREATE OR REPLACE TABLE ${ident('乱')} AS SELECT CAST(col0 AS VARCHAR) AS a, CAST(col1 AS INTEGER) AS b, CAST(col2 AS DOUBLE) AS c, CAST(col3 AS VARCHAR) AS s FROM (VALUES ${values})`,
            );
            const spec = parseSpec({
              version: 1,
              columns: [
                { name: 'a', role: 'quasi', transforms: [] },
                { name: 'b', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'b2', level: 1 }] },
                { name: 'c', role: 'quasi', transforms: [] },
                { name: 's', role: 'sensitive', transforms: [] },
              ],
              hierarchies: [{ name: 'b2', kind: 'interval', levels: [{ width: 2 }] }],
              model: { ...(k === undefined ? {} : { k }), suppressionLimit: limit },
              release: { mode: 'anonymized' },
            });
            const want = await assessClasses(fx.engine, spec, { table: '乱' });
            const got = await assessClasses(fx.engine, spec, { table: '乱', codes: own });
            expectSame(got, want);
          },
        ),
        { numRuns: 30, seed: 77 },
      );
      await own.clear(fx.engine);
    }, 120_000);
  });
}
