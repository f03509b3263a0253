import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { assessClasses } from '../../../src/core/risk/assess-parts.ts';
import { levelEdits } from '../../../src/core/search/spec-plan.ts';
import { levelsOfNode, NodeState } from '../../../src/core/search/space.ts';
import { applyEdits, emptySpec } from '../../../src/core/spec/edit.ts';
import type { ReleaseSpec } from '../../../src/core/spec/schema.ts';
import { searchApi } from '../../../workers/engine/search-api.ts';
import { searchWorkerApi, type SearchOutcome } from '../../../workers/search/api.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { loadDemoPatients } from '../ui-risk/demo-table.ts';

const T = '患者';

/** Birth date (age bands) and postal code (prefixes) generalized, sex held as it is, diagnosis sensitive. */
const spec: ReleaseSpec = applyEdits(emptySpec(), [
  {
    op: 'setHierarchy',
    hierarchy: { name: 'birthAge', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 1 }, { width: 5 }, { width: 10 }], top: { at: 90, label: '90以上' } },
  },
  { op: 'setHierarchy', hierarchy: { name: 'postal', kind: 'prefix', levels: [{ keep: 3 }, { keep: 1 }, { keep: 0 }], alnumOnly: true } },
  { op: 'setColumn', column: { name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'birthAge', level: 0 }] } },
  { op: 'setColumn', column: { name: '性別', role: 'quasi', transforms: [] } },
  { op: 'setColumn', column: { name: '郵便番号', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'postal', level: 0 }] } },
  { op: 'setColumn', column: { name: '主病名', role: 'sensitive', transforms: [] } },
  { op: 'setModel', model: { k: 3, suppressionLimit: 0.1 } },
]);

const outcomes: { host: string; outcome: SearchOutcome }[] = [];

for (const host of ENGINE_HOSTS) {
  describe(`search worker APIs (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    let cancels = 0;
    let onQuery: (sql: string) => void = () => {};
    let api: ReturnType<typeof searchApi>;
    beforeAll(async () => {
      engine = await host.create();
      await loadDemoPatients(engine, T, 1000);
      api = searchApi(() => ({
        exec: (sql) => (onQuery(sql), engine.exec(sql)),
        rows: (sql) => (onQuery(sql), engine.rows(sql)),
        registerFile: (n, b) => engine.registerFile(n, b),
        dropFile: (n) => engine.dropFile(n),
        cancel: async () => void cancels++,
      }));
    }, 120_000);
    afterAll(() => engine.close());

    const leftovers = async () => engine.rows(`SELECT table_name FROM information_schema.tables WHERE starts_with(table_name, '__tokumei_')`);

    it('reads the spec’s quasi-identifiers, their hierarchies and the distinct combinations', async () => {
      const job = await api.searchLoad({ table: T, spec });
      expect(job.qis).toEqual(['生年月日', '性別', '郵便番号']);
      // Age at level 1, 5- and 10-year bands; all 7 digits, 3, 1, none; sex held fixed.
      expect(job.heights).toEqual({ 生年月日: 4, 性別: 1, 郵便番号: 4 });
      expect(job.model).toEqual({ k: 3, suppressionLimit: 0.1 });
      expect(job.input.records).toBe(1000);
      expect(job.input.counts.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(job.input.sensitive).toBeUndefined();
      const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM (SELECT DISTINCT 生年月日, 性別, 郵便番号 FROM ${T})`);
      expect(job.input.counts.length).toBe(Number(n));
      expect(await leftovers()).toEqual([]);
    });

    it('searches in the search worker API; every verdict in the solution space is what SQL measures for that release', async () => {
      const job = await api.searchLoad({ table: T, spec });
      const progress: number[] = [];
      const outcome = await searchWorkerApi.run(job.input, { ...job.model, metric: 'loss' }, (p) => progress.push(p.settled));
      outcomes.push({ host: host.name, outcome });
      expect(progress.length).toBeGreaterThan(0);
      const { space } = outcome;
      expect(space.columns).toEqual(job.qis);
      let met = 0;
      let failed = 0;
      for (let id = 0; id < space.states.length; id++) {
        const levels = Object.fromEntries(job.qis.map((c, d) => [c, levelsOfNode(id, space.heights)[d]]));
        const at = applyEdits(spec, levelEdits(spec, T, levels));
        const m = await assessClasses(engine, at, { table: T });
        const meets = m.suppression!.kAnonymous;
        const s = space.states[id];
        if (s === NodeState.meets || s === NodeState.meetsInferred) expect(meets, JSON.stringify(levels)).toBe(true);
        if (s === NodeState.fails || s === NodeState.failsInferred) expect(meets, JSON.stringify(levels)).toBe(false);
        if (meets) met++;
        else failed++;
        if (id === space.optimum) {
          expect(m.suppressedRecords).toBe(outcome.suppressedRecords);
          expect(m.histogram.entries.reduce((n, [, c]) => n + c, 0)).toBe(outcome.classes);
        }
        const i = space.ids.indexOf(id);
        if (i >= 0) expect(space.suppressed[i]).toBe(m.suppressedRecords);
      }
      // The data makes both verdicts occur, so the comparison above says something.
      expect(met).toBeGreaterThan(0);
      expect(failed).toBeGreaterThan(0);
      expect(outcome.found).toBe(true);
      expect(outcome.levels!['性別']).toBe(0);
    }, 120_000);

    it('loads the sensitive attribute when l or t asks for it', async () => {
      const job = await api.searchLoad({ table: T, spec: { ...spec, model: { l: { value: 2, variant: 'distinct' }, suppressionLimit: 0.1 } } });
      expect(job.input.sensitive?.column).toBe('主病名');
      const outcome = await searchWorkerApi.run(job.input, job.model);
      expect(outcome.space.states.length).toBe(16);
    });

    it('stops on searchCancel, interrupting the query, and cleans up', async () => {
      const before = cancels;
      let cancelled: Promise<void> | null = null;
      onQuery = (sql) => {
        if (!cancelled && /GROUP BY ALL/.test(sql)) cancelled = api.searchCancel();
      };
      await expect(api.searchLoad({ table: T, spec })).rejects.toMatchObject({ key: 'engine.cancelled' });
      onQuery = () => {};
      await cancelled;
      expect(cancels).toBe(before + 1);
      expect(await leftovers()).toEqual([]);
      // Nothing to stop: no interrupt.
      await api.searchCancel();
      expect(cancels).toBe(before + 1);
    });

    it('lets a newer load overtake an older one', async () => {
      const older = api.searchLoad({ table: T, spec });
      const newer = api.searchLoad({ table: T, spec });
      await expect(older).rejects.toMatchObject({ key: 'engine.cancelled' });
      expect((await newer).input.records).toBe(1000);
    });

    it('refuses a spec without quasi-identifiers, in words', async () => {
      await expect(api.searchLoad({ table: T, spec: emptySpec() })).rejects.toMatchObject({ key: 'search.noColumns' });
    });
  });
}

describe('search on both engines', () => {
  it('finds the same optimum, frontier and solution space', () => {
    expect(outcomes).toHaveLength(ENGINE_HOSTS.length);
    const [a, ...rest] = outcomes.map((o) => ({ ...o.outcome, ms: 0, space: { ...o.outcome.space, states: [...o.outcome.space.states] } }));
    for (const b of rest) expect(b).toEqual(a);
  });
});
