/** Cell (local) suppression to k-anonymity with sdcMicro's missing-value semantics. */
export { wildcardFrequencies } from './frequency.ts';
export { codeCombos } from './coded.ts';
export { localSuppression } from './local.ts';
export { applyCellSuppression, cellSuppressionSql, cellsTableOf, loadKeyCombos } from './sql.ts';
export { canonicalKeys, cellReport, suppressCells, type CellModel, type CellRelease, type CellSuppressionReport } from './release.ts';
export type * from './types.ts';
