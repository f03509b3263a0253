import { describe, expect, it } from 'vitest';
import { TokumeiError } from '../../../src/core/errors.ts';
import { buildSearchInput } from '../../../src/core/search/input.ts';
import type { SearchProgress } from '../../../src/core/search/types.ts';
import { emptySpec } from '../../../src/core/spec/edit.ts';
import { SearchRunner, type SearchCalls, type SearchSink } from '../../../src/lib/search-runner.ts';
import type { SearchJob } from '../../../workers/engine/search-api.ts';
import { searchWorkerApi, type SearchOutcome } from '../../../workers/search/api.ts';

/** A wide input whose lattice (8^6 nodes) takes the search many slices. */
function wideInput() {
  const columns = [...Array(6).keys()].map((d) => ({
    column: `c${d}`,
    hierarchy: { levels: 8, rows: [...Array(128).keys()].map((i) => [...Array(8).keys()].map((l) => `v${i >> l}`)) },
  }));
  let x = 11;
  const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x % 128);
  const combos = [...Array(20000).keys()].map(() => ({ values: columns.map(() => `v${next()}`), count: 1 }));
  return buildSearchInput(columns, combos);
}

const job = (input = buildSearchInput([{ column: 'a', hierarchy: { levels: 2, rows: [['x', '*'], ['y', '*']] } }], [{ values: ['x'], count: 3 }, { values: ['y'], count: 1 }])): SearchJob => ({
  input,
  model: { k: 2, suppressionLimit: 0 },
  qis: input.columns.map((c) => c.column),
  heights: Object.fromEntries(input.columns.map((c) => [c.column, c.hierarchy.levels])),
  ms: 1,
});
const request = { table: 't', spec: { ...emptySpec(), model: { k: 2, suppressionLimit: 0 } } };

function sink(): SearchSink {
  return { status: 'idle', progress: null, run: null, error: null };
}

/** Calls that go to the real search worker API (in this process), with counters. */
function calls(overrides: Partial<SearchCalls> = {}) {
  const seen = { loads: 0, cancelLoads: 0, cancelSearches: 0, kills: 0 };
  const c: SearchCalls = {
    load: async () => (seen.loads++, job()),
    cancelLoad: async () => void seen.cancelLoads++,
    search: (j, metric, onProgress) => searchWorkerApi.run(j.input, { ...j.model, metric }, onProgress),
    cancelSearch: () => (seen.cancelSearches++, searchWorkerApi.cancel()),
    kill: () => void seen.kills++,
    ...overrides,
  };
  return { c, seen };
}

describe('search runner', () => {
  it('loads, searches with progress, and keeps the run with what it was asked', async () => {
    const s = sink();
    const { c, seen } = calls();
    const progress: SearchProgress[] = [];
    const runner = new SearchRunner({ ...c, search: (j, m, p) => c.search(j, m, (x) => (progress.push(x), p(x))) }, s);
    await runner.start(request, 'discernibility');
    expect(seen.loads).toBe(1);
    expect(s.status).toBe('done');
    expect(s.run).toMatchObject({ table: 't', metric: 'discernibility', qis: ['a'], heights: { a: 2 }, model: { k: 2, suppressionLimit: 0 } });
    expect(s.run!.outcome.found).toBe(true);
    expect(s.run!.outcome.levels).toEqual({ a: 1 });
    expect(s.progress).toEqual(progress.at(-1));
  });

  it('cancels a load: the engine is told, the view shows it at once, a late answer is ignored', async () => {
    const s = sink();
    let release!: (j: SearchJob) => void;
    const { c, seen } = calls({ load: () => new Promise<SearchJob>((r) => (release = r)) });
    const runner = new SearchRunner(c, s);
    const started = runner.start(request, 'loss');
    expect(s.status).toBe('loading');
    await runner.cancel();
    expect(s.status).toBe('cancelled');
    expect(seen.cancelLoads).toBe(1);
    release(job());
    await started;
    expect(s.status).toBe('cancelled');
    expect(s.run).toBeNull();
  });

  it('cancels a real search within a slice, without ending the worker', async () => {
    const s = sink();
    const { c, seen } = calls({ load: async () => job(wideInput()) });
    const runner = new SearchRunner(c, s);
    const started = runner.start(request, 'loss');
    // Wait until the search is running and has reported progress beyond the start.
    const t0 = Date.now();
    while (!(s.status === 'running' && s.progress && s.progress.checked > 0) && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 5));
    expect(s.status).toBe('running');
    const c0 = Date.now();
    await runner.cancel();
    await started;
    expect(Date.now() - c0).toBeLessThan(1000);
    expect(s.status).toBe('cancelled');
    expect(seen.cancelSearches).toBe(1);
    expect(seen.kills).toBe(0);
    expect(s.run).toBeNull();
  }, 60_000);

  it('ends a worker that does not stop in time', async () => {
    const s = sink();
    const { c, seen } = calls({ search: () => new Promise<SearchOutcome>(() => {}), cancelSearch: () => {} });
    const runner = new SearchRunner(c, s, 50);
    const started = runner.start(request, 'loss');
    while (s.status !== 'running') await new Promise((r) => setTimeout(r, 1));
    await runner.cancel();
    expect(seen.kills).toBe(1);
    expect(s.status).toBe('cancelled');
    void started;
  });

  it('reports a failure in words and a newer start overtakes an older one', async () => {
    const s = sink();
    const { c } = calls({ load: async () => Promise.reject(new TokumeiError('search.noColumns')) });
    const runner = new SearchRunner(c, s);
    await runner.start(request, 'loss');
    expect(s.status).toBe('failed');
    expect(s.error).toMatchObject({ key: 'search.noColumns' });

    const s2 = sink();
    let n = 0;
    const slow = calls({ load: () => new Promise<SearchJob>((r) => setTimeout(() => r(job()), n++ === 0 ? 50 : 0)) });
    const r2 = new SearchRunner(slow.c, s2);
    const first = r2.start(request, 'loss');
    const second = r2.start(request, 'aecs');
    await Promise.all([first, second]);
    expect(s2.status).toBe('done');
    expect(s2.run!.metric).toBe('aecs');
  });
});

describe('search worker API', () => {
  it('stops when cancelled, with the cancelled message', async () => {
    const input = wideInput();
    const run = searchWorkerApi.run(input, { k: 3, suppressionLimit: 0.05 });
    await new Promise((r) => setTimeout(r, 150));
    searchWorkerApi.cancel();
    await expect(run).rejects.toMatchObject({ key: 'engine.cancelled' });
  }, 60_000);
});
