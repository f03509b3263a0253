import * as Comlink from 'comlink';
import type { SqlEngine, SqlRow } from '../../src/core/engine.ts';
import { TokumeiError } from '../../src/core/errors.ts';
import { assessRisk, type RiskAssessment } from '../../src/core/risk/assess.ts';
import {
  assessClasses,
  measuredSpecOf,
  releasedPeculiar,
  releasedSudaColumns,
  type ClassAssessment,
  type MeasuredColumns,
} from '../../src/core/risk/assess-parts.ts';
import type { PeculiarReport } from '../../src/core/risk/peculiar.ts';
import type { ReleaseSpec } from '../../src/core/spec/schema.ts';

export type { ClassAssessment } from '../../src/core/risk/assess-parts.ts';
export type { RiskAssessment } from '../../src/core/risk/assess.ts';

/** What the risk panel measures: a table, the spec being edited (if it is for this table) and the panel's own choices. */
export interface RiskRequest extends MeasuredColumns {
  table: string;
  spec: ReleaseSpec | null;
  /** Sampling weight column for sdcMicro's individual risk. */
  weight?: string | null;
  /** Risk threshold for "records at risk" (strictly above). */
  threshold: number;
  /** What the panel knows of the table's content (rows, columns, encoding): a reloaded table is measured again. */
  revision?: string;
}

export type PeculiarResult = PeculiarReport & { columns: string[] };

/** Timed results: the panel shows how long the engine took. */
export type Timed<T> = T & { ms: number };

/**
 * The risk panel's part of the engine worker, merged into engineApi. Only one live request
 * runs at a time: a new one (or riskCancel) stops the previous at its next query and
 * interrupts the query it is running, so a burst of spec edits never queues stale scans.
 * Temporary views are still dropped (DROP statements always pass).
 */
export function riskApi(engine: () => SqlEngine & { cancel(): Promise<void> }) {
  /** The live parts share one slot (a newer request replaces an older one); SUDA2's column load has its own. */
  type Slot = 'live' | 'suda';
  const running: Record<Slot, AbortController | null> = { live: null, suda: null };
  const inFlight: Record<Slot, number> = { live: 0, suda: 0 };

  /** A view of the engine that refuses new queries once `signal` fires (cleanup excepted). */
  const guarded = (signal: AbortSignal): SqlEngine => {
    const inner = engine();
    const check = (sql: string) => {
      if (signal.aborted && !/^\s*DROP\s/i.test(sql)) throw new TokumeiError('engine.cancelled');
    };
    return {
      exec: async (sql: string) => (check(sql), inner.exec(sql)),
      rows: async (sql: string): Promise<SqlRow[]> => (check(sql), inner.rows(sql)),
      registerFile: (name, bytes) => inner.registerFile(name, bytes),
      dropFile: (name) => inner.dropFile(name),
    };
  };

  /**
   * Stops a slot's job at its next query and interrupts the query running now. The engine
   * interrupts whatever runs on its one connection, so a job of the other slot may be hit
   * too; it then fails as cancelled and the client asks again.
   */
  async function stop(slot: Slot, next: AbortController | null = null): Promise<void> {
    const ctl = running[slot];
    running[slot] = next;
    if (!ctl) return;
    ctl.abort();
    if (inFlight[slot] > 0) await engine().cancel();
  }

  /** Runs one job as the only one of its slot; an earlier job of the slot is stopped first. */
  async function exclusive<T>(slot: Slot, job: (e: SqlEngine) => Promise<T>): Promise<Timed<T>> {
    // The slot is claimed before the first await, so two requests arriving together cannot both run.
    const ctl = new AbortController();
    await stop(slot, ctl);
    if (ctl.signal.aborted) throw new TokumeiError('engine.cancelled');
    inFlight[slot]++;
    const t0 = performance.now();
    try {
      const out = await job(guarded(ctl.signal));
      if (ctl.signal.aborted) throw new TokumeiError('engine.cancelled');
      return { ...out, ms: performance.now() - t0 };
    } finally {
      inFlight[slot]--;
      if (running[slot] === ctl) running[slot] = null;
    }
  }

  return {
    /** Classes, k, suppression and distinct/entropy l: one scan of the release view. */
    async riskClasses(req: RiskRequest): Promise<Timed<ClassAssessment>> {
      return exclusive('live', (e) => assessClasses(e, req.spec, req));
    },

    /** Everything else assessRisk reports (utility, t-closeness, individual risk, recursive l); SUDA2 runs in its own worker. */
    async riskDetails(req: RiskRequest): Promise<Timed<RiskAssessment>> {
      return exclusive('live', async (e) => {
        const spec = await measuredSpecOf(e, req.spec, req);
        return assessRisk(e, spec, {
          table: req.table,
          sensitive: req.sensitive ?? undefined,
          weight: req.weight ?? undefined,
          threshold: req.threshold,
          suda: false,
        });
      });
    },

    async riskPeculiar(req: RiskRequest & { geography?: string | null }): Promise<Timed<PeculiarResult>> {
      return exclusive('live', (e) => releasedPeculiar(e, req.spec, { ...req, geography: req.geography ?? undefined }));
    },

    /** The released quasi-identifiers as dictionary codes, transferred (not copied) for the SUDA2 worker. */
    async riskSudaColumns(req: RiskRequest): Promise<{ qis: string[]; columns: Int32Array[] }> {
      const out = await exclusive('suda', (e) => releasedSudaColumns(e, req.spec, req));
      return Comlink.transfer({ qis: out.qis, columns: out.columns }, out.columns.map((c) => c.buffer as ArrayBuffer));
    },

    /** Stops the running risk job of a slot, if any (the panel closed, its input changed, or the user cancelled SUDA2). */
    async riskCancel(slot: Slot = 'live'): Promise<void> {
      await stop(slot);
    },
  };
}

export type RiskApi = ReturnType<typeof riskApi>;
