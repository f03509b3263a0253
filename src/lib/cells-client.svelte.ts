import type { CellsRequest, CellsResult } from '../../workers/engine/cells-api.ts';
import type { EngineClient } from './engine-client.svelte.ts';

export type { CellsRequest, CellsResult, SuppressionComparison } from '../../workers/engine/cells-api.ts';

/** Cell suppression on a large table may take a while; the engine client gives up after this. */
const HEAVY_MS = 10 * 60_000;

export type CellsStatus = 'idle' | 'running' | 'done' | 'error';

/**
 * The cell-suppression panel's client (a runes class): one run at a time on request; a newer
 * run's answer replaces an older one, and an older answer arriving late is dropped.
 */
export class CellsClient {
  status = $state<CellsStatus>('idle');
  result = $state.raw<CellsResult | null>(null);
  /** What `result` was computed for (compared by the panel to say when it is out of date). */
  request = $state.raw<CellsRequest | null>(null);
  error = $state.raw<unknown>(null);
  private seq = 0;

  constructor(private readonly engine: Pick<EngineClient, 'call'>) {}

  async run(req: CellsRequest): Promise<void> {
    const id = ++this.seq;
    this.status = 'running';
    this.error = null;
    try {
      const result = await this.engine.call((api) => api.cellsCompare(req), HEAVY_MS);
      if (id !== this.seq) return;
      this.result = result;
      this.request = req;
      this.status = 'done';
    } catch (e) {
      if (id !== this.seq) return;
      this.error = e;
      this.status = 'error';
    }
  }
}
