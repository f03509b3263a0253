import type { SqlEngine } from '../../src/core/engine.ts';
import type { MeasuredColumns } from '../../src/core/risk/assess-parts.ts';
import type { ReleaseSpec } from '../../src/core/spec/schema.ts';
import { compareSuppressionForSpec, type SuppressionComparison } from '../../src/core/suppress/compare.ts';

export type { SuppressionComparison } from '../../src/core/suppress/compare.ts';

/** What the cell-suppression panel asks for: the table, the spec being edited, and the panel's own k and importance. */
export interface CellsRequest extends MeasuredColumns {
  table: string;
  spec: ReleaseSpec | null;
  k: number;
  /** Per quasi-identifier; unlisted = 1. */
  importance: Record<string, number>;
}

/** The comparison, and how long the whole call took in the worker (`cellSuppression.ms` is the algorithm alone). */
export type CellsResult = SuppressionComparison & { ms: number };

/**
 * The cell-suppression panel's part of the engine worker, merged into engineApi: cell
 * suppression for the spec's release at the panel's k and importance, beside record
 * suppression at the same k. Run on request (a button), not live, so it needs no cancelling.
 */
export function cellsApi(engine: () => SqlEngine, exclusions: () => readonly string[] | null = () => null) {
  return {
    async cellsCompare(req: CellsRequest): Promise<CellsResult> {
      const t0 = performance.now();
      const out = await compareSuppressionForSpec(engine(), req.spec, {
        table: req.table,
        qis: req.qis,
        sensitive: req.sensitive,
        k: req.k,
        importance: req.importance,
        // The session's exclusion list, when the spec records one (as the Transform preview applies it).
        exclusions: req.spec?.sources.exclusions ? (exclusions() ?? undefined) : undefined,
      });
      return { ...out, ms: performance.now() - t0 };
    },
  };
}

export type CellsApi = ReturnType<typeof cellsApi>;
