import * as Comlink from 'comlink';
import type { SqlEngine, SqlRow } from '../../src/core/engine.ts';
import { isTokumeiError, TokumeiError } from '../../src/core/errors.ts';
import { assessRisk, type RiskAssessment } from '../../src/core/risk/assess.ts';
import { assessRiskCoded } from '../../src/core/risk/assess-coded.ts';
import {
  assessClasses,
  measuredSpecOf,
  releasedSudaColumns,
  type ClassAssessment,
  type MeasuredColumns,
} from '../../src/core/risk/assess-parts.ts';
import { codedPeculiarListing } from '../../src/core/risk/coded-peculiar.ts';
import { releasedPeculiarWithSources, type PeculiarListing } from '../../src/core/risk/peculiar-sources.ts';
import { SourceCodes } from '../../src/core/risk/source-codes.ts';
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
  /** A workspace table of the population, for journalist and marketer risk (riskDetails). */
  populationTable?: string | null;
  /** The same as `revision`, for the population table. */
  populationRevision?: string;
  /** Geography column for peculiar values that are rare within an area (riskPeculiar). */
  geography?: string | null;
}

/** The detailed report; `populationError` says why the chosen population table was left out. */
export type RiskDetails = RiskAssessment & { populationError?: { key: string; params?: Record<string, string | number> } };

/** Peculiar values with the source values each stands for (decisions are recorded against those). */
export type PeculiarResult = PeculiarListing;

/** Timed results: the panel shows how long the engine took. */
export type Timed<T> = T & { ms: number };

/**
 * Cells (records × columns) a class request dictionary-encodes by itself: a million records of
 * eight quasi-identifiers and a sensitive column take ~2 s once, and every later request then
 * counts from codes (~0.1 s). Scanning the release view instead costs 0.7 s on raw columns but
 * 5 s and more per request under a generalization with a text expression (a postal prefix), and
 * the detailed report encodes the columns anyway. Larger tables scan the view first and are
 * encoded once the live slot has been idle for WARM_AFTER_MS, or on riskPrepare.
 */
export const ENCODE_INLINE = 16_000_000;
const WARM_AFTER_MS = 400;
/** Larger tables are always measured on the view: their codes would hold too much of the tab's memory. */
const MAX_CODED_RECORDS = 4_000_000;

export interface RiskApiOptions {
  /** Cells a class request encodes by itself (ENCODE_INLINE). */
  encodeInline?: number;
  /** Idle time before owed columns are encoded (WARM_AFTER_MS). */
  warmAfterMs?: number;
}

/**
 * The risk panel's part of the engine worker, merged into engineApi. Only one live request
 * runs at a time: a new one (or riskCancel) stops the previous at its next query and
 * interrupts the query it is running, so a burst of spec edits never queues stale scans.
 * Temporary views are still dropped (DROP statements always pass).
 */
export function riskApi(engine: () => SqlEngine & { cancel(): Promise<void> }, opts: RiskApiOptions = {}) {
  const encodeInline = opts.encodeInline ?? ENCODE_INLINE;
  const warmAfterMs = opts.warmAfterMs ?? WARM_AFTER_MS;
  /** The live parts share one slot (a newer request replaces an older one); SUDA2's column load has its own. */
  type Slot = 'live' | 'suda';
  const running: Record<Slot, AbortController | null> = { live: null, suda: null };
  /** The measured table's dictionary codes, kept between requests: moving a level then touches only the dictionaries. */
  const codes = new SourceCodes(MAX_CODED_RECORDS);
  /** The class request whose columns are still to be encoded, and the timer that will do it. */
  let owed: RiskRequest | null = null;
  let warmTimer: ReturnType<typeof setTimeout> | null = null;
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
      if (slot === 'live') warmWhenIdle();
    }
  }

  /** Classes from codes, encoding what is missing (up to `limit` cells). */
  const classes = (e: SqlEngine, req: RiskRequest, limit = Infinity) => assessClasses(e, req.spec, { ...req, codes, encodeLimit: limit });

  /** (Re)starts the wait after which owed columns are encoded; any live request pushes it back. */
  function warmWhenIdle(): void {
    if (warmTimer !== null) clearTimeout(warmTimer);
    warmTimer = owed ? setTimeout(warm, warmAfterMs) : null;
  }

  async function warm(): Promise<void> {
    warmTimer = null;
    const req = owed;
    if (!req || running.live) return;
    try {
      await exclusive('live', async (e) => {
        const r = await classes(e, req);
        if (owed === req) owed = null;
        return r;
      });
    } catch (err) {
      // Stopped by a newer request (which holds the slot now; the query it interrupted may fail
      // with any error): tried again when the slot is idle. Failed: the next class request decides anew.
      const stopped = running.live !== null || (isTokumeiError(err) && err.key === 'engine.cancelled');
      if (!stopped && owed === req) owed = null;
    }
  }

  return {
    /** Classes, k, suppression and distinct/entropy l, counted from the table's dictionary codes (or one scan of the release view). */
    async riskClasses(req: RiskRequest): Promise<Timed<ClassAssessment>> {
      return exclusive('live', async (e) => {
        // A spec the codes cannot measure (a date shift, say) never asks for columns: nothing is owed then.
        codes.owed = null;
        const r = await classes(e, req, encodeInline);
        owed = codes.owed ? req : null;
        return r;
      });
    },

    /** riskClasses, encoding every column it needs now (what the idle warm-up does); `npm run bench` uses it. */
    async riskPrepare(req: RiskRequest): Promise<Timed<ClassAssessment>> {
      return exclusive('live', async (e) => {
        const r = await classes(e, req);
        owed = null;
        return r;
      });
    },

    /** Everything else assessRisk reports (utility, t-closeness, individual risk, recursive l); SUDA2 runs in its own worker. */
    async riskDetails(req: RiskRequest): Promise<Timed<RiskDetails>> {
      return exclusive('live', async (e) => {
        const spec = await measuredSpecOf(e, req.spec, req);
        const options = { table: req.table, sensitive: req.sensitive ?? undefined, weight: req.weight ?? undefined, threshold: req.threshold, suda: false };
        const assess = (populationTable?: string) => assessRisk(e, spec, { ...options, populationTable });
        if (!req.populationTable) {
          // From the codes (encoding what is missing: once per table, far cheaper than scanning the view), else from the view.
          return (await assessRiskCoded(e, spec, { ...options, codes })) ?? assess();
        }
        try {
          return await assess(req.populationTable);
        } catch (err) {
          // A population table that does not fit (columns, types, hierarchy coverage) should not blank the other cards.
          if (!isTokumeiError(err) || err.key === 'engine.cancelled') throw err;
          return { ...(await assess()), populationError: { key: err.key, params: err.params } };
        }
      });
    },

    async riskPeculiar(req: RiskRequest): Promise<Timed<PeculiarResult>> {
      return exclusive('live', async (e) => {
        const opts = { ...req, geography: req.geography ?? undefined };
        return (await codedPeculiarListing(e, req.spec, { ...opts, codes })) ?? releasedPeculiarWithSources(e, req.spec, opts);
      });
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
