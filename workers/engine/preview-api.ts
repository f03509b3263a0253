import { guardedEngine } from './guarded.ts';
import type { SqlEngine, SqlValue } from '../../src/core/engine.ts';
import { TokumeiError } from '../../src/core/errors.ts';
import {
  checkCohorts,
  countRemoved,
  distributions,
  lostCategories,
  openPreview,
  removedPage,
  REMOVAL_REASONS,
  type Cohort,
  type CohortResult,
  type ColumnCategories,
  type Distribution,
  type PreviewSession,
  type PreviewSummary,
  type RemovedFilter,
} from '../../src/core/preview/index.ts';
import type { ReleaseSpec } from '../../src/core/spec/schema.ts';

export type {
  Cohort,
  CohortCondition,
  CohortResult,
  ColumnCategories,
  CategoryChange,
  Distribution,
  PreviewSummary,
  RemovedFilter,
  RemovedGridColumn,
  RemovalReason,
} from '../../src/core/preview/index.ts';

/** What the suppression preview shows for a table and the spec being edited. */
export interface SuppressionRequest {
  table: string;
  spec: ReleaseSpec | null;
  /** What the view knows of the table's content (rows, columns): a reloaded table is previewed again. */
  revision?: string;
  /** Preview the other k step than the spec's (to compare record and cell suppression before choosing). */
  method?: 'records' | 'cells' | null;
  /** Columns for lost categories and distributions; null = the preview's defaults. */
  columns?: string[] | null;
  /** A category released with fewer records than this is listed as rare. */
  threshold: number;
  cohorts: Cohort[];
}

export interface SuppressionResult {
  /** Pages of the removed-records grid are asked for by this id; a newer preview replaces it. */
  id: number;
  summary: PreviewSummary;
  /** Removed records the grid holds before any filter. */
  removedRecords: number;
  categories: ColumnCategories[];
  distributions: Distribution[];
  cohorts: CohortResult[];
  /** Time to build the preview (0 when the spec and table were unchanged and only the analyses ran). */
  buildMs: number;
  ms: number;
}

/**
 * The suppression preview's part of the engine worker, merged into engineApi. One preview lives
 * at a time and is reused while the table and spec stay the same (a new threshold or cohort only
 * reruns the analyses). A newer request stops the running one at its next query and interrupts
 * the query it is running, as riskApi does, so a burst of spec edits never queues stale work.
 *
 * `exclusions` gives the exclusion list the user handed the worker (its IDs never leave it).
 */
export function previewApi(engine: () => SqlEngine & { cancel(): Promise<void> }, exclusions: () => readonly string[] | null = () => null) {
  let running: AbortController | null = null;
  let inFlight = 0;
  /** The live preview, and its parts already computed (by their input), so changing one cohort reruns only the cohorts. */
  let current: { id: number; key: string; session: PreviewSession; parts: Map<string, unknown> } | null = null;
  let nextId = 1;

  const guarded = (signal: AbortSignal): SqlEngine => guardedEngine(engine(), signal);

  async function stop(next: AbortController | null = null): Promise<void> {
    const ctl = running;
    running = next;
    if (!ctl) return;
    ctl.abort();
    if (inFlight > 0) await engine().cancel();
  }

  async function drop(): Promise<void> {
    const old = current;
    current = null;
    await old?.session.dispose();
  }

  const specOf = (req: SuppressionRequest): ReleaseSpec | null =>
    req.spec && req.method ? { ...req.spec, model: { ...req.spec.model, suppression: req.method } } : req.spec;

  const live = (id: number): PreviewSession => {
    if (!current || current.id !== id) throw new TokumeiError('uiPreview.error.stale');
    return current.session;
  };

  return {
    /** Builds the preview (or reuses it) and runs the analyses the view shows. */
    async previewRun(req: SuppressionRequest): Promise<SuppressionResult> {
      const ctl = new AbortController();
      await stop(ctl);
      if (ctl.signal.aborted) throw new TokumeiError('engine.cancelled');
      inFlight++;
      const t0 = performance.now();
      try {
        const e = guarded(ctl.signal);
        const spec = specOf(req);
        const ids = exclusions();
        const key = JSON.stringify([req.table, req.revision ?? null, spec, spec?.sources.exclusions ? ids : null]);
        let buildMs = 0;
        if (!current || current.key !== key) {
          await drop();
          const session = await openPreview(e, spec, { table: req.table, exclusions: spec?.sources.exclusions && ids ? ids : undefined });
          if (ctl.signal.aborted) {
            await session.dispose();
            throw new TokumeiError('engine.cancelled');
          }
          current = { id: nextId++, key, session, parts: new Map() };
          buildMs = performance.now() - t0;
        }
        const { id, session, parts } = current;
        const part = async <T>(name: string, input: unknown, run: () => Promise<T>): Promise<T> => {
          const k = `${name}:${JSON.stringify(input)}`;
          if (parts.has(k)) return parts.get(k) as T;
          const value = await run();
          for (const old of [...parts.keys()]) if (old.startsWith(`${name}:`)) parts.delete(old);
          parts.set(k, value);
          return value;
        };
        const columns = req.columns ?? session.summary.defaultColumns;
        const categoryColumns = req.columns ?? session.summary.defaultColumns.filter((c) => isCategorical(session, c));
        const result: SuppressionResult = {
          id,
          summary: session.summary,
          removedRecords: REMOVAL_REASONS.reduce((a, r) => a + session.summary.removed[r], 0),
          categories: await part('categories', [categoryColumns, req.threshold], () => lostCategories(e, session, { columns: categoryColumns, threshold: req.threshold })),
          distributions: await part('distributions', columns, () => distributions(e, session, { columns })),
          cohorts: await part('cohorts', req.cohorts, () => checkCohorts(e, session, req.cohorts)),
          buildMs,
          ms: 0,
        };
        if (ctl.signal.aborted) throw new TokumeiError('engine.cancelled');
        return { ...result, ms: performance.now() - t0 };
      } finally {
        inFlight--;
        if (running === ctl) running = null;
      }
    },

    /** Removed records matching the grid's filter. */
    async previewCount(id: number, filter: RemovedFilter): Promise<number> {
      return countRemoved(engine(), live(id), filter);
    },

    /** Rows [offset, offset + limit) of the filtered removed records, in `summary.gridColumns` order. */
    async previewPage(id: number, filter: RemovedFilter, offset: number, limit: number): Promise<SqlValue[][]> {
      return removedPage(engine(), live(id), filter, offset, limit);
    },

    /** Stops the running preview, if any (the view closed or its input changed). */
    async previewCancel(): Promise<void> {
      await stop();
    },

    /** Drops the preview's tables (they hold source values) when the view is gone for good. */
    async previewDispose(): Promise<void> {
      await stop();
      await drop();
    },
  };
}

/** Text-like columns: the ones whose categories mean something (dates and measurements have too many). */
function isCategorical(session: PreviewSession, column: string): boolean {
  const type = (session.sourceTypes.get(column) ?? '').toUpperCase();
  return type === 'VARCHAR' || type === 'BOOLEAN' || type.startsWith('ENUM');
}

export type PreviewApi = ReturnType<typeof previewApi>;
