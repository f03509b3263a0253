import { isTokumeiError } from '../core/errors.ts';
import type { SuppressionRequest, SuppressionResult } from '../../workers/engine/preview-api.ts';

/** Where the preview stands: `stale` = its input changed and a new answer is on its way (the old one is still shown). */
export type PreviewStatus = 'idle' | 'stale' | 'running' | 'done' | 'error';

/** What the view reads; the runes class implements it with $state fields. */
export interface PreviewView {
  result: SuppressionResult | null;
  status: PreviewStatus;
  error: { key: string; params?: Record<string, string | number> } | null;
}

export interface PreviewCalls {
  run(input: SuppressionRequest): Promise<SuppressionResult>;
  cancel(): Promise<void>;
}

const cancelled = (e: unknown) => isTokumeiError(e) && e.key === 'engine.cancelled';

/**
 * When the suppression preview asks the engine: after a pause (~300 ms) once the input stops
 * changing, never twice for the same input, and a run whose input is outdated is cancelled in
 * the worker. A run interrupted although its input is current (another view's work cancelled it)
 * is retried a few times. Pure TypeScript, so it is tested without a browser.
 */
export class PreviewSchedule {
  private input: SuppressionRequest | null = null;
  private key = '';
  private done = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  private busy = false;
  private retries = 0;

  constructor(
    private readonly calls: PreviewCalls,
    private readonly view: PreviewView,
    private readonly delayMs = 300,
  ) {}

  set(input: SuppressionRequest | null): void {
    this.input = input;
    if (!input) {
      this.stop();
      this.key = '';
      return;
    }
    const key = JSON.stringify(input);
    if (key === this.key) return;
    this.key = key;
    this.generation++;
    this.retries = 0;
    if (key === this.done) {
      this.view.status = 'done';
      return;
    }
    if (this.view.status !== 'idle') this.view.status = 'stale';
    if (this.busy) void this.calls.cancel().catch(() => undefined);
    this.schedule();
  }

  /** Asks again for the current input (after an engine restart, say). */
  refresh(): void {
    const input = this.input;
    this.key = '';
    this.done = '';
    this.set(input);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), this.delayMs);
  }

  private async run(): Promise<void> {
    this.timer = null;
    const input = this.input;
    if (!input) return;
    const gen = this.generation;
    const key = this.key;
    this.busy = true;
    this.view.status = 'running';
    try {
      const result = await this.calls.run(input);
      if (gen !== this.generation) return;
      this.view.result = result;
      this.view.error = null;
      this.view.status = 'done';
      this.done = key;
    } catch (e) {
      if (gen !== this.generation) return;
      if (cancelled(e) && this.retries++ < 3) {
        this.view.status = 'stale';
        this.schedule();
        return;
      }
      this.view.error = isTokumeiError(e) ? { key: e.key, params: e.params } : { key: 'error.unknown', params: { detail: e instanceof Error ? e.message : String(e) } };
      this.view.status = 'error';
    } finally {
      if (gen === this.generation) this.busy = false;
    }
  }

  /** Stops work (the view is gone); the last result stays. */
  stop(): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.busy) void this.calls.cancel().catch(() => undefined);
    this.busy = false;
    if (this.view.status === 'running' || this.view.status === 'stale') this.view.status = this.view.result ? 'done' : 'idle';
  }
}
