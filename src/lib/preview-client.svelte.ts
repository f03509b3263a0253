import type { SqlValue } from '../core/engine.ts';
import type { RemovedFilter, SuppressionRequest, SuppressionResult } from '../../workers/engine/preview-api.ts';
import type { EngineClient } from './engine-client.svelte.ts';
import { PreviewSchedule, type PreviewStatus, type PreviewView } from './preview-schedule.ts';

export type { SuppressionRequest, SuppressionResult } from '../../workers/engine/preview-api.ts';
export type { PreviewStatus } from './preview-schedule.ts';

/** A preview of a million records may take a while; the engine client cancels after this. */
const HEAVY_MS = 10 * 60_000;

/**
 * The suppression preview's client (a runes class): the latest result in $state.raw, recomputed
 * through PreviewSchedule (debounced, stale work cancelled), and the removed-records grid's pages.
 */
export class PreviewClient implements PreviewView {
  result = $state.raw<SuppressionResult | null>(null);
  status = $state<PreviewStatus>('idle');
  error = $state.raw<PreviewView['error']>(null);

  private readonly schedule: PreviewSchedule;

  constructor(private readonly engine: Pick<EngineClient, 'call'>, delayMs = 300) {
    this.schedule = new PreviewSchedule(
      {
        run: (input) => engine.call((api) => api.previewRun(input), HEAVY_MS),
        cancel: () => engine.call((api) => api.previewCancel()),
      },
      this,
      delayMs,
    );
  }

  set(input: SuppressionRequest | null): void {
    this.schedule.set(input);
  }

  refresh(): void {
    this.schedule.refresh();
  }

  count(id: number, filter: RemovedFilter): Promise<number> {
    return this.engine.call((api) => api.previewCount(id, filter));
  }

  page(id: number, filter: RemovedFilter, offset: number, limit: number): Promise<SqlValue[][]> {
    return this.engine.call((api) => api.previewPage(id, filter, offset, limit));
  }

  /** The view is gone for good: stop, and drop the preview's tables in the worker. */
  dispose(): void {
    this.schedule.stop();
    void this.engine.call((api) => api.previewDispose()).catch(() => undefined);
  }
}
