import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokumeiError } from '../../../src/core/errors.ts';
import { PreviewSchedule, type PreviewView } from '../../../src/lib/preview-schedule.ts';
import type { SuppressionRequest, SuppressionResult } from '../../../workers/engine/preview-api.ts';

const input = (threshold: number): SuppressionRequest => ({ table: 't', spec: null, threshold, cohorts: [] });
const result = (id: number) => ({ id }) as unknown as SuppressionResult;

function setup() {
  const view: PreviewView = { result: null, status: 'idle', error: null };
  const runs: { input: SuppressionRequest; resolve: (r: SuppressionResult) => void; reject: (e: unknown) => void }[] = [];
  let cancels = 0;
  const schedule = new PreviewSchedule(
    {
      run: (i) => new Promise((resolve, reject) => runs.push({ input: i, resolve, reject })),
      cancel: async () => void cancels++,
    },
    view,
    300,
  );
  return { view, runs, schedule, cancels: () => cancels };
}

describe('preview schedule', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for the input to settle, then asks once', async () => {
    const { view, runs, schedule } = setup();
    schedule.set(input(1));
    schedule.set(input(2));
    await vi.advanceTimersByTimeAsync(299);
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.map((r) => r.input.threshold)).toEqual([2]);
    expect(view.status).toBe('running');
    runs[0].resolve(result(1));
    await vi.runAllTimersAsync();
    expect(view).toMatchObject({ status: 'done', result: { id: 1 } });
    schedule.set(input(2));
    await vi.runAllTimersAsync();
    expect(runs).toHaveLength(1);
  });

  it('cancels a run whose input changed and ignores its late answer', async () => {
    const { view, runs, schedule, cancels } = setup();
    schedule.set(input(1));
    await vi.advanceTimersByTimeAsync(300);
    schedule.set(input(2));
    expect(cancels()).toBe(1);
    expect(view.status).toBe('stale');
    runs[0].resolve(result(1));
    await vi.advanceTimersByTimeAsync(300);
    expect(view.result).toBeNull();
    runs[1].resolve(result(2));
    await vi.runAllTimersAsync();
    expect(view).toMatchObject({ status: 'done', result: { id: 2 } });
  });

  it('retries a run cancelled from elsewhere, and reports other errors', async () => {
    const { view, runs, schedule } = setup();
    schedule.set(input(1));
    await vi.advanceTimersByTimeAsync(300);
    runs[0].reject(new TokumeiError('engine.cancelled'));
    await vi.advanceTimersByTimeAsync(300);
    expect(runs).toHaveLength(2);
    runs[1].reject(new TokumeiError('uiPreview.error.threshold'));
    await vi.runAllTimersAsync();
    expect(view).toMatchObject({ status: 'error', error: { key: 'uiPreview.error.threshold' } });
  });
});
