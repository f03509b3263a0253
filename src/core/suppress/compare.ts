import type { SqlEngine } from '../engine.ts';
import { applyMeasured, type PartOptions } from '../risk/assess-parts.ts';
import { classSizeHistogram } from '../risk/histogram.ts';
import { decideRecordSuppression, markSuppressedSql } from '../risk/record-suppression.ts';
import { ident } from '../sql/quote.ts';
import type { ReleaseSpec } from '../spec/schema.ts';
import { suppressCells, type CellSuppressionReport } from './release.ts';

/** The two ways of reaching the same k, side by side, on the same released records. */
export interface SuppressionComparison {
  k: number;
  /** The quasi-identifiers, in table order. */
  qis: string[];
  /** Records before the k step (after the exclusion list and record-level transforms). */
  records: number;
  /** Distinct values per quasi-identifier before the k step. */
  categories: Record<string, number>;
  cellSuppression: CellSuppressionReport & {
    /** Values of a quasi-identifier that no released record keeps any more. */
    categoriesLost: Record<string, number>;
    categoriesLostTotal: number;
  };
  recordSuppression: {
    /** Records in classes below k (NULL as a value, as ARX): what record suppression removes to reach k. */
    removed: number;
    /** Their quasi-identifier cells, to set beside the cells blanked. */
    cellsRemoved: number;
    /** The spec's suppression limit, ⌊limit · records⌋, and whether the removal fits it (ARX then reaches k). */
    limit: number;
    budget: number;
    withinLimit: boolean;
    categoriesLost: Record<string, number>;
    categoriesLostTotal: number;
  };
}

export interface CompareOptions {
  k: number;
  importance?: Readonly<Record<string, number>>;
  /** For "within the limit"; the spec's when absent. */
  suppressionLimit?: number;
}

const FLAG = '__tokumei_cmp_removed';

/** Distinct non-null values per column of a FROM clause, in one scan. */
async function distinctValues(engine: SqlEngine, from: string, qis: readonly string[]): Promise<Record<string, number>> {
  const [row] = await engine.rows(`SELECT ${qis.map((q, i) => `count(DISTINCT ${ident(q)}) AS ${ident(`c${i}`)}`).join(', ')} FROM ${from}`);
  return Object.fromEntries(qis.map((q, i) => [q, Number(row[`c${i}`])]));
}

function lost(before: Record<string, number>, after: Record<string, number>): { categoriesLost: Record<string, number>; categoriesLostTotal: number } {
  const categoriesLost = Object.fromEntries(Object.keys(before).map((q) => [q, before[q] - after[q]]));
  return { categoriesLost, categoriesLostTotal: Object.values(categoriesLost).reduce((s, n) => s + n, 0) };
}

/**
 * Cell suppression and record suppression for one k on `relation` (the released records): what
 * each costs in records, cells and categories (values that vanish from the release). Record
 * suppression is counted as ARX decides it, also when it does not fit the limit (then ARX would
 * not reach k), so the two can always be compared.
 */
export async function compareSuppression(
  engine: SqlEngine,
  relation: string,
  qis: readonly string[],
  opts: CompareOptions & { suppressionLimit: number },
  prefix: string,
): Promise<SuppressionComparison> {
  const rel = ident(relation);
  const categories = await distinctValues(engine, rel, qis);
  const cells = await suppressCells(engine, relation, qis, opts, `${prefix}cells`);
  try {
    const afterCells = await distinctValues(engine, ident(cells.view), qis);
    const histogram = await classSizeHistogram(engine, relation, qis);
    const decision = decideRecordSuppression(histogram, opts.k, opts.suppressionLimit, { overLimit: 'all' });
    const kept = `(${markSuppressedSql(relation, qis, decision, FLAG)}) AS ${ident('m')} WHERE NOT ${ident(FLAG)}`;
    const afterRecords = await distinctValues(engine, kept, qis);
    const removed = decision.applied ? decision.needed : 0;
    return {
      k: opts.k,
      qis: [...qis],
      records: histogram.records,
      categories,
      cellSuppression: { ...cells.report, ...lost(categories, afterCells) },
      recordSuppression: {
        removed,
        cellsRemoved: removed * qis.length,
        limit: decision.limit,
        budget: decision.budget,
        withinLimit: decision.kAnonymous,
        ...lost(categories, afterRecords),
      },
    };
  } finally {
    await cells.dispose().catch(() => undefined);
  }
}

let seq = 0;

/**
 * compareSuppression on a table as a spec releases it, with the columns the risk panel measures
 * (measuredSpecOf): the spec's transforms, exclusions and record-level steps, but not its own k step.
 */
export async function compareSuppressionForSpec(
  engine: SqlEngine,
  spec: ReleaseSpec | null,
  opts: PartOptions & CompareOptions,
): Promise<SuppressionComparison> {
  const prefix = `__tokumei_cmp_${++seq}_`;
  const { plan, applied } = await applyMeasured(engine, spec, opts, prefix);
  try {
    return await compareSuppression(
      engine,
      applied.view,
      plan.qis,
      { k: opts.k, importance: opts.importance, suppressionLimit: opts.suppressionLimit ?? plan.released.model.suppressionLimit },
      prefix,
    );
  } finally {
    await applied.dispose().catch(() => undefined);
  }
}
