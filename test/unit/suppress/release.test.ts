import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine, SqlRow } from '../../../src/core/engine.ts';
import { releasedRecordsSql, type KStepModel } from '../../../src/core/risk/record-suppression.ts';
import { sdcFrequencies } from '../../../src/core/risk/sdc-freq.ts';
import { ident, literal } from '../../../src/core/sql/quote.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

/** 600 generated survey-like records: four keys (one integer, Japanese names), two other columns, a few missing keys. */
function rows(seed0: number): (string | number | null)[][] {
  let seed = seed0;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: (string | number | null)[][] = [];
  for (let id = 1; id <= 600; id++) {
    const area = Math.floor(next() * next() * 15); // skewed: a few common, many rare areas
    const sex = next() < 0.02 ? null : next() < 0.5 ? '男' : '女';
    const band = `${Math.floor(next() * next() * 9) * 10}代`;
    const job = ['会社員', '自営業', '学生', '無職', '医師'][Math.floor(next() * next() * 5)];
    out.push([id, area, sex, band, job, Math.round(next() * 1e6) / 100]);
  }
  return out;
}

const KEYS = ['地域', '性別', '年代', '職業'];

async function load(e: SqlEngine, name: string, data: (string | number | null)[][]): Promise<void> {
  const values = data.map((r) => `(${r.map(literal).join(', ')})`).join(', ');
  await e.exec(
    `CREATE OR REPLACE TABLE ${ident(name)} AS SELECT col0::INTEGER AS id, col1::INTEGER AS ${ident('地域')}, col2 AS ${ident('性別')},
       col3 AS ${ident('年代')}, col4 AS ${ident('職業')}, col5::DOUBLE AS income FROM (VALUES ${values})`,
  );
}

/** The released rows with every value as text, sorted: what a release file would contain. */
async function released(e: SqlEngine, relation: string, qis: readonly string[], model: KStepModel) {
  const columns = ['id', ...KEYS, 'income'];
  const r = await releasedRecordsSql(e, relation, columns, qis, model);
  const out = await e.rows(`SELECT ${columns.map((c) => `CAST(${ident(c)} AS VARCHAR) AS ${ident(c)}`).join(', ')} FROM (${r.sql}) AS ${ident('r')} ORDER BY id`);
  return { r, out };
}

const cells = (model: Partial<KStepModel> = {}): KStepModel => ({ k: 3, suppressionLimit: 0, suppression: 'cells', ...model });

/** Cells that went from a value to NULL, per key; fails on any other change. */
function blanks(before: SqlRow[], after: SqlRow[]): Record<string, number> {
  expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
  const out: Record<string, number> = Object.fromEntries(KEYS.map((k) => [k, 0]));
  after.forEach((row, i) => {
    for (const [c, v] of Object.entries(row)) {
      if (v === before[i][c]) continue;
      expect(KEYS).toContain(c);
      expect(before[i][c]).not.toBeNull();
      expect(v).toBeNull();
      out[c]++;
    }
  });
  return out;
}

describe('the k step with cell suppression (releasedRecordsSql), on every host', () => {
  const engines: (SqlEngine & { close(): void })[] = [];
  beforeAll(async () => {
    for (const host of ENGINE_HOSTS) {
      const e = await host.create();
      await load(e, 'people', rows(777));
      // The same records in another order.
      await load(e, 'shuffled', rows(777).reverse());
      engines.push(e);
    }
  });
  afterAll(() => engines.forEach((e) => e.close()));

  it('keeps every record, blanks only key cells, reaches k with a blank matching anything, and reports what it did', async () => {
    for (const e of engines) {
      const { out: before } = await released(e, 'people', KEYS, { suppressionLimit: 0 });
      const { r, out } = await released(e, 'people', KEYS, cells({ k: 3 }));
      expect(r.suppression).toBeNull();
      const report = r.cells!.report;
      const byColumn = blanks(before, out);
      expect(report.byColumn).toEqual(byColumn);
      expect(report.suppressedCells).toBe(Object.values(byColumn).reduce((s, n) => s + n, 0));
      expect(report.suppressedCells).toBeGreaterThan(0);
      const touched = out.filter((row, i) => KEYS.some((k) => row[k] !== before[i][k])).length;
      expect(report.recordsTouched).toBe(touched);

      // k measured by the independent SQL implementation of sdcMicro's freqCalc.
      await e.exec(`CREATE OR REPLACE TABLE people_out AS ${r.sql}`);
      const f = await sdcFrequencies(e, { relation: 'people_out', keys: KEYS, into: 'people_out_fk' });
      const [m] = await e.rows(`SELECT min(fk) AS m FROM ${ident(f.table)}`);
      expect(Number(m.m)).toBeGreaterThanOrEqual(3);
      expect(report.minFrequency).toBe(Number(m.m));

      // dispose drops the view and its table of blanked combinations.
      const objects = async () => (await e.rows(`SELECT table_name AS t FROM information_schema.tables WHERE table_name LIKE 'people__k_cells%'`)).length;
      expect(await objects()).toBe(2);
      await r.dispose();
      expect(await objects()).toBe(0);
    }
  });

  it('blanks the same cells on both hosts, whatever the row order or the order the keys are named in', async () => {
    const outputs: string[] = [];
    for (const e of engines) {
      for (const [relation, qis] of [
        ['people', KEYS],
        ['shuffled', [...KEYS].reverse()],
      ] as const) {
        const { r, out } = await released(e, relation, qis, cells({ k: 4, importance: { 職業: 2 } }));
        outputs.push(JSON.stringify(out));
        await r.dispose();
      }
    }
    expect(outputs.length).toBe(4);
    expect(new Set(outputs).size).toBe(1);
  });

  it('honours importance: a column given high importance loses fewer cells', async () => {
    const e = engines[0];
    const plain = await released(e, 'people', KEYS, cells({ k: 5 }));
    const most = Object.entries(plain.r.cells!.report.byColumn).sort((a, b) => b[1] - a[1])[0];
    expect(most[1]).toBeGreaterThan(0);
    const kept = await released(e, 'people', KEYS, cells({ k: 5, importance: { [most[0]]: 10 } }));
    expect(kept.r.cells!.report.byColumn[most[0]]).toBeLessThan(most[1]);
    expect(kept.r.cells!.report.importance[most[0]]).toBe(10);
    await plain.r.dispose();
    await kept.r.dispose();
  });

  it('without k, or with record suppression, takes no cell step', async () => {
    const e = engines[1];
    const noK = await releasedRecordsSql(e, 'people', ['id'], KEYS, { suppressionLimit: 0, suppression: 'cells' });
    expect(noK.cells).toBeNull();
    expect(noK.suppression).toBeNull();
    const records = await releasedRecordsSql(e, 'people', ['id'], KEYS, { k: 3, suppressionLimit: 1 });
    expect(records.cells).toBeNull();
    expect(records.suppression?.applied).toBe(true);
    const [{ n }] = await e.rows(`SELECT count(*) AS n FROM (${records.sql}) AS ${ident('r')}`);
    expect(Number(n)).toBe(600 - records.suppression!.needed);
  });
});
