import { guardedEngine } from './guarded.ts';
import * as Comlink from 'comlink';
import type { SqlEngine } from '../../src/core/engine.ts';
import { TokumeiError } from '../../src/core/errors.ts';
import { searchFromSpec } from '../../src/core/risk/search-from-spec.ts';
import type { SearchInput, SearchModel } from '../../src/core/search/types.ts';
import type { ReleaseSpec } from '../../src/core/spec/schema.ts';

/** What the Search view asks for: the spec (its model is the view's criteria) applied to one table. */
export interface SearchRequest {
  table: string;
  spec: ReleaseSpec;
  /** The sensitive attribute for l and t; default: the spec's only sensitive column. */
  sensitive?: string | null;
}

/** Everything the search worker needs, fetched with one GROUP BY; the typed arrays are transferred. */
export interface SearchJob {
  input: SearchInput;
  model: SearchModel;
  qis: string[];
  /** Levels per quasi-identifier (1 = held as the spec releases it). */
  heights: Record<string, number>;
  ms: number;
}

/** The buffers of a search input, for Comlink.transfer. */
export function inputBuffers(input: SearchInput): ArrayBuffer[] {
  const arrays = [...input.codes, input.counts, ...(input.sensitive ? [input.sensitive.codes] : [])];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/**
 * The Search view's part of the engine worker, merged into engineApi. The search itself runs
 * in its own worker (workers/search); here only its input is read from DuckDB. One load at a
 * time: a new one, or searchCancel, stops the previous at its next query and interrupts the
 * query it is running. Temporary views are still dropped.
 */
export function searchApi(engine: () => SqlEngine & { cancel(): Promise<void> }) {
  let running: AbortController | null = null;
  let inFlight = 0;

  const guarded = (signal: AbortSignal): SqlEngine => guardedEngine(engine(), signal);

  async function stop(next: AbortController | null): Promise<void> {
    const ctl = running;
    running = next;
    if (!ctl) return;
    ctl.abort();
    if (inFlight > 0) await engine().cancel();
  }

  return {
    /** The spec's quasi-identifiers with their hierarchies and the distinct combinations, for the search worker. */
    async searchLoad(req: SearchRequest): Promise<SearchJob> {
      const ctl = new AbortController();
      await stop(ctl);
      if (ctl.signal.aborted) throw new TokumeiError('engine.cancelled');
      inFlight++;
      const t0 = performance.now();
      try {
        const prepared = await searchFromSpec(guarded(ctl.signal), req.spec, { table: req.table, sensitive: req.sensitive ?? undefined });
        if (ctl.signal.aborted) throw new TokumeiError('engine.cancelled');
        const heights = Object.fromEntries(prepared.input.columns.map((c) => [c.column, c.hierarchy.levels]));
        const job: SearchJob = { input: prepared.input, model: prepared.model, qis: prepared.qis, heights, ms: performance.now() - t0 };
        return Comlink.transfer(job, inputBuffers(prepared.input));
      } finally {
        inFlight--;
        if (running === ctl) running = null;
      }
    },

    /** Stops a running load, if any. */
    async searchCancel(): Promise<void> {
      await stop(null);
    },
  };
}

export type SearchApi = ReturnType<typeof searchApi>;
