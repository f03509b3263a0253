import type { SqlEngine } from '../engine.ts';
import { ident } from '../sql/quote.ts';
import { localSuppression } from './local.ts';
import { cellSuppressionSql, cellsTableOf, loadKeyCombos } from './sql.ts';
import type { CellSuppressionResult, KeyCombos } from './types.ts';

/** The part of a spec's model the cell step reads. */
export interface CellModel {
  k: number;
  importance?: Readonly<Record<string, number>>;
}

/** What cell suppression did to a release, as `apply --json`, `risk --json` and the UI report it. */
export interface CellSuppressionReport {
  k: number;
  /** The quasi-identifiers it worked on, in the order it used them (code-unit order of the names). */
  columns: string[];
  /** The importance each of them had (1 where the spec gives none). */
  importance: Record<string, number>;
  /** Cells set to NULL. */
  suppressedCells: number;
  /** Cells set to NULL per quasi-identifier. */
  byColumn: Record<string, number>;
  /** Records with at least one cell set to NULL. */
  recordsTouched: number;
  /** Records that matched fewer than k records before. */
  recordsAtRiskBefore: number;
  /** Smallest sdcMicro frequency fk afterwards: k is reached when it is at least k. */
  minFrequency: number;
  /** Time the algorithm took (the SQL around it excluded). */
  ms: number;
}

export interface CellRelease {
  /** `relation` with the blanked cells set to NULL (a view; every other column as it was). */
  view: string;
  combos: KeyCombos;
  result: CellSuppressionResult;
  report: CellSuppressionReport;
  /** Drops the view and its table of blanked combinations. */
  dispose(): Promise<void>;
}

/**
 * Key order is part of the algorithm's tie-breaking, so the keys are put in one canonical order
 * (code units of the names): the CLI's apply (output column order), the risk measurement (table
 * order) and the browser then blank exactly the same cells.
 */
export function canonicalKeys(qis: readonly string[]): string[] {
  return [...new Set(qis)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The cell step of a release: local suppression (local.ts) on the released quasi-identifier
 * values of `relation`, and a view `into` with the chosen cells blanked. Deterministic: the
 * decision depends only on the multiset of key combinations, not on row order or host.
 */
export async function suppressCells(
  engine: SqlEngine,
  relation: string,
  qis: readonly string[],
  model: CellModel,
  into: string,
): Promise<CellRelease> {
  const keys = canonicalKeys(qis);
  const importance = Object.fromEntries(keys.map((k) => [k, model.importance?.[k] ?? 1]));
  const combos = await loadKeyCombos(engine, relation, keys);
  const result = localSuppression(combos, { k: model.k, importance });
  const cellsTable = cellsTableOf(into);
  const dispose = async () => {
    await engine.exec(`DROP VIEW IF EXISTS ${ident(into)}`);
    await engine.exec(`DROP TABLE IF EXISTS ${ident(cellsTable)}`);
  };
  try {
    for (const sql of cellSuppressionSql(relation, combos, result, into)) await engine.exec(sql);
  } catch (e) {
    await dispose().catch(() => undefined);
    throw e;
  }
  return { view: into, combos, result, report: cellReport(model.k, combos, result, importance), dispose };
}

export function cellReport(k: number, combos: KeyCombos, result: CellSuppressionResult, importance: Record<string, number>): CellSuppressionReport {
  let recordsTouched = 0;
  result.blanked.forEach((b, i) => {
    if (b !== 0) recordsTouched += combos.counts[i];
  });
  return {
    k,
    columns: [...combos.keys],
    importance,
    suppressedCells: result.suppressedCells,
    byColumn: { ...result.byKey },
    recordsTouched,
    recordsAtRiskBefore: result.recordsAtRiskBefore,
    minFrequency: result.minFrequency,
    ms: result.ms,
  };
}
