import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { profileTable } from '../../../src/core/profile/profile.ts';
import { niceBins } from '../../../src/core/profile/histogram.ts';
import type { ColumnProfile } from '../../../src/core/profile/types.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { ident, literal, str } from '../../../src/core/sql/quote.ts';
import { generateDemoFiles } from '../../../src/core/demo/index.ts';

/**
 * A table whose every value is known here, so each profile figure can be recomputed
 * in plain JavaScript and compared — on both engines.
 */
const N = 500;
const NAMES = ['佐藤', '鈴木', '高橋', 'a,b', "O'Brien", '山田', 'ä'];
const DAY0 = Date.UTC(2022, 3, 1);
const TS0 = Date.UTC(2024, 0, 1);
const BIG = 2n ** 60n;

interface Row {
  name: string | null;
  age: number | null;
  weight: number | null;
  day: string;
  ts: string;
  flag: boolean;
  big: bigint;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

const ROWS: Row[] = Array.from({ length: N }, (_, i) => ({
  name: i % 11 === 0 ? null : NAMES[(i * i) % NAMES.length],
  age: i % 13 === 0 ? null : (i * 37) % 108,
  weight: i % 17 === 0 ? null : 40 + ((i * 7919) % 900) / 10,
  day: iso(DAY0 + ((i * 13) % 730) * 86_400_000),
  ts: stamp(TS0 + i * 3_601_000),
  flag: i % 3 === 0,
  big: BIG + BigInt(i % 50),
}));

async function createFixture(e: SqlEngine): Promise<void> {
  const values = ROWS.map(
    (r) =>
      `(${literal(r.name)}, ${r.age === null ? 'NULL' : `CAST(${r.age} AS INTEGER)`}, ${r.weight === null ? 'NULL' : `CAST(${literal(r.weight)} AS DOUBLE)`}, ` +
      `CAST(${str(r.day)} AS DATE), CAST(${str(r.ts)} AS TIMESTAMP), ${literal(r.flag)}, CAST(${str(r.big.toString())} AS BIGINT), CAST(NULL AS INTEGER))`,
  );
  await e.exec(
    `CREATE OR REPLACE TABLE ${ident('受診 一覧')} AS SELECT * FROM (VALUES ${values.join(', ')}) ` +
      `AS t(${['名前', '年齢', '体重', '受診日', '時刻', '有無', '大きな値', '空'].map(ident).join(', ')})`,
  );
}

function expectedTop<T>(values: T[], render: (v: T) => string, cmp: (a: T, b: T) => number) {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))
    .slice(0, 10)
    .map(([v, count]) => ({ value: render(v), count }));
}

/** Recount values into the returned bins by their bounds: lo ≤ v < hi, last bin closed. */
function recount<T>(col: ColumnProfile, values: T[], parse: (s: string) => number, toNum: (v: T) => number): number[] {
  const bins = col.histogram!;
  return bins.map((b, k) => {
    const lo = parse(b.lo);
    const hi = parse(b.hi);
    const last = k === bins.length - 1;
    return values.filter((v) => {
      const x = toNum(v);
      return x >= lo - 1e-9 && (last ? x <= hi + 1e-9 : x < hi - 1e-9);
    }).length;
  });
}

const nonNull = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);
const byValue = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

for (const host of ENGINE_HOSTS) {
  describe(`profileTable on ${host.name}`, () => {
    const enginePromise = host.create();
    afterAll(async () => (await enginePromise).close());
    // Built and profiled once per host; the tests below read the same profile.
    const profilePromise = enginePromise.then(async (e) => {
      await createFixture(e);
      return profileTable(e, '受診 一覧');
    });

    it('counts rows, nulls and exact distinct values, with extremes as text', async () => {
      const p = await profilePromise;
      expect(p.table).toBe('受診 一覧');
      expect(p.rows).toBe(N);
      expect(p.columns.map((c) => [c.name, c.type])).toEqual([
        ['名前', 'VARCHAR'], ['年齢', 'INTEGER'], ['体重', 'DOUBLE'], ['受診日', 'DATE'],
        ['時刻', 'TIMESTAMP'], ['有無', 'BOOLEAN'], ['大きな値', 'BIGINT'], ['空', 'INTEGER'],
      ]);
      const col = (name: string) => p.columns.find((c) => c.name === name)!;
      for (const c of p.columns) expect(c.count).toBe(N);

      const names = nonNull(ROWS.map((r) => r.name));
      expect(col('名前')).toMatchObject({ nulls: N - names.length, distinct: new Set(names).size, min: [...names].sort()[0], max: [...names].sort().at(-1) });
      const ages = nonNull(ROWS.map((r) => r.age));
      expect(col('年齢')).toMatchObject({ nulls: N - ages.length, distinct: new Set(ages).size, min: String(Math.min(...ages)), max: String(Math.max(...ages)) });
      const weights = nonNull(ROWS.map((r) => r.weight));
      expect(col('体重').nulls).toBe(N - weights.length);
      expect(col('体重').distinct).toBe(new Set(weights).size);
      expect(Number(col('体重').min)).toBe(Math.min(...weights));
      expect(Number(col('体重').max)).toBe(Math.max(...weights));
      const days = ROWS.map((r) => r.day).sort();
      expect(col('受診日')).toMatchObject({ nulls: 0, distinct: new Set(days).size, min: days[0], max: days.at(-1) });
      expect(col('時刻')).toMatchObject({ distinct: N, min: ROWS[0].ts, max: ROWS[N - 1].ts });
      expect(col('有無')).toMatchObject({ distinct: 2, min: 'false', max: 'true', histogram: null });
      // Beyond 2^53: exact only because extremes travel as text.
      expect(col('大きな値')).toMatchObject({ distinct: 50, min: BIG.toString(), max: (BIG + 49n).toString() });
      expect(col('空')).toEqual({ name: '空', type: 'INTEGER', count: N, nulls: N, distinct: 0, min: null, max: null, top: [], histogram: [] });
    });

    it('lists the most frequent values by count, ties by value', async () => {
      const e = await enginePromise;
      const p = await profilePromise;
      const col = (name: string) => p.columns.find((c) => c.name === name)!;
      expect(col('名前').top).toEqual(expectedTop(nonNull(ROWS.map((r) => r.name)), String, byValue));
      expect(col('年齢').top).toEqual(expectedTop(nonNull(ROWS.map((r) => r.age)), String, byValue));
      const wTop = col('体重').top;
      const wExpected = expectedTop(nonNull(ROWS.map((r) => r.weight)), String, byValue);
      expect(wTop.map((t) => [Number(t.value), t.count])).toEqual(wExpected.map((t) => [Number(t.value), t.count]));
      expect(col('有無').top).toEqual(expectedTop(ROWS.map((r) => r.flag), String, (a, b) => Number(a) - Number(b)));
      expect((await profileTable(e, '受診 一覧', { top: 2 })).columns[0].top).toHaveLength(2);
    });

    it('bins numbers, dates and timestamps into at most 20 ordered equal-width bins', async () => {
      const p = await profilePromise;
      const col = (name: string) => p.columns.find((c) => c.name === name)!;
      const check = <T>(name: string, values: T[], parse: (s: string) => number, toNum: (v: T) => number, exactEnds: boolean) => {
        const c = col(name);
        const h = c.histogram!;
        expect(h.length).toBeGreaterThan(1);
        expect(h.length).toBeLessThanOrEqual(20);
        expect(h.reduce((s, b) => s + b.count, 0)).toBe(values.length);
        expect(h.map((b) => b.count)).toEqual(recount(c, values, parse, toNum));
        const widths = h.slice(0, -1).map((b) => parse(b.hi) - parse(b.lo));
        for (const w of widths) expect(w).toBeCloseTo(widths[0], 6);
        for (let k = 1; k < h.length; k++) expect(h[k].lo).toBe(h[k - 1].hi);
        const nums = values.map(toNum);
        if (exactEnds) {
          expect(parse(h[0].lo)).toBe(Math.min(...nums));
          expect(parse(h.at(-1)!.hi)).toBe(Math.max(...nums));
        } else {
          expect(parse(h[0].lo)).toBeLessThanOrEqual(Math.min(...nums));
          expect(parse(h.at(-1)!.hi)).toBeGreaterThanOrEqual(Math.max(...nums));
        }
      };
      check('年齢', nonNull(ROWS.map((r) => r.age)), Number, (v) => v, true);
      check('体重', nonNull(ROWS.map((r) => r.weight)), Number, (v) => v, false);
      const dayMs = (s: string) => Date.parse(s + 'T00:00:00Z');
      check('受診日', ROWS.map((r) => r.day), dayMs, dayMs, true);
      const tsMs = (s: string) => Date.parse(s.replace(' ', 'T') + 'Z');
      check('時刻', ROWS.map((r) => r.ts), tsMs, tsMs, true);
      check('大きな値', ROWS.map((r) => r.big), (s) => Number(BigInt(s) - BIG), (v) => Number(v - BIG), true);
      // Integer widths are whole numbers: 0..107 → width 6, 18 bins.
      expect(col('年齢').histogram!.slice(0, 2)).toEqual([
        expect.objectContaining({ lo: '0', hi: '6' }),
        expect.objectContaining({ lo: '6', hi: '12' }),
      ]);
    });

    it('handles a single value, non-finite values and an empty table', async () => {
      const e = await enginePromise;
      await e.exec(`CREATE OR REPLACE TABLE t1 AS SELECT * FROM (VALUES (5, 1.5::DOUBLE, DATE '2020-01-01'), (5, 'inf'::DOUBLE, 'infinity'::DATE), (5, 'nan'::DOUBLE, DATE '2020-01-01')) t(i, d, dt)`);
      const p = await profileTable(e, 't1');
      expect(p.columns[0].histogram).toEqual([{ lo: '5', hi: '5', count: 3 }]);
      expect(p.columns[1].histogram).toEqual([{ lo: '1.5', hi: '1.5', count: 1 }]);
      expect(p.columns[1].distinct).toBe(3);
      expect(p.columns[2].histogram).toEqual([{ lo: '2020-01-01', hi: '2020-01-01', count: 2 }]);
      await e.exec(`CREATE OR REPLACE TABLE t0 (a INTEGER, "b c" VARCHAR)`);
      const empty = await profileTable(e, 't0');
      expect(empty.rows).toBe(0);
      expect(empty.columns.map((c) => [c.distinct, c.min, c.top.length, c.histogram])).toEqual([[0, null, 0, []], [0, null, 0, null]]);
    });
  });
}

describe('profiles agree across engines', () => {
  it('gives identical profiles of the demo patients table on both hosts', async () => {
    const [patients] = generateDemoFiles({ patients: 1500, seed: 'profile' });
    const results: string[] = [];
    for (const host of ENGINE_HOSTS) {
      const e = await host.create();
      try {
        await e.registerFile('p.csv', patients.bytes);
        await e.exec(`CREATE TABLE ${ident('患者')} AS SELECT * FROM read_csv('p.csv', header = true)`);
        results.push(JSON.stringify(await profileTable(e, '患者')));
      } finally {
        e.close();
      }
    }
    expect(results[0]).toBe(results[1]);
    const p = JSON.parse(results[0]);
    expect(p.rows).toBe(1500);
    expect(p.columns.find((c: ColumnProfile) => c.name === '性別').distinct).toBe(2);
  });
});

describe('round bin widths', () => {
  it('uses 1, 2, 2.5 or 5 × 10^k, starts on a multiple and covers the range in at most the bins asked', () => {
    for (const [lo, hi] of [[0.01, 19.8], [3, 147.5], [-5, 5], [1e6, 1e6 + 3], [0.3, 0.30000001]]) {
      const b = niceBins(lo, hi, 20);
      const mantissa = b.width / 10 ** Math.floor(Math.log10(b.width));
      expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-9)).toBe(true);
      expect(b.bins).toBeLessThanOrEqual(20);
      expect(b.start).toBeLessThanOrEqual(lo);
      expect(b.start + b.bins * b.width).toBeGreaterThanOrEqual(hi);
      expect(Math.abs(b.start / b.width - Math.round(b.start / b.width))).toBeLessThan(1e-6);
    }
  });
});
