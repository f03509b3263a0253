import * as Comlink from 'comlink';
import type { SearchMetric, SearchProgress } from '../core/search/types.ts';
import { inputBuffers, type SearchJob, type SearchRequest } from '../../workers/engine/search-api.ts';
import type { SearchOutcome, SearchWorkerApi } from '../../workers/search/api.ts';
import type { EngineClient } from './engine-client.svelte.ts';
import { SearchRunner, type SearchRun, type SearchSink, type SearchStatus } from './search-runner.ts';

export type { SearchRequest } from '../../workers/engine/search-api.ts';
export type { SearchOutcome } from '../../workers/search/api.ts';
export type { SearchRun, SearchStatus } from './search-runner.ts';

/** Reading the input is one GROUP BY, but on millions of records it may take a while. */
const LOAD_MS = 10 * 60_000;

/**
 * The Search view's client (a runes class): the input is read in the engine worker and handed,
 * transferred, to a search worker of its own (started on first use), which reports progress
 * and stops on cancel; a worker that does not stop in time is ended and replaced.
 */
export class SearchClient implements SearchSink {
  status = $state<SearchStatus>('idle');
  progress = $state.raw<SearchProgress | null>(null);
  run = $state.raw<SearchRun | null>(null);
  error = $state.raw<unknown>(null);

  private worker: Worker | null = null;
  private remote: Comlink.Remote<SearchWorkerApi> | null = null;
  private readonly runner: SearchRunner;

  constructor(engine: Pick<EngineClient, 'call'>) {
    this.runner = new SearchRunner(
      {
        load: (req) => engine.call((api) => api.searchLoad(req), LOAD_MS),
        cancelLoad: () => engine.call((api) => api.searchCancel()),
        search: (job, metric, onProgress) => this.search(job, metric, onProgress),
        cancelSearch: () => void this.remote?.cancel().catch(() => undefined),
        kill: () => this.end(),
      },
      this,
    );
  }

  /** Share of the lattice settled so far (checked, inferred or pruned), for the progress bar. */
  get fraction(): number | null {
    const p = this.progress;
    return p && p.total > 0 ? p.settled / p.total : null;
  }

  start(req: SearchRequest, metric: SearchMetric): Promise<void> {
    return this.runner.start(req, metric);
  }

  cancel(): Promise<void> {
    return this.runner.cancel();
  }

  private search(job: SearchJob, metric: SearchMetric, onProgress: (p: SearchProgress) => void): Promise<SearchOutcome> {
    const api = this.api();
    return api.run(Comlink.transfer(job.input, inputBuffers(job.input)), { ...job.model, metric }, Comlink.proxy(onProgress));
  }

  private api(): Comlink.Remote<SearchWorkerApi> {
    if (!this.remote) {
      this.worker = new Worker(new URL('../../workers/search/index.ts', import.meta.url), { type: 'module', name: 'tokumei-search' });
      this.remote = Comlink.wrap<SearchWorkerApi>(this.worker);
    }
    return this.remote;
  }

  private end(): void {
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }

  dispose(): void {
    void this.runner.cancel();
    this.end();
  }
}

const clients = new WeakMap<object, SearchClient>();

/** One search client per engine client, so a result survives switching tabs. */
export function searchClientFor(engine: EngineClient): SearchClient {
  let c = clients.get(engine);
  if (!c) clients.set(engine, (c = new SearchClient(engine)));
  return c;
}
