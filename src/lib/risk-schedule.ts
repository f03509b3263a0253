import { isTokumeiError } from '../core/errors.ts';
import type { ClassAssessment, PeculiarResult, RiskDetails, RiskRequest, Timed } from '../../workers/engine/risk-api.ts';
import type { SudaSummary } from '../../workers/suda/api.ts';

/**
 * Where one part of the risk panel stands: `stale` = its input changed and a new answer is on
 * its way (the old value is still shown, marked), `running` = the engine is computing it.
 */
export type PartStatus = 'idle' | 'stale' | 'running' | 'done' | 'error';

export interface Part<T> {
  value: T | null;
  status: PartStatus;
  error: { key: string; params?: Record<string, string | number> } | null;
}

export type SudaPart = SudaSummary & { qis: string[] };

/** What the panel reads; the runes class implements it with $state.raw fields. */
export interface RiskView {
  classes: Part<Timed<ClassAssessment>>;
  details: Part<Timed<RiskDetails>>;
  peculiar: Part<Timed<PeculiarResult>>;
  suda: Part<SudaPart>;
  /** 0..1 while SUDA2 runs, null otherwise (or while the columns are still being read). */
  sudaProgress: number | null;
}

/** The engine and SUDA2 worker calls the schedule makes (fakes in tests). */
export interface RiskCalls {
  classes(input: RiskRequest): Promise<Timed<ClassAssessment>>;
  details(input: RiskRequest): Promise<Timed<RiskDetails>>;
  peculiar(input: RiskRequest): Promise<Timed<PeculiarResult>>;
  sudaColumns(input: RiskRequest): Promise<{ qis: string[]; columns: Int32Array[] }>;
  cancel(slot: 'live' | 'suda'): Promise<void>;
  suda(columns: Int32Array[], onProgress: (fraction: number) => void): Promise<SudaSummary>;
  cancelSuda(): void;
}

export const idlePart = <T>(): Part<T> => ({ value: null, status: 'idle', error: null });

function errorOf(e: unknown): Part<never>['error'] {
  if (isTokumeiError(e)) return { key: e.key, params: e.params };
  return { key: 'error.unknown', params: { detail: e instanceof Error ? e.message : String(e) } };
}

const cancelled = (e: unknown) => isTokumeiError(e) && e.key === 'engine.cancelled';

const LIVE = ['classes', 'details', 'peculiar'] as const;
type LivePart = (typeof LIVE)[number];
type Keys = Record<LivePart, string>;

/** What decides each part's answer: while it is unchanged the part is not asked again. */
export function partKeys(input: RiskRequest): Keys {
  const classes = JSON.stringify([input.table, input.revision ?? null, input.spec, input.qis ?? null, input.sensitive ?? null]);
  const population = input.populationTable ? [input.populationTable, input.populationRevision ?? null] : null;
  return {
    classes,
    details: JSON.stringify([classes, input.weight ?? null, input.threshold, population]),
    peculiar: JSON.stringify([classes, input.geography ?? null]),
  };
}

const NO_KEYS: Keys = { classes: '', details: '', peculiar: '' };

/**
 * When the risk panel asks the engine for what: recomputes after a pause (~250 ms) once the
 * input stops changing, asks only for the parts whose input changed, cancels work whose input
 * is outdated, and runs the parts in order of cost — classes (one scan) first, then the
 * detailed report, then peculiar values — so the headline figures come back first. SUDA2 runs
 * only on request. Pure TypeScript, so it is tested without a browser.
 */
export class RiskSchedule {
  private input: RiskRequest | null = null;
  private keys: Keys = NO_KEYS;
  private done: Keys & { suda: string } = { ...NO_KEYS, suda: '' };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  private busy = false;
  /** Runs interrupted although their input was current (e.g. by a SUDA2 cancel) are retried a few times. */
  private retries = 0;
  private sudaTicket = 0;

  constructor(
    private readonly calls: RiskCalls,
    private readonly view: RiskView,
    private readonly delayMs = 250,
  ) {}

  /** The panel's current input; null when the panel is gone (work stops, results stay). */
  set(input: RiskRequest | null): void {
    this.input = input;
    if (!input) {
      this.stop();
      this.keys = NO_KEYS;
      return;
    }
    const keys = partKeys(input);
    if (LIVE.every((p) => keys[p] === this.keys[p])) return;
    this.keys = keys;
    this.generation++;
    this.retries = 0;
    for (const p of LIVE) if (keys[p] !== this.done[p]) this.mark(p, 'stale');
    if (this.view.suda.value && keys.classes !== this.done.suda) this.view.suda = { ...this.view.suda, status: 'stale' };
    if (this.view.suda.status === 'running') this.cancelSuda();
    if (this.busy) void this.calls.cancel('live').catch(() => undefined);
    this.schedule();
  }

  /** Asks for every part again (after an engine restart, say), keeping the values shown meanwhile. */
  refresh(): void {
    this.done = { ...NO_KEYS, suda: this.done.suda };
    const input = this.input;
    this.keys = NO_KEYS;
    this.set(input);
  }

  private mark(p: LivePart, status: PartStatus): void {
    const part = this.view[p] as Part<unknown>;
    (this.view as unknown as Record<LivePart, Part<unknown>>)[p] = { ...part, status };
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), this.delayMs);
  }

  private async run(): Promise<void> {
    this.timer = null;
    const gen = this.generation;
    const input = this.input;
    if (!input) return;
    const keys = this.keys;
    this.busy = true;
    try {
      for (const p of LIVE) {
        if (keys[p] === this.done[p]) continue;
        const outcome = await this.step(p, gen, () => this.calls[p](input));
        if (outcome === 'retry' && this.retries++ < 3) {
          this.schedule();
          return;
        }
        if (outcome !== 'next') return;
        this.done[p] = keys[p];
      }
      this.retries = 0;
    } finally {
      if (gen === this.generation) this.busy = false;
    }
  }

  /**
   * One part. 'next': go on; 'stop': the input changed meanwhile (the newer run takes over) or
   * the class scan failed; 'retry': interrupted although the input is still current.
   */
  private async step(p: LivePart, gen: number, fetch: () => Promise<unknown>): Promise<'next' | 'stop' | 'retry'> {
    const set = (part: Part<unknown>) => ((this.view as unknown as Record<LivePart, Part<unknown>>)[p] = part);
    const prev = this.view[p] as Part<unknown>;
    set({ ...prev, status: 'running' });
    try {
      const value = await fetch();
      if (gen !== this.generation) return 'stop';
      set({ value, status: 'done', error: null });
      return 'next';
    } catch (e) {
      if (gen !== this.generation) return 'stop';
      if (cancelled(e)) {
        set({ ...prev, status: 'stale' });
        return 'retry';
      }
      set({ value: null, status: 'error', error: errorOf(e) });
      // A failed part does not stop the others: they may still have an answer (a hierarchy
      // problem breaks utility, not the class counts).
      return p === 'classes' ? 'stop' : 'next';
    }
  }

  /** SUDA2 on the released quasi-identifiers: the columns from the engine, the scores from the SUDA2 worker. */
  async runSuda(): Promise<void> {
    const input = this.input;
    if (!input) return;
    const key = this.keys.classes;
    const ticket = ++this.sudaTicket;
    const v = this.view;
    v.suda = { ...v.suda, status: 'running', error: null };
    v.sudaProgress = null;
    try {
      const { qis, columns } = await this.calls.sudaColumns(input);
      if (ticket !== this.sudaTicket || key !== this.keys.classes) return;
      v.sudaProgress = 0;
      const summary = await this.calls.suda(columns, (f) => {
        if (ticket === this.sudaTicket) v.sudaProgress = f;
      });
      if (ticket !== this.sudaTicket || key !== this.keys.classes) return;
      v.suda = { value: { ...summary, qis }, status: 'done', error: null };
      this.done.suda = key;
    } catch (e) {
      if (ticket !== this.sudaTicket) return;
      v.suda = cancelled(e) ? { ...v.suda, status: v.suda.value ? 'stale' : 'idle' } : { value: null, status: 'error', error: errorOf(e) };
    } finally {
      if (ticket === this.sudaTicket) v.sudaProgress = null;
    }
  }

  cancelSuda(): void {
    this.calls.cancelSuda();
    void this.calls.cancel('suda').catch(() => undefined);
  }

  /** Stops live work (the panel is gone); results stay. */
  stop(): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.busy) void this.calls.cancel('live').catch(() => undefined);
    this.busy = false;
  }
}
