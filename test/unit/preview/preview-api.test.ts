import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { exclusionDigest } from '../../../src/core/spec/digest.ts';
import { previewApi, type SuppressionRequest } from '../../../workers/engine/preview-api.ts';
import { CLINIC, clinicSpec, loadClinic } from './fixture.ts';

for (const host of ENGINE_HOSTS) {
  describe(`suppression preview worker API (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    let cancels = 0;
    let onQuery: (sql: string) => void = () => {};
    let api: ReturnType<typeof previewApi>;
    let ids: string[] | null = null;
    let request: (patch?: Partial<SuppressionRequest>) => SuppressionRequest;
    beforeAll(async () => {
      engine = await host.create();
      await loadClinic(engine);
      const watched: SqlEngine & { cancel(): Promise<void> } = {
        exec: (sql) => (onQuery(sql), engine.exec(sql)),
        rows: (sql) => (onQuery(sql), engine.rows(sql)),
        registerFile: (n, b) => engine.registerFile(n, b),
        dropFile: (n) => engine.dropFile(n),
        cancel: async () => void cancels++,
      };
      api = previewApi(() => watched, () => ids);
      const digest = await exclusionDigest(['P01']);
      request = (patch = {}) => ({ table: CLINIC, spec: clinicSpec({ exclusions: digest }), threshold: 5, cohorts: [], ...patch });
    }, 120_000);
    afterAll(() => engine.close());

    const leftovers = async () => engine.rows(`SELECT table_name FROM information_schema.tables WHERE starts_with(table_name, '__tokumei_')`);

    it('uses the exclusion list the worker holds, and says so when there is none', async () => {
      ids = null;
      await expect(api.previewRun(request())).rejects.toMatchObject({ key: 'spec.exclusions.required' });
      ids = ['P01'];
      const r = await api.previewRun(request());
      expect(r.summary.removed).toEqual({ excluded: 1, record: 1, belowK: 4 });
      expect(r.removedRecords).toBe(6);
      expect(r.buildMs).toBeGreaterThan(0);
      // Defaults: text columns for categories, every default column for distributions.
      expect(r.categories.map((c) => c.column)).toEqual(['性別', '病名']);
      expect(r.distributions.map((d) => d.column)).toEqual(['性別', '生年月日', '病名']);
    });

    it('reuses the preview while table and spec stay, and pages it by id', async () => {
      const first = await api.previewRun(request());
      const again = await api.previewRun(
        request({ threshold: 3, cohorts: [{ id: 'c', name: '', conditions: [{ column: '性別', op: 'equals', value: '女' }] }] }),
      );
      expect(again.id).toBe(first.id);
      expect(again.buildMs).toBe(0);
      expect(again.cohorts.map((c) => [c.before, c.after])).toEqual([[30, 29]]);
      expect(await api.previewCount(again.id, { reason: 'belowK' })).toBe(4);
      const page = await api.previewPage(again.id, { reason: 'record' }, 0, 10);
      expect(page.map((r) => r[2])).toEqual(['P21']);

      const cells = await api.previewRun(request({ method: 'cells' }));
      expect(cells.id).not.toBe(first.id);
      expect(cells.summary.method).toBe('cells');
      expect(cells.summary.removed.belowK).toBe(0);
      await expect(api.previewCount(first.id, {})).rejects.toMatchObject({ key: 'uiPreview.error.stale' });
    });

    it('lets a newer request stop the older one mid-way', async () => {
      const before = cancels;
      let newer: Promise<unknown> | null = null;
      onQuery = (sql) => {
        if (!newer && sql.includes('__tokumei_sp') && /^\s*(WITH|SELECT)/i.test(sql)) newer = api.previewRun(request({ threshold: 2, spec: clinicSpec({ band: 20, exclusions: request().spec!.sources.exclusions }) }));
      };
      const older = api.previewRun(request({ spec: clinicSpec({ dxPrefix: true, exclusions: request().spec!.sources.exclusions }) }));
      await expect(older).rejects.toMatchObject({ key: 'engine.cancelled' });
      onQuery = () => {};
      expect(newer).not.toBeNull();
      const r = (await newer!) as { summary: { removed: { belowK: number } }; categories: { threshold: number }[] };
      expect(r.categories[0].threshold).toBe(2);
      expect(cancels).toBe(before + 1);
    });

    it('drops every table of the preview when disposed', async () => {
      await api.previewRun(request());
      expect((await leftovers()).length).toBeGreaterThan(0);
      await api.previewDispose();
      expect(await leftovers()).toEqual([]);
    });
  });
}
