import { isTokumeiError } from '../core/errors.ts';
import type { SearchMetric, SearchProgress } from '../core/search/types.ts';
import type { Model, ReleaseSpec } from '../core/spec/schema.ts';
import type { SearchJob, SearchRequest } from '../../workers/engine/search-api.ts';
import type { SearchOutcome } from '../../workers/search/api.ts';

export type SearchStatus = 'idle' | 'loading' | 'running' | 'done' | 'cancelled' | 'failed';

/** A finished search and what it was asked. */
export interface SearchRun {
  table: string;
  /** The spec searched (its model is the criteria). */
  spec: ReleaseSpec;
  /** The criteria searched for (in the spec's terms) and the metric minimized. */
  model: Model;
  metric: SearchMetric;
  qis: string[];
  heights: Record<string, number>;
  /** Reading the input in the engine worker, and the search itself. */
  loadMs: number;
  outcome: SearchOutcome;
}

/** What a run shows; the runes client keeps these in $state. */
export interface SearchSink {
  status: SearchStatus;
  progress: SearchProgress | null;
  run: SearchRun | null;
  error: unknown;
}

/** The calls a run makes: the engine worker loads, the search worker searches. */
export interface SearchCalls {
  load(req: SearchRequest): Promise<SearchJob>;
  cancelLoad(): Promise<void>;
  search(job: SearchJob, metric: SearchMetric, onProgress: (p: SearchProgress) => void): Promise<SearchOutcome>;
  cancelSearch(): void;
  /** Ends the search worker at once (the next search starts a new one). */
  kill(): void;
}

/** A cancelled search that has not stopped after this long has its worker ended. */
export const KILL_AFTER_MS = 1500;

/**
 * One search at a time, in two steps (load in the engine worker, search in the search worker).
 * A newer start or a cancel makes every answer of the older run be ignored; a cancel shows at
 * once, and if the search does not stop within KILL_AFTER_MS its worker is ended.
 */
export class SearchRunner {
  private ticket = 0;
  private searching: Promise<unknown> | null = null;

  constructor(
    private readonly calls: SearchCalls,
    private readonly sink: SearchSink,
    private readonly killAfterMs = KILL_AFTER_MS,
  ) {}

  async start(req: SearchRequest, metric: SearchMetric): Promise<void> {
    if (this.sink.status === 'loading' || this.sink.status === 'running') await this.cancel();
    const ticket = ++this.ticket;
    const live = () => ticket === this.ticket;
    this.sink.status = 'loading';
    this.sink.progress = null;
    this.sink.error = null;
    try {
      const job = await this.calls.load(req);
      if (!live()) return;
      this.sink.status = 'running';
      const searching = this.calls.search(job, metric, (p) => {
        if (live()) this.sink.progress = p;
      });
      this.searching = searching;
      const outcome = await searching;
      if (!live()) return;
      this.sink.run = { table: req.table, spec: req.spec, model: req.spec.model, metric, qis: job.qis, heights: job.heights, loadMs: job.ms, outcome };
      this.sink.status = 'done';
    } catch (e) {
      if (!live()) return;
      if (isTokumeiError(e) && e.key === 'engine.cancelled') {
        this.sink.status = 'cancelled';
        return;
      }
      this.sink.status = 'failed';
      this.sink.error = e;
    } finally {
      if (live()) this.searching = null;
    }
  }

  async cancel(): Promise<void> {
    const was = this.sink.status;
    if (was !== 'loading' && was !== 'running') return;
    this.ticket++;
    this.sink.status = 'cancelled';
    if (was === 'loading') {
      await this.calls.cancelLoad().catch(() => undefined);
      return;
    }
    const searching = this.searching;
    this.searching = null;
    this.calls.cancelSearch();
    if (!searching) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopped = await Promise.race([
      searching.then(
        () => true,
        () => true,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), this.killAfterMs))),
    ]);
    clearTimeout(timer);
    if (!stopped) this.calls.kill();
  }
}
