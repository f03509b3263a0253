import * as Comlink from 'comlink';
import { TokumeiError } from '../../src/core/errors.ts';
import { searchOptimum } from '../../src/core/search/search.ts';
import type { SearchInput, SearchModel, SearchProgress, SearchResult } from '../../src/core/search/types.ts';
import type { SolutionSpace } from '../../src/core/search/space.ts';

/** A finished search with its solution space (always present here). */
export type SearchOutcome = SearchResult & { space: SolutionSpace };

let current: AbortController | null = null;

/**
 * The search worker's API: the optimal generalization (ARX's FLASH) on an input the engine
 * worker read, one run at a time. The search hands the thread back every few tens of
 * milliseconds, so a cancel message is seen within one slice.
 */
export const searchWorkerApi = {
  async run(input: SearchInput, model: SearchModel, onProgress?: (p: SearchProgress) => void): Promise<SearchOutcome> {
    current?.abort();
    const ctl = new AbortController();
    current = ctl;
    try {
      const r = (await searchOptimum(input, model, { signal: ctl.signal, onProgress, space: true })) as SearchOutcome;
      const s = r.space;
      return Comlink.transfer(r, [s.states.buffer, s.ids.buffer, s.loss.buffer, s.suppressed.buffer] as ArrayBuffer[]);
    } catch (e) {
      if (ctl.signal.aborted) throw new TokumeiError('engine.cancelled');
      throw e;
    } finally {
      if (current === ctl) current = null;
      // The page's progress callback arrives as a Comlink proxy; its channel is not needed any more.
      (onProgress as Partial<Record<typeof Comlink.releaseProxy, () => void>> | undefined)?.[Comlink.releaseProxy]?.();
    }
  },

  cancel(): void {
    current?.abort();
  },
};

export type SearchWorkerApi = typeof searchWorkerApi;
