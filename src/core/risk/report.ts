import type { SqlEngine } from '../engine.ts';
import type { Hierarchy } from '../hierarchy/types.ts';
import { ident } from '../sql/quote.ts';
import { aecs } from '../utility/aecs.ts';
import { valueCounts } from '../utility/counts.ts';
import { discernibility } from '../utility/discernibility.ts';
import { nonUniformEntropy, nonUniformEntropyWithSuppression } from '../utility/entropy.ts';
import { lossMetric } from '../utility/loss.ts';
import type { ColumnValueCounts, MultiDimensionalResult, UtilityColumn } from '../utility/types.ts';
import { classSummary, recordsBelowK } from './classes.ts';
import { classSizeHistogram } from './histogram.ts';
import { journalistRisk } from './journalist.ts';
import { marketerRisk } from './marketer.ts';
import { pairsFromHistogram, populationPairs } from './population-table.ts';
import { populationUniqueness } from './population/uniqueness.ts';
import { prosecutorRisk } from './prosecutor.ts';
import type { AttackerRisk, ClassSizeHistogram, MarketerRisk, PopulationUniqueness } from './types.ts';

export interface RiskReportInput {
  /** Relation with the original values of every record (entropy compares against it). */
  original: string;
  /** Relation with the released quasi-identifiers of every record, e.g. a view over generalizeSql. */
  generalized: string;
  /** Boolean column of `generalized` marking suppressed records. */
  suppressedColumn?: string;
  /** Quasi-identifiers in order. Without a hierarchy a column is its own one-level hierarchy. */
  columns: readonly { column: string; hierarchy?: Hierarchy; level: number }[];
  /** Risk threshold for "records at risk" (risk strictly above it). */
  threshold: number;
  /** Reports records in classes smaller than k. */
  k?: number;
  /** Population size for the population-uniqueness estimate (Dankar's rule). */
  population?: number;
  /** A population relation generalized like `generalized`, for journalist and marketer risk. */
  populationTable?: string;
  /**
   * The released class sizes when they are not GROUP BY classes: a cell-suppressed release is
   * measured with a blank matching any value (wildcard-classes.ts).
   */
  histogram?: ClassSizeHistogram;
}

export interface RiskReport {
  /** All records, released and suppressed. */
  records: number;
  releasedRecords: number;
  suppressedRecords: number;
  classes: number;
  minClassSize: number;
  averageClassSize: number;
  sampleUniques: number;
  recordsBelowK?: number;
  histogram: ClassSizeHistogram;
  prosecutor: AttackerRisk;
  journalist: AttackerRisk;
  marketer: MarketerRisk;
  populationUniques?: PopulationUniqueness;
  utility: {
    loss: MultiDimensionalResult;
    nonUniformEntropy: MultiDimensionalResult;
    nonUniformEntropyWithSuppression: MultiDimensionalResult;
    discernibility: number;
    discernibilityStar: number;
    aecs: number;
  };
}

/** Every ARX-compatible risk and utility figure of one release, from a handful of aggregate queries. */
export async function riskReport(engine: SqlEngine, input: RiskReportInput): Promise<RiskReport> {
  const qis = input.columns.map((c) => c.column);
  const sup = input.suppressedColumn;
  const released = input.histogram ?? (await classSizeHistogram(engine, input.generalized, qis, { suppressedColumn: sup }));
  const generalizedCounts = await valueCounts(engine, input.generalized, qis, sup);
  const suppressedRecords = await countSuppressed(engine, input.generalized, sup);
  const all = suppressedRecords > 0 ? await classSizeHistogram(engine, input.generalized, qis) : released;
  const originalCounts = await valueCounts(engine, input.original, qis);
  const pairs = input.populationTable
    ? await populationPairs(engine, input.generalized, input.populationTable, qis, { sampleSuppressedColumn: sup })
    : pairsFromHistogram(released);
  return riskReportFrom({ ...input, released, all, suppressedRecords, generalizedCounts, originalCounts, pairs });
}

/** What riskReport reads from the data; the risk dialog's coded path (assess-coded.ts) counts the same from dictionary codes. */
export interface RiskReportCounts extends Pick<RiskReportInput, 'columns' | 'threshold' | 'k' | 'population'> {
  /** Class sizes of the released records, and of all records (suppressed ones grouped by their labels). */
  released: ClassSizeHistogram;
  all: ClassSizeHistogram;
  suppressedRecords: number;
  /** Label counts per quasi-identifier, released and suppressed apart. */
  generalizedCounts: ColumnValueCounts;
  /** Counts of the original values per quasi-identifier, over all records. */
  originalCounts: ColumnValueCounts;
  /** Sample and population class sizes for journalist and marketer risk. */
  pairs: ReturnType<typeof pairsFromHistogram>;
}

/** The figures of riskReport from its counts: no engine, so both paths compute them alike. */
export function riskReportFrom(input: RiskReportCounts): RiskReport {
  const { released, all, suppressedRecords, generalizedCounts, originalCounts, pairs } = input;
  const columns: UtilityColumn[] = input.columns.map(({ column, hierarchy, level }) => ({
    column,
    level,
    hierarchy: hierarchy ?? identityHierarchy(originalCounts.get(column) ?? []),
  }));
  const summary = classSummary(released);
  const dm = discernibility(released, suppressedRecords, all);
  return {
    records: released.records + suppressedRecords,
    releasedRecords: released.records,
    suppressedRecords,
    classes: summary.classes,
    minClassSize: summary.minClassSize,
    averageClassSize: summary.averageClassSize,
    sampleUniques: summary.sampleUniques,
    ...(input.k !== undefined ? { recordsBelowK: recordsBelowK(released, input.k) } : {}),
    histogram: released,
    prosecutor: prosecutorRisk(released, input.threshold),
    journalist: journalistRisk(pairs, input.threshold),
    marketer: marketerRisk(pairs),
    ...(input.population !== undefined ? { populationUniques: populationUniqueness(released, input.population) } : {}),
    utility: {
      loss: lossMetric(columns, generalizedCounts),
      nonUniformEntropy: nonUniformEntropy(columns, originalCounts),
      nonUniformEntropyWithSuppression: nonUniformEntropyWithSuppression(columns, originalCounts, generalizedCounts),
      discernibility: dm.dm,
      discernibilityStar: dm.dmStar,
      aecs: aecs(released, suppressedRecords),
    },
  };
}

async function countSuppressed(engine: SqlEngine, relation: string, column?: string): Promise<number> {
  if (!column) return 0;
  const [row] = await engine.rows(
    `SELECT COUNT(*) FILTER (WHERE COALESCE(${ident(column)}, FALSE)) AS n FROM ${ident(relation)}`,
  );
  return Number(row.n);
}

/** A column without a hierarchy: its distinct values are the domain, level 0 only. */
function identityHierarchy(counts: readonly { value: string | null }[]): Hierarchy {
  return { levels: 1, rows: counts.filter((c) => c.value !== null).map((c) => [c.value as string]) };
}
