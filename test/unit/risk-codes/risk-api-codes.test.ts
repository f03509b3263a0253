import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { assessClasses, type ClassAssessment } from '../../../src/core/risk/assess-parts.ts';
import { DICTIONARY_PREFIX } from '../../../src/core/risk/source-codes.ts';
import { riskApi } from '../../../workers/engine/risk-api.ts';
import { loadDemoPatients } from '../ui-risk/demo-table.ts';

const T = '患者';
const request = (qis: string[]) => ({ table: T, spec: null, qis, sensitive: '主病名', weight: null, threshold: 0.2 });
const essence = (a: { histogram: unknown; lDiversity: unknown; records: number }) => ({ histogram: a.histogram, lDiversity: a.lDiversity, records: a.records });

for (const host of ENGINE_HOSTS) {
  describe(`risk worker API keeps dictionary codes (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    let onQuery: (sql: string) => void = () => {};
    let api: ReturnType<typeof riskApi>;
    beforeAll(async () => {
      engine = await host.create();
      await loadDemoPatients(engine, T, 800);
      const watched: SqlEngine & { cancel(): Promise<void> } = {
        exec: (sql) => (onQuery(sql), engine.exec(sql)),
        rows: (sql) => (onQuery(sql), engine.rows(sql)),
        registerFile: (n, b) => engine.registerFile(n, b),
        dropFile: (n) => engine.dropFile(n),
        cancel: async () => {},
      };
      api = riskApi(() => watched);
    }, 120_000);
    afterAll(() => engine.close());

    it('survives a request overtaken while it encodes: each column once, nothing else left, answers as the view gives them', async () => {
      let newer: Promise<unknown> | null = null;
      onQuery = (sql) => {
        if (!newer && sql.includes('__tokumei_codes_')) newer = api.riskClasses(request(['生年月日', '血液型']));
      };
      const older = api.riskClasses(request(['生年月日', '性別', '郵便番号']));
      await expect(older).rejects.toMatchObject({ key: 'engine.cancelled' });
      onQuery = () => {};
      expect(newer).not.toBeNull();
      const b = (await newer!) as Awaited<ReturnType<typeof api.riskClasses>>;
      expect(essence(b)).toEqual(essence(await assessClasses(engine, null, { ...request(['生年月日', '血液型']) })));
      const a = await api.riskClasses(request(['生年月日', '性別', '郵便番号']));
      expect(essence(a)).toEqual(essence(await assessClasses(engine, null, { ...request(['生年月日', '性別', '郵便番号']) })));

      const transient = await engine.rows(
        `SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, '__tokumei_') AND NOT starts_with(table_name, '${DICTIONARY_PREFIX}')`,
      );
      expect(transient).toEqual([]);
      // A dictionary's first column is the source column it encodes.
      const encoded = await engine.rows(
        `SELECT column_name AS c FROM duckdb_columns() WHERE starts_with(table_name, '${DICTIONARY_PREFIX}') AND column_index = 1 ORDER BY 1`,
      );
      expect(encoded.map((r) => r.c)).toEqual(['主病名', '性別', '生年月日', '血液型', '郵便番号'].sort());
    });
  });

  describe(`a large table's columns are encoded when the engine is idle (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    let seen: string[] = [];
    let onQuery: (sql: string) => void = () => {};
    let api: ReturnType<typeof riskApi>;
    beforeAll(async () => {
      engine = await host.create();
      await loadDemoPatients(engine, T, 800);
      const watched: SqlEngine & { cancel(): Promise<void> } = {
        exec: (sql) => (seen.push(sql), onQuery(sql), engine.exec(sql)),
        rows: (sql) => (seen.push(sql), onQuery(sql), engine.rows(sql)),
        registerFile: (n, b) => engine.registerFile(n, b),
        dropFile: (n) => engine.dropFile(n),
        cancel: async () => {},
      };
      // Every table counts as large here: nothing is encoded inline.
      api = riskApi(() => watched, { encodeInline: 0, warmAfterMs: 20 });
    }, 120_000);
    afterAll(() => engine.close());

    const dictionaries = async () =>
      (await engine.rows(`SELECT column_name AS c FROM duckdb_columns() WHERE starts_with(table_name, '${DICTIONARY_PREFIX}') AND column_index = 1`)).map((r) => String(r.c)).sort();
    const scannedView = () => seen.some((s) => /FROM "__tokumei_part_\d+_released"/.test(s));
    async function until(ok: () => Promise<boolean>): Promise<void> {
      for (let i = 0; i < 400 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 25));
      expect(await ok()).toBe(true);
    }

    it('answers the first request from the view, encodes afterwards, then counts from codes; a newer request interrupts the encoding', async () => {
      const qis = ['生年月日', '性別', '郵便番号'];
      seen = [];
      const first = await api.riskClasses(request(qis));
      expect(scannedView()).toBe(true);
      expect(await dictionaries()).toEqual([]);
      expect(essence(first)).toEqual(essence(await assessClasses(engine, null, request(qis))));
      await until(async () => (await dictionaries()).length === 4);
      seen = [];
      const second = await api.riskClasses(request(qis));
      expect(scannedView()).toBe(false);
      expect(essence(second)).toEqual(essence(first));

      // Two more columns are owed. A request that arrives while they are being encoded wins; the
      // encoding then resumes for what that request still needs (血液型), not for what it dropped.
      let newer: Promise<unknown> | null = null;
      const narrower = [...qis, '血液型'];
      onQuery = (sql) => {
        if (!newer && sql.includes('__tokumei_codes_')) newer = api.riskClasses(request(narrower));
      };
      await api.riskClasses(request([...qis, '血液型', '都道府県']));
      await until(async () => newer !== null);
      onQuery = () => {};
      expect(essence((await newer!) as ClassAssessment)).toEqual(essence(await assessClasses(engine, null, request(narrower))));
      await until(async () => (await dictionaries()).includes('血液型'));
      expect(await dictionaries()).not.toContain('都道府県');
      seen = [];
      const again = await api.riskClasses(request(narrower));
      expect(scannedView()).toBe(false);
      expect(essence(again)).toEqual(essence(await assessClasses(engine, null, request(narrower))));
    }, 60_000);

    it('encodes at once on riskPrepare', async () => {
      const qis = ['市区町村', '身長'];
      const r = await api.riskPrepare(request(qis));
      expect(await dictionaries()).toEqual(expect.arrayContaining(['市区町村', '身長']));
      expect(essence(r)).toEqual(essence(await assessClasses(engine, null, request(qis))));
    });
  });
}
