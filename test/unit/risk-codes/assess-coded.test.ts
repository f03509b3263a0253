import { describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { assessRisk, type AssessOptions, type RiskAssessment } from '../../../src/core/risk/assess.ts';
import { assessRiskCoded } from '../../../src/core/risk/assess-coded.ts';
import { measuredSpec } from '../../../src/core/risk/assess-parts.ts';
import { SourceCodes } from '../../../src/core/risk/source-codes.ts';
import type { ReleaseSpec } from '../../../src/core/spec/schema.ts';
import { draft, recording, perValueDraft, T, useDemo } from './support.ts';

const QIS = ['生年月日', '性別', '郵便番号', '都道府県', '市区町村', '血液型', '身長', '体重'];

/**
 * Equal, numbers to 12 significant digits where they are not integers (sums run in another
 * order: compensated in SQL, in record order here); integers and everything else exactly.
 */
function expectSame(got: unknown, want: unknown, path = '$'): void {
  if (typeof want === 'number' && typeof got === 'number' && !(Number.isInteger(want) && Number.isInteger(got))) {
    const scale = Math.max(Math.abs(want), 1e-300);
    expect(Math.abs(got - want) / scale, `${path}: ${got} vs ${want}`).toBeLessThan(1e-12);
    return;
  }
  if (want && typeof want === 'object' && got && typeof got === 'object') {
    expect(Object.keys(got).sort(), path).toEqual(Object.keys(want).sort());
    for (const k of Object.keys(want)) expectSame((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(got, path).toEqual(want);
}

/** Whether a statement read the release views (the records as released): the coded path reads only dictionaries. */
const readsRecords = (seen: readonly string[]) => seen.some((s) => /FROM "__tokumei_coded_\d+_(released|original)"/.test(s));

for (const host of ENGINE_HOSTS) {
  describe(`the risk report from dictionary codes (${host.name})`, () => {
    const fx = useDemo(host);

    /** assessRiskCoded equals assessRisk (which measures the view), and reads no record in SQL. */
    async function agree(spec: ReleaseSpec, opts: Omit<AssessOptions, 'table' | 'suda'> = {}): Promise<RiskAssessment> {
      const want = await assessRisk(fx.engine, spec, { table: T, suda: false, ...opts });
      // Encoded before the recording: encoding reads each column once per table, which is the point.
      await assessRiskCoded(fx.engine, spec, { table: T, suda: false, ...opts, codes: fx.codes });
      const r = recording(fx.engine);
      const got = await assessRiskCoded(r.engine, spec, { table: T, suda: false, ...opts, codes: fx.codes });
      expect(got).not.toBeNull();
      expect(readsRecords(r.seen), r.seen.join('\n')).toBe(false);
      expectSame(got, want);
      return got!;
    }

    it('measures the raw quasi-identifiers of the panel as assessRisk does', async () => {
      const spec = measuredSpec(null, T, [...QIS, '主病名', '患者ID'], { qis: QIS, sensitive: '主病名' });
      const a = await agree(spec);
      expect(a.records).toBe(3000);
      expect(a.sampleUniques).toBeGreaterThan(0);
      expect(a.tCloseness?.orderedDistance).toBeGreaterThan(0);
    });

    for (const [level, k, limit] of [
      [1, 5, 0.1],
      [1, 5, 0],
      [2, 2, 0.5],
      [2, 5, 0.1],
      [2, undefined, 0],
    ] as const) {
      it(`agrees on every figure under rule hierarchies (level ${level}, k ${k}, suppression limit ${limit})`, async () => {
        const a = await agree(
          draft(level, { ...(k === undefined ? {} : { k }), suppressionLimit: limit, l: { value: 2, variant: 'recursive', c: 3 }, t: { value: 0.5, variant: 'ordered' } }),
          { threshold: 0.1, population: 1_000_000 },
        );
        expect(a.lDiversity?.recursive).not.toBeNull();
        expect(a.populationUniques).not.toBeNull();
      });
    }

    it('agrees when records are suppressed (the loss and entropy of suppressed records, DM and AECS count them)', async () => {
      const a = await agree(draft(2, { k: 5, suppressionLimit: 0.5 }));
      expect(a.suppressedRecords).toBeGreaterThan(0);
      expect(a.suppression?.applied).toBe(true);
    });

    it('reads sampling weights per value, and says so when a weight is missing as assessRisk does', async () => {
      // Fractional weights, repeated across records, with a NULL in some records of a second column.
      await fx.engine.exec(`CREATE OR REPLACE TABLE ${T}_w AS SELECT *, 1.5 + (rowid % 7) * 0.25 AS 重み, CASE WHEN 身長 > 175 THEN NULL ELSE 2.5 END AS 欠けた重み, CASE WHEN 身長 > 175 THEN 0 ELSE 2 END AS ゼロ重み FROM ${T}`);
      const spec = { ...draft(1, { k: 2, suppressionLimit: 0.2 }), sources: { tables: [{ name: `${T}_w`, subjectColumn: '患者ID' }] } } as ReleaseSpec;
      const own = new SourceCodes();
      const want = await assessRisk(fx.engine, spec, { table: `${T}_w`, suda: false, weight: '重み' });
      const got = await assessRiskCoded(fx.engine, spec, { table: `${T}_w`, suda: false, weight: '重み', codes: own });
      expect(got?.individualRisk?.weight).toBe('重み');
      expectSame(got, want);
      for (const [column, key] of [['欠けた重み', 'riskSdc.error.weightMissing'], ['ゼロ重み', 'riskSdc.error.weightNotPositive']]) {
        const sql = await assessRisk(fx.engine, spec, { table: `${T}_w`, suda: false, weight: column }).catch((e: Error) => e);
        const coded = await assessRiskCoded(fx.engine, spec, { table: `${T}_w`, suda: false, weight: column, codes: own }).catch((e: Error) => e);
        expect(sql).toMatchObject({ key });
        expect({ ...(coded as Error) }).toEqual({ ...(sql as Error) });
      }
    });

    it('applies record filters, peculiar decisions, codings and blanked cells per value', async () => {
      const spec = perValueDraft({ k: 3, suppressionLimit: 0.2 }, fx.prefectures[0]);
      const a = await agree(spec);
      expect(a.records).toBeLessThan(3000);
      expect(a.individualRisk).not.toBeNull();
    });

    it('measures an explicit hierarchy at each level, a pseudonymized column and an exclusion list', async () => {
      const rows = fx.prefectures.map((p, i) => [p, i % 3 === 0 ? '東' : '西', '*']);
      for (const level of [0, 1, 2]) {
        await agree(
          draft(1, { k: 2, suppressionLimit: 0.3 }, {
            columns: [{ name: '都道府県', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'region', level }] }],
            hierarchies: [{ name: 'region', kind: 'table', rows }],
          }),
        );
      }
      await agree(draft(2, { k: 2, suppressionLimit: 0.5 }, { columns: [{ name: '血液型', role: 'quasi', transforms: [{ kind: 'pseudonymize' }] }] }), { key: fx.key });
      const a = await agree(draft(2, { k: 2, suppressionLimit: 0.5 }), { exclusions: ['P0000001', 'P0000002', 'nobody'], subjectColumn: '患者ID' });
      expect(a.exclusions).toMatchObject({ listed: 3, records: 2, subjects: 2 });
    });

    it('reads the labels again when the released codes are numbered anew (a map the cache let go and read again)', async () => {
      const spec = draft(2, { k: 2, suppressionLimit: 0.5 });
      await agree(spec);
      // Renumber every cached map of released groups (reversed), as a fresh read may number them; the labels stay cached.
      const encoded = await fx.codes.columns(fx.engine, T, ['生年月日', '性別', '郵便番号', '主病名']);
      let renumbered = 0;
      for (const column of encoded!.columns.values()) {
        for (const [key, value] of column.derived) {
          const r = value as { map?: Int32Array; size?: number; nullCode?: number; labels?: unknown };
          if (!(r.map instanceof Int32Array) || r.labels !== undefined || r.size === undefined) continue;
          const size = r.size;
          column.derived.set(key, { map: r.map.map((g) => size - 1 - g), size, nullCode: r.nullCode! < 0 ? -1 : size - 1 - r.nullCode! });
          renumbered++;
        }
      }
      expect(renumbered).toBeGreaterThan(0);
      await agree(spec);
    });

    it('leaves to assessRisk what codes cannot answer: cell suppression, a date shift, a population table, SUDA2', async () => {
      const cells = draft(1, { k: 3, suppressionLimit: 0, suppression: 'cells' });
      expect(await assessRiskCoded(fx.engine, cells, { table: T, suda: false, codes: fx.codes })).toBeNull();
      const shifted = draft(1, { k: 2, suppressionLimit: 0.3 }, {
        columns: [{ name: '生年月日', role: 'quasi', transforms: [{ kind: 'dateShift', maxDays: 30 }, { kind: 'generalize', hierarchy: 'age', level: 1 }] }],
      });
      expect(await assessRiskCoded(fx.engine, shifted, { table: T, suda: false, codes: fx.codes, key: fx.key })).toBeNull();
      expect(await assessRiskCoded(fx.engine, draft(1, { suppressionLimit: 0 }), { table: T, suda: false, codes: fx.codes, populationTable: T })).toBeNull();
      expect(await assessRiskCoded(fx.engine, draft(1, { suppressionLimit: 0 }), { table: T, codes: fx.codes })).toBeNull();
    });
  });
}
