import * as Comlink from 'comlink';
import { parseSpecJson } from '../core/spec/index.ts';
import type { SearchInput } from '../core/search/types.ts';
import { inputBuffers } from '../../workers/engine/search-api.ts';
import type { SearchWorkerApi } from '../../workers/search/api.ts';
import type { EngineClient } from './engine-client.svelte.ts';

export interface SearchBenchResult {
  records: number;
  /** Reading the input in the engine worker (one GROUP BY). */
  loadInputMs: number;
  /** Each timed run, in the page: input handed to the search worker until the outcome is back. */
  ms: number[];
  /** The same runs as the worker timed them (the search alone). */
  workerMs: number[];
  levels: Record<string, number> | null;
  infoLoss: number | null;
  transformationsChecked: number;
  latticeSize: number;
}

const copy = (input: SearchInput): SearchInput => ({
  ...input,
  codes: input.codes.map((c) => c.slice()),
  counts: input.counts.slice(),
  sensitive: input.sensitive && { ...input.sensitive, codes: input.sensitive.codes.slice() },
});

/**
 * `npm run bench` (searchAdult.browserMs): a CSV loaded as a dropped file would be, its search
 * input read once through the engine worker API, then the search run in a search worker as the
 * Search view runs it, once to warm up and `runs` times timed. Diagnostics only.
 */
export async function benchSearch(client: EngineClient, csvUrl: string, specJson: string, runs: number): Promise<SearchBenchResult> {
  const blob = await (await fetch(csvUrl)).blob();
  const [info] = await client.loadFiles([new File([blob], csvUrl.split('/').pop() ?? 'bench.csv')]);
  const worker = new Worker(new URL('../../workers/search/index.ts', import.meta.url), { type: 'module', name: 'tokumei-search-bench' });
  try {
    const spec = parseSpecJson(specJson);
    const t0 = performance.now();
    const job = await client.call((api) => api.searchLoad({ table: info.name, spec }), 600_000);
    const loadInputMs = performance.now() - t0;
    const api = Comlink.wrap<SearchWorkerApi>(worker);
    const ms: number[] = [];
    const workerMs: number[] = [];
    let last: Awaited<ReturnType<SearchWorkerApi['run']>> | null = null;
    for (let i = 0; i <= runs; i++) {
      const input = copy(job.input);
      const t = performance.now();
      last = await api.run(Comlink.transfer(input, inputBuffers(input)), job.model);
      if (i === 0) continue; // warm-up: JIT
      ms.push(performance.now() - t);
      workerMs.push(last.ms);
    }
    return {
      records: job.input.records,
      loadInputMs,
      ms,
      workerMs,
      levels: last!.levels,
      infoLoss: last!.infoLoss,
      transformationsChecked: last!.transformationsChecked,
      latticeSize: last!.latticeSize,
    };
  } finally {
    worker.terminate();
    await client.dropTable(info.name);
  }
}
