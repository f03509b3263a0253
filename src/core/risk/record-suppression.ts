import type { SqlEngine } from '../engine.ts';
import { ident, num } from '../sql/quote.ts';
import { suppressCells, type CellRelease } from '../suppress/release.ts';
import { recordsBelowK } from './classes.ts';
import { classSizeHistogram } from './histogram.ts';
import type { ClassSizeHistogram } from './types.ts';

/**
 * ARX's absolute suppression limit: ⌊limit · records⌋ records (ARXConfiguration.initialize,
 * `(int) Math.floor(relMaxOutliers * dataLength)`), so 4 % of 30,162 records is 1,206.
 */
export function suppressionBudget(limit: number, records: number): number {
  return Math.floor(limit * records);
}

/**
 * What happens to the records of classes smaller than k under a suppression limit, as ARX
 * decides it (HashGroupify: the transformation satisfies k-anonymity when the records in
 * classes below k number at most the budget, compared with <=). It is all or nothing: either
 * every class below k is suppressed, or, when they do not fit, none is and k is not met.
 * ARX never suppresses part of them.
 *
 * `overLimit: 'all'` is ARX's "suppression always enabled" output option (on by default in
 * ARX's GUI), which suppresses the classes below k even when they exceed the limit; the
 * transformation is still reported as not k-anonymous. Tokumei's default is 'none', as the
 * command line's contract (DESIGN.md) states: suppress only if they fit.
 */
export interface RecordSuppression {
  k: number;
  /** The limit as a fraction of all records (0–1). */
  limit: number;
  /** ⌊limit · records⌋. */
  budget: number;
  /** Records in classes smaller than k, before suppression. */
  needed: number;
  /** Whether the classes below k are suppressed. */
  applied: boolean;
  /** k-anonymity holds after suppression (needed ≤ budget). */
  kAnonymous: boolean;
}

export function decideRecordSuppression(
  h: ClassSizeHistogram,
  k: number,
  limit: number,
  opts: { overLimit?: 'none' | 'all' } = {},
): RecordSuppression {
  const needed = recordsBelowK(h, k);
  const budget = suppressionBudget(limit, h.records);
  const kAnonymous = needed <= budget;
  const applied = needed > 0 && (kAnonymous || opts.overLimit === 'all');
  return { k, limit, budget, needed, applied, kAnonymous };
}

/**
 * The relation with one more BOOLEAN column, `column`, true for the records the decision
 * suppresses: those whose class (equal values on every quasi-identifier, NULL equal to NULL,
 * as GROUP BY) has fewer than k records. Nothing is marked when the decision does not apply.
 */
export function markSuppressedSql(relation: string, qis: readonly string[], decision: RecordSuppression, column: string): string {
  const flag =
    decision.applied && qis.length > 0
      ? `(count(*) OVER (PARTITION BY ${qis.map(ident).join(', ')}) < ${num(decision.k)})`
      : 'FALSE';
  return `SELECT *, ${flag} AS ${ident(column)} FROM ${ident(relation)}`;
}

const FLAG = '__tokumei_suppressed';

/** What the k step reads from a spec's model (ReleaseSpec['model'] fits). */
export interface KStepModel {
  k?: number;
  suppressionLimit: number;
  /** 'cells' blanks cells instead of removing records; absent = 'records'. */
  suppression?: 'records' | 'cells';
  importance?: Readonly<Record<string, number>>;
}

export interface ReleasedRecords {
  /** The records a release writes (no ORDER BY; the caller adds its own). */
  sql: string;
  /** The record-suppression decision; null without k, or when the model blanks cells instead. */
  suppression: RecordSuppression | null;
  /** The cell step, when the model asks for cell suppression and has a k. */
  cells: CellRelease | null;
  /** Drops what the cell step created (nothing for record suppression). */
  dispose(): Promise<void>;
}

/**
 * The k step of a release, in one place for every host (`tokumei apply`, the browser's preview):
 * the records a release writes, as `columns` of `relation`.
 *
 * Record suppression (the default): without the classes below the model's k when ARX's rule
 * suppresses them (decideRecordSuppression). Suppressed records are removed, not blanked: a
 * release contains no trace of them.
 *
 * Cell suppression (`model.suppression === 'cells'`): every record stays, and the cells local
 * suppression picks among the quasi-identifiers are NULL (suppress/release.ts), so that every
 * record matches at least k records when a NULL matches any value. This creates a view and a
 * table named after `relation`; `dispose` drops them.
 *
 * Without k (or without quasi-identifiers) every record stays as it is.
 */
export async function releasedRecordsSql(
  engine: SqlEngine,
  relation: string,
  columns: readonly string[],
  qis: readonly string[],
  model: KStepModel,
): Promise<ReleasedRecords> {
  const select = columns.map(ident).join(', ');
  const nothing = async () => undefined;
  const plain = (suppression: RecordSuppression | null): ReleasedRecords => ({ sql: `SELECT ${select} FROM ${ident(relation)}`, suppression, cells: null, dispose: nothing });
  if (model.k === undefined || qis.length === 0) return plain(null);
  if (model.suppression === 'cells') {
    const cells = await suppressCells(engine, relation, qis, { k: model.k, importance: model.importance }, `${relation}__k_cells`);
    return { sql: `SELECT ${select} FROM ${ident(cells.view)}`, suppression: null, cells, dispose: cells.dispose };
  }
  const suppression = decideRecordSuppression(await classSizeHistogram(engine, relation, qis), model.k, model.suppressionLimit);
  if (!suppression.applied) return plain(suppression);
  return {
    sql: `SELECT ${select} FROM (${markSuppressedSql(relation, qis, suppression, FLAG)}) AS ${ident('m')} WHERE NOT ${ident(FLAG)}`,
    suppression,
    cells: null,
    dispose: nothing,
  };
}
