import * as Comlink from 'comlink';
import type { ClassAssessment, PeculiarResult, RiskDetails, Timed } from '../../workers/engine/risk-api.ts';
import type { SudaApi } from '../../workers/suda/api.ts';
import type { EngineClient } from './engine-client.svelte.ts';
import { idlePart, RiskSchedule, type Part, type RiskCalls, type RiskView, type SudaPart } from './risk-schedule.ts';

export type { ClassAssessment, PeculiarResult, RiskAssessment, RiskDetails, RiskRequest } from '../../workers/engine/risk-api.ts';
export type { SudaSummary } from '../../workers/suda/api.ts';
export type { Part, PartStatus } from './risk-schedule.ts';
export type { RiskRequest as RiskInput } from '../../workers/engine/risk-api.ts';

/** Heavy parts may take minutes on millions of records; the engine client cancels after this. */
const HEAVY_MS = 10 * 60_000;

/**
 * The risk panel's client (a runes class): results in $state.raw, the timing of the calls in
 * RiskSchedule (debounced recompute, stale work cancelled, cheapest part first). SUDA2 runs in
 * its own worker, started on first use.
 */
export class RiskClient implements RiskView {
  classes = $state.raw<Part<Timed<ClassAssessment>>>(idlePart());
  details = $state.raw<Part<Timed<RiskDetails>>>(idlePart());
  peculiar = $state.raw<Part<Timed<PeculiarResult>>>(idlePart());
  suda = $state.raw<Part<SudaPart>>(idlePart());
  sudaProgress = $state<number | null>(null);

  private readonly schedule: RiskSchedule;
  private sudaWorker: Worker | null = null;
  private sudaRemote: Comlink.Remote<SudaApi> | null = null;

  constructor(engine: Pick<EngineClient, 'call'>, delayMs = 250) {
    const calls: RiskCalls = {
      classes: (input) => engine.call((api) => api.riskClasses(input), HEAVY_MS),
      details: (input) => engine.call((api) => api.riskDetails(input), HEAVY_MS),
      peculiar: (input) => engine.call((api) => api.riskPeculiar(input), HEAVY_MS),
      sudaColumns: (input) => engine.call((api) => api.riskSudaColumns(input), HEAVY_MS),
      cancel: (slot) => engine.call((api) => api.riskCancel(slot)),
      suda: (columns, onProgress) =>
        this.sudaApi().run(
          Comlink.transfer(columns, columns.map((c) => c.buffer as ArrayBuffer)),
          Comlink.proxy(onProgress),
        ),
      cancelSuda: () => void this.sudaRemote?.cancel(),
    };
    this.schedule = new RiskSchedule(calls, this, delayMs);
  }

  set(input: Parameters<RiskSchedule['set']>[0]): void {
    this.schedule.set(input);
  }
  refresh(): void {
    this.schedule.refresh();
  }
  runSuda(): Promise<void> {
    return this.schedule.runSuda();
  }
  cancelSuda(): void {
    this.schedule.cancelSuda();
  }

  private sudaApi(): Comlink.Remote<SudaApi> {
    if (!this.sudaRemote) {
      this.sudaWorker = new Worker(new URL('../../workers/suda/index.ts', import.meta.url), { type: 'module', name: 'tokumei-suda' });
      this.sudaRemote = Comlink.wrap<SudaApi>(this.sudaWorker);
    }
    return this.sudaRemote;
  }

  /** The panel is gone for good: stop everything and end the SUDA2 worker. */
  dispose(): void {
    this.schedule.stop();
    this.sudaWorker?.terminate();
    this.sudaWorker = null;
    this.sudaRemote = null;
  }
}
