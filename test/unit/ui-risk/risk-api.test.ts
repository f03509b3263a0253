import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { DICTIONARY_PREFIX } from '../../../src/core/risk/source-codes.ts';
import { riskApi } from '../../../workers/engine/risk-api.ts';
import { loadDemoPatients } from './demo-table.ts';

const T = '患者';
const request = (qis: string[]) => ({ table: T, spec: null, qis, sensitive: '主病名', weight: null, threshold: 0.2 });

for (const host of ENGINE_HOSTS) {
  describe(`risk worker API (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    let cancels = 0;
    /** Called with each query the API sends (to start a second request mid-way). */
    let onQuery: (sql: string) => void = () => {};
    let api: ReturnType<typeof riskApi>;
    beforeAll(async () => {
      engine = await host.create();
      await loadDemoPatients(engine, T, 500);
      const watched: SqlEngine & { cancel(): Promise<void> } = {
        exec: (sql) => (onQuery(sql), engine.exec(sql)),
        rows: (sql) => (onQuery(sql), engine.rows(sql)),
        registerFile: (n, b) => engine.registerFile(n, b),
        dropFile: (n) => engine.dropFile(n),
        cancel: async () => void cancels++,
      };
      api = riskApi(() => watched);
    }, 120_000);
    afterAll(() => engine.close());

    // The dictionaries of the measured table are kept on purpose (source-codes.ts); nothing else may stay.
    const leftovers = async () =>
      engine.rows(
        `SELECT table_name FROM information_schema.tables WHERE starts_with(table_name, '__tokumei_') AND NOT starts_with(table_name, '${DICTIONARY_PREFIX}')`,
      );

    it('answers a class request with its timing', async () => {
      const r = await api.riskClasses(request(['生年月日', '性別']));
      expect(r.records).toBe(500);
      expect(r.qis).toEqual(['生年月日', '性別']);
      expect(r.ms).toBeGreaterThan(0);
      expect(await leftovers()).toEqual([]);
    });

    it('lets a newer live request stop the older one mid-way, which still cleans up', async () => {
      const before = cancels;
      let newer: Promise<{ qis: string[] }> | null = null;
      // The second request arrives once the first has its release view and is scanning.
      onQuery = (sql) => {
        if (!newer && /^\s*(WITH|SELECT)/i.test(sql) && sql.includes('__tokumei_')) newer = api.riskClasses(request(['性別']));
      };
      const older = api.riskDetails(request(['生年月日', '性別']));
      await expect(older).rejects.toMatchObject({ key: 'engine.cancelled' });
      onQuery = () => {};
      expect(newer).not.toBeNull();
      expect((await newer!).qis).toEqual(['性別']);
      expect(cancels).toBe(before + 1);
      expect(await leftovers()).toEqual([]);
    });

    it('refuses a request that was overtaken before it began', async () => {
      const first = api.riskClasses(request(['生年月日']));
      const second = api.riskClasses(request(['性別']));
      await expect(first).rejects.toMatchObject({ key: 'engine.cancelled' });
      expect((await second).qis).toEqual(['性別']);
    });

    it('keeps the SUDA2 column load apart from the live requests', async () => {
      const suda = api.riskSudaColumns(request(['生年月日', '性別']));
      const live = api.riskClasses(request(['性別']));
      const [cols, cls] = await Promise.all([suda, live]);
      expect(cols.qis).toEqual(['生年月日', '性別']);
      expect(cols.columns.map((c) => c.length)).toEqual([500, 500]);
      expect(cls.records).toBe(500);
    });

    it('stops on riskCancel and does nothing when idle', async () => {
      const p = api.riskPeculiar(request(['生年月日', '性別']));
      await api.riskCancel();
      await expect(p).rejects.toMatchObject({ key: 'engine.cancelled' });
      const before = cancels;
      await api.riskCancel();
      expect(cancels).toBe(before);
      expect(await leftovers()).toEqual([]);
    });
  });
}
