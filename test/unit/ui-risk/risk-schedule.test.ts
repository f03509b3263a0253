import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokumeiError } from '../../../src/core/errors.ts';
import { idlePart, partKeys, RiskSchedule, type RiskCalls, type RiskView } from '../../../src/lib/risk-schedule.ts';
import type { RiskRequest } from '../../../workers/engine/risk-api.ts';

/** A call the test resolves or rejects by hand. */
interface Pending {
  kind: string;
  input: RiskRequest | null;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

function fakeCalls() {
  const pending: Pending[] = [];
  const cancels: string[] = [];
  const call = (kind: string) => (input: RiskRequest) =>
    new Promise<never>((resolve, reject) => pending.push({ kind, input, resolve: resolve as (v: unknown) => void, reject }));
  let progress: ((f: number) => void) | null = null;
  const calls: RiskCalls = {
    classes: call('classes'),
    details: call('details'),
    peculiar: call('peculiar'),
    sudaColumns: call('sudaColumns'),
    cancel: async (slot) => void cancels.push(slot),
    suda: (_columns, onProgress) => {
      progress = onProgress;
      return new Promise<never>((resolve, reject) => pending.push({ kind: 'suda', input: null, resolve: resolve as (v: unknown) => void, reject }));
    },
    cancelSuda: () => void cancels.push('sudaWorker'),
  };
  return { calls, pending, cancels, progress: (f: number) => progress?.(f) };
}

function view(): RiskView {
  return { classes: idlePart(), details: idlePart(), peculiar: idlePart(), suda: idlePart(), sudaProgress: null };
}

const input = (over: Partial<RiskRequest> = {}): RiskRequest => ({ table: '患者', spec: null, qis: ['生年月日', '性別'], sensitive: null, weight: null, threshold: 0.2, ...over });

/** Let resolved promises run their continuations. */
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('risk schedule', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for the input to settle, then asks for the classes first and the rest after', async () => {
    const f = fakeCalls();
    const v = view();
    const s = new RiskSchedule(f.calls, v, 250);
    s.set(input({ qis: ['生年月日'] }));
    vi.advanceTimersByTime(100);
    s.set(input({ qis: ['生年月日', '性別'] }));
    vi.advanceTimersByTime(249);
    expect(f.pending).toHaveLength(0);
    expect(v.classes.status).toBe('stale');
    vi.advanceTimersByTime(1);
    expect(f.pending.map((p) => p.kind)).toEqual(['classes']);
    expect(f.pending[0].input!.qis).toEqual(['生年月日', '性別']);
    expect(v.classes.status).toBe('running');

    f.pending[0].resolve({ histogram: 'h1', ms: 3 });
    await flush();
    expect(v.classes).toEqual({ value: { histogram: 'h1', ms: 3 }, status: 'done', error: null });
    expect(f.pending.map((p) => p.kind)).toEqual(['classes', 'details']);
    f.pending[1].resolve({ utility: 1, ms: 1 });
    await flush();
    expect(f.pending.map((p) => p.kind)).toEqual(['classes', 'details', 'peculiar']);
    f.pending[2].resolve({ findings: [], ms: 1 });
    await flush();
    expect([v.classes.status, v.details.status, v.peculiar.status]).toEqual(['done', 'done', 'done']);
  });

  it('asks again only for the parts whose input changed, keeping the old value on show meanwhile', async () => {
    const f = fakeCalls();
    const v = view();
    const s = new RiskSchedule(f.calls, v, 250);
    s.set(input());
    vi.advanceTimersByTime(250);
    for (let i = 0; i < 3; i++) {
      f.pending[i].resolve({ n: i });
      await flush();
    }
    // The threshold only matters to the detailed report (individual risk above it).
    s.set(input({ threshold: 0.1 }));
    expect(v.details).toEqual({ value: { n: 1 }, status: 'stale', error: null });
    expect(v.classes.status).toBe('done');
    vi.advanceTimersByTime(250);
    expect(f.pending.slice(3).map((p) => p.kind)).toEqual(['details']);
    f.pending[3].resolve({ n: 3 });
    await flush();
    expect(f.pending).toHaveLength(4);
    // The same input again asks for nothing.
    s.set(input({ threshold: 0.1 }));
    vi.advanceTimersByTime(1000);
    expect(f.pending).toHaveLength(4);
  });

  it('cancels work whose input is outdated and ignores its late answer', async () => {
    const f = fakeCalls();
    const v = view();
    const s = new RiskSchedule(f.calls, v, 250);
    s.set(input());
    vi.advanceTimersByTime(250);
    expect(f.pending).toHaveLength(1);
    s.set(input({ qis: ['性別'] }));
    expect(f.cancels).toEqual(['live']);
    f.pending[0].resolve({ stale: true });
    await flush();
    expect(v.classes.value).toBeNull();
    expect(v.classes.status).toBe('stale');
    vi.advanceTimersByTime(250);
    expect(f.pending[1].input!.qis).toEqual(['性別']);
    f.pending[1].resolve({ fresh: true });
    await flush();
    expect(v.classes.value).toEqual({ fresh: true });
  });

  it('stops after a failed class scan, but goes on after a failed detail report', async () => {
    const f = fakeCalls();
    const v = view();
    const s = new RiskSchedule(f.calls, v, 250);
    s.set(input());
    vi.advanceTimersByTime(250);
    f.pending[0].reject(new TokumeiError('search.noColumns'));
    await flush();
    expect(v.classes).toEqual({ value: null, status: 'error', error: { key: 'search.noColumns', params: {} } });
    expect(f.pending).toHaveLength(1);

    s.set(input({ qis: ['性別'] }));
    vi.advanceTimersByTime(250);
    f.pending[1].resolve({ ok: 1 });
    await flush();
    f.pending[2].reject(new Error('boom'));
    await flush();
    expect(v.details.status).toBe('error');
    expect(v.details.error).toEqual({ key: 'error.unknown', params: { detail: 'boom' } });
    expect(f.pending[3].kind).toBe('peculiar');
  });

  it('asks again when a part was interrupted although its input is current', async () => {
    const f = fakeCalls();
    const v = view();
    const s = new RiskSchedule(f.calls, v, 250);
    s.set(input());
    vi.advanceTimersByTime(250);
    f.pending[0].resolve({ ok: 1 });
    await flush();
    f.pending[1].reject(new TokumeiError('engine.cancelled'));
    await flush();
    expect(v.details.status).toBe('stale');
    vi.advanceTimersByTime(250);
    expect(f.pending.map((p) => p.kind)).toEqual(['classes', 'details', 'details']);
  });

  it('stops when the panel goes away, and recomputes nothing it already has when it comes back', async () => {
    const f = fakeCalls();
    const v = view();
    const s = new RiskSchedule(f.calls, v, 250);
    s.set(input());
    vi.advanceTimersByTime(250);
    f.pending[0].resolve({ ok: 1 });
    await flush();
    s.set(null);
    expect(f.cancels).toEqual(['live']);
    f.pending[1].reject(new TokumeiError('engine.cancelled'));
    await flush();
    s.set(input());
    vi.advanceTimersByTime(250);
    expect(f.pending.slice(2).map((p) => p.kind)).toEqual(['details']);
  });

  it('runs SUDA2 on request with progress, and marks it stale when the classes change', async () => {
    const f = fakeCalls();
    const v = view();
    const s = new RiskSchedule(f.calls, v, 250);
    s.set(input());
    const run = s.runSuda();
    expect(v.suda.status).toBe('running');
    expect(v.sudaProgress).toBeNull();
    const cols = f.pending.find((p) => p.kind === 'sudaColumns')!;
    cols.resolve({ qis: ['生年月日', '性別'], columns: [new Int32Array(1), new Int32Array(1)] });
    await flush();
    expect(v.sudaProgress).toBe(0);
    f.progress(0.5);
    expect(v.sudaProgress).toBe(0.5);
    f.pending.find((p) => p.kind === 'suda')!.resolve({ recordsWithMsu: 1, ms: 2 });
    await run;
    expect(v.suda).toEqual({ value: { recordsWithMsu: 1, ms: 2, qis: ['生年月日', '性別'] }, status: 'done', error: null });
    expect(v.sudaProgress).toBeNull();
    s.set(input({ qis: ['性別'] }));
    expect(v.suda.status).toBe('stale');
  });

  it('cancels a running SUDA2 when the input changes', async () => {
    const f = fakeCalls();
    const v = view();
    const s = new RiskSchedule(f.calls, v, 250);
    s.set(input());
    const run = s.runSuda();
    s.set(input({ qis: ['性別'] }));
    expect(f.cancels).toContain('sudaWorker');
    expect(f.cancels).toContain('suda');
    f.pending.find((p) => p.kind === 'sudaColumns')!.reject(new TokumeiError('engine.cancelled'));
    await run;
    expect(v.suda.status).toBe('idle');
  });

  it('keys the parts by what they depend on', () => {
    const a = partKeys(input());
    expect(partKeys(input({ threshold: 0.1 })).classes).toBe(a.classes);
    expect(partKeys(input({ threshold: 0.1 })).details).not.toBe(a.details);
    expect(partKeys(input({ weight: 'w' })).peculiar).toBe(a.peculiar);
    expect(partKeys(input({ sensitive: '主病名' })).classes).not.toBe(a.classes);
    // A table loaded again (other rows, columns or encoding) is measured again.
    expect(partKeys(input({ revision: '10000|shift_jis|' })).classes).not.toBe(a.classes);
  });
});
