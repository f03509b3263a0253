import { applySpec, type AppliedSpec } from '../compile/apply.ts';
import { materializeHierarchy } from '../compile/materialize.ts';
import type { SqlEngine } from '../engine.ts';
import { isTokumeiError } from '../errors.ts';
import type { Hierarchy } from '../hierarchy/types.ts';
import type { PseudonymKey } from '../pseudonymize/key.ts';
import { ident } from '../sql/quote.ts';
import type { HierarchySpec, ReleaseSpec } from '../spec/schema.ts';
import { recordsBelowK } from './classes.ts';
import { classSizeHistogram } from './histogram.ts';
import { measureLDiversity, type LDiversityResult } from './ldiversity.ts';
import { plainGeneralization, planMeasurement } from './measure-spec.ts';
import { decideRecordSuppression, markSuppressedSql, type RecordSuppression } from './record-suppression.ts';
import { riskReport, type RiskReport } from './report.ts';
import { measureSdcRisk, type SdcRiskSummary } from './sdc-indiv-risk.ts';
import { generalizePopulation, type PopulationView } from './population-release.ts';
import { suda2, SUDA_MAX_VARIABLES } from './suda.ts';
import { loadSudaColumns } from './suda-load.ts';
import { measureTCloseness, type TClosenessResult } from './tcloseness.ts';
import { wildcardHistogram } from './wildcard-classes.ts';
import { suppressCells, type CellRelease, type CellSuppressionReport } from '../suppress/release.ts';

export interface AssessOptions {
  /** The source table in the engine. */
  table: string;
  /** Sensitive attribute for l-diversity and t-closeness. Default: the spec's sensitive column, if it has exactly one. */
  sensitive?: string;
  /** Sampling weight column for sdcMicro's individual risk (kept for the measurement even if the spec drops it). */
  weight?: string;
  /** Risk threshold: records whose risk is strictly above it are "at risk". Default 0.2. */
  threshold?: number;
  /** Population size for the population-uniqueness estimate. */
  population?: number;
  /**
   * A table of the population the data was drawn from (same quasi-identifier columns): it is
   * generalized as the spec generalizes the data, and journalist and marketer risk come from
   * the population class sizes (ARX's population-table model) instead of the sample's.
   */
  populationTable?: string;
  /** Subject IDs of the exclusion list, as applySpec takes them. */
  exclusions?: Iterable<string>;
  /** Overrides the spec's subject column. */
  subjectColumn?: string;
  /**
   * Needed only when a measured column is pseudonymized or date-shifted. Without it a throwaway
   * key is used: pseudonyms do not change the classes, but date shifts do (see ephemeralKey).
   */
  key?: PseudonymKey;
  /** Compute SUDA2 (in JavaScript; on large data the slowest figure). Default true. */
  suda?: boolean;
  /** Records below k are also reported for these k (sdcMicro prints 2, 3 and 5). */
  ks?: readonly number[];
  /** Prefix of the temporary tables and views, all dropped again. */
  prefix?: string;
}

export interface QuasiIdentifierLevel {
  column: string;
  /** Generalization level (0 when the column is released as it is or by other transforms). */
  level: number;
  /** Name of the spec hierarchy, when the column's only transform is a generalization. */
  hierarchy: string | null;
}

/** Risk and utility of one release as the command line's `risk --json` reports it (DESIGN.md). */
export interface RiskAssessment {
  /** Records after the exclusion list and record-level transforms, released and suppressed. */
  records: number;
  releasedRecords: number;
  suppressedRecords: number;
  classes: number;
  minClassSize: number;
  averageClassSize: number;
  sampleUniques: number;
  k: number | null;
  /** Records in released classes smaller than k (after suppression); null without k. */
  recordsBelowK: number | null;
  /** The same for several k, keyed by k, among the released records. */
  kAnonymityViolations: Record<string, number>;
  /** The ARX record-suppression decision for the spec's k and suppression limit; null without k or with cell suppression. */
  suppression: RecordSuppression | null;
  /** Cells set to NULL by cell suppression (0 with record suppression), in total and per quasi-identifier. */
  suppressedCells: number;
  suppressedCellsByColumn: Record<string, number>;
  /**
   * The spec's cell suppression (model.suppression 'cells' with a k); null otherwise. When set,
   * every class figure is measured with a blank matching any value (wildcard-classes.ts).
   */
  cellSuppression: CellSuppressionReport | null;
  quasiIdentifiers: QuasiIdentifierLevel[];
  threshold: number;
  prosecutor: AttackerFigures;
  journalist: AttackerFigures;
  marketer: { averageRisk: number };
  populationUniques: { model: string; fraction: number; population: number; uniques: number; samplingFraction: number } | null;
  lDiversity: {
    attribute: string;
    distinct: number | null;
    entropy: number | null;
    recursive: number | null;
    c: number | null;
    /** Whether the spec's l target holds on the released records (absent without one). */
    satisfied?: boolean;
  } | null;
  tCloseness: { attribute: string; equalDistance: number | null; orderedDistance: number | null; satisfied?: boolean } | null;
  individualRisk: {
    max: number;
    mean: number;
    expectedReidentifications: number;
    /** Records whose individual risk is strictly above the threshold. */
    recordsAbove: number;
    higherThanMainPart: number;
    weight: string | null;
  } | null;
  suda: { maxScore: number; uniques: number; recordsWithMsu: number } | null;
  utility: {
    loss: number;
    /** ARX's default entropy model (non-monotonic: suppressed records lose their labels too). */
    nonUniformEntropy: number;
    discernibility: number;
    aecs: number;
    lossByColumn: Record<string, number>;
  };
  exclusions: { listed: number; records: number; subjects: number } | null;
  /** The population table journalist and marketer risk were read from, and its records; null without one. */
  populationTable: { table: string; records: number } | null;
  /** A date-shifted column was measured with a throwaway key: its classes may differ with the real key. */
  ephemeralKey: boolean;
}

export interface AttackerFigures {
  highestRisk: number;
  averageRisk: number;
  /** Fraction of records whose risk is strictly above the threshold. */
  recordsAtRisk: number;
}

const DEFAULT_THRESHOLD = 0.2;
const SUPPRESSED = '__tokumei_suppressed';
let seq = 0;

/**
 * Runs the risk model on a table under a spec, as `tokumei risk` and the browser both need it:
 * applies the spec (only the columns that matter for the measurement), takes the spec's k step
 * as the release takes it — suppresses the records of classes below k when they fit the
 * suppression limit (ARX's rule, record-suppression.ts), or blanks cells (model.suppression
 * 'cells', suppress/release.ts) — and computes every ARX and sdcMicro figure on what remains.
 * After cell suppression the class figures count a blank as matching any value, the reading
 * cell suppression reaches k under (wildcard-classes.ts explains why); NULLs otherwise stay
 * values of their own, as in ARX. Quasi-identifiers are the spec's
 * `quasi` columns; a column whose only transform is `generalize` is measured against its hierarchy
 * at that level, any other as a one-level hierarchy of its released values.
 */
export async function assessRisk(engine: SqlEngine, spec: ReleaseSpec, opts: AssessOptions): Promise<RiskAssessment> {
  const table = opts.table;
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const plan = await planMeasurement(engine, spec, table, opts);
  const { qis, sensitive, key } = plan;

  const prefix = opts.prefix ?? `__tokumei_assess_${++seq}_`;
  const marked = `${prefix}marked`;
  const kept = `${prefix}kept`;
  const applied: AppliedSpec[] = [];
  let cells: CellRelease | null = null;
  let populationView: PopulationView | null = null;
  const common = { table, exclusions: opts.exclusions === undefined ? undefined : [...opts.exclusions], key, subjectColumn: opts.subjectColumn, unlisted: 'drop' as const };
  try {
    const rel = await applySpec(engine, plan.released, { ...common, view: `${prefix}released`, prefix: `${prefix}r_` });
    applied.push(rel);
    const orig = await applySpec(engine, plan.original, { ...common, view: `${prefix}original`, prefix: `${prefix}o_` });
    applied.push(orig);

    const k = spec.model.k;
    // The k step as the release takes it (releasedRecordsSql): blank cells, or remove the classes below k.
    cells = k !== undefined && spec.model.suppression === 'cells' ? await suppressCells(engine, rel.view, qis, { k, importance: spec.model.importance }, `${prefix}cells`) : null;
    let suppression: RecordSuppression | null = null;
    if (k !== undefined && !cells) {
      suppression = decideRecordSuppression(await classSizeHistogram(engine, rel.view, qis), k, spec.model.suppressionLimit);
    }
    const none = { k: 1, limit: 0, budget: 0, needed: 0, applied: false, kAnonymous: true };
    await engine.exec(`CREATE OR REPLACE TEMP TABLE ${ident(marked)} AS ${markSuppressedSql(cells?.view ?? rel.view, qis, suppression ?? none, SUPPRESSED)}`);
    await engine.exec(`CREATE OR REPLACE VIEW ${ident(kept)} AS SELECT * FROM ${ident(marked)} WHERE NOT ${ident(SUPPRESSED)}`);

    const { levels, columns } = await measuredLevels(engine, spec, table, qis);

    if (opts.populationTable !== undefined) {
      populationView = await generalizePopulation(engine, plan.released, { sample: table, population: opts.populationTable, qis, prefix, key });
    }
    const report = await riskReport(engine, {
      original: orig.view,
      generalized: marked,
      suppressedColumn: SUPPRESSED,
      columns,
      threshold,
      ...(k !== undefined ? { k } : {}),
      ...(opts.population !== undefined ? { population: opts.population } : {}),
      ...(populationView ? { populationTable: populationView.view } : {}),
      ...(cells ? { histogram: await wildcardHistogram(engine, cells.view, qis) } : {}),
    });
    const lRaw = sensitive !== null ? await measureLDiversity(engine, { relation: kept, qis, sensitive, recursiveC: spec.model.l?.c }) : null;
    // ARX's reference distribution is the whole input, suppressed records included.
    const tRaw = sensitive !== null ? await measureTCloseness(engine, { relation: kept, qis, sensitive, globalRelation: marked }) : null;
    return assessmentFrom({
      spec,
      report,
      suppression,
      cells: cells?.report ?? null,
      levels,
      threshold,
      ks: opts.ks,
      lDiversity: lRaw,
      tCloseness: tRaw,
      individualRisk: await individualRisk(engine, kept, qis, opts.weight, threshold),
      suda: opts.suda === false || qis.length > SUDA_MAX_VARIABLES ? null : await sudaFigures(engine, kept, qis),
      exclusions: rel.exclusions,
      populationTable: populationView && opts.populationTable !== undefined ? { table: opts.populationTable, records: populationView.records } : null,
      ephemeralKey: plan.ephemeralKey && plan.released.columns.some((c) => c.transforms.some((t) => t.kind === 'dateShift')),
    });
  } finally {
    await engine.exec(`DROP VIEW IF EXISTS ${ident(kept)}`).catch(() => undefined);
    await engine.exec(`DROP TABLE IF EXISTS ${ident(marked)}`).catch(() => undefined);
    await cells?.dispose().catch(() => undefined);
    await populationView?.dispose().catch(() => undefined);
    for (const a of applied.reverse()) await a.dispose().catch(() => undefined);
  }
}

/**
 * Each quasi-identifier's level and the hierarchy it is measured against: its own when its only
 * transform is a generalization, none (its released values as one level) otherwise.
 */
export async function measuredLevels(
  engine: SqlEngine,
  spec: ReleaseSpec,
  table: string,
  qis: readonly string[],
  materialize: (column: string, h: HierarchySpec) => Promise<Hierarchy> = (column, h) => materializeHierarchy(engine, table, column, h),
): Promise<{ levels: QuasiIdentifierLevel[]; columns: { column: string; hierarchy?: Hierarchy; level: number }[] }> {
  const levels: QuasiIdentifierLevel[] = [];
  const columns: { column: string; hierarchy?: Hierarchy; level: number }[] = [];
  for (const column of qis) {
    const g = plainGeneralization(spec, table, column);
    columns.push(g ? { column, level: g.level, hierarchy: await materialize(column, g.hierarchy) } : { column, level: 0 });
    levels.push({ column, level: g?.level ?? 0, hierarchy: g?.hierarchy.name ?? null });
  }
  return { levels, columns };
}

/** What assessRisk measured, before it is put in the shape of RiskAssessment (the coded path measures the same parts). */
export interface AssessmentParts {
  spec: ReleaseSpec;
  report: RiskReport;
  suppression: RecordSuppression | null;
  cells: CellSuppressionReport | null;
  levels: QuasiIdentifierLevel[];
  threshold: number;
  ks?: readonly number[];
  lDiversity: LDiversityResult | null;
  tCloseness: TClosenessResult | null;
  individualRisk: RiskAssessment['individualRisk'];
  suda: RiskAssessment['suda'];
  exclusions: { listed: number; records: number; subjects: number } | null | undefined;
  populationTable: RiskAssessment['populationTable'];
  ephemeralKey: boolean;
}

/** The report from its measured parts, with the spec's l and t targets checked. */
export function assessmentFrom(p: AssessmentParts): RiskAssessment {
  const { report, spec } = p;
  const k = spec.model.k;
  const ks = [...new Set([...(p.ks ?? [2, 3, 5]), ...(k !== undefined ? [k] : [])])].sort((a, b) => a - b);
  const attacker = (a: { highestRisk: number; averageRisk: number; recordsAtRisk: number }): AttackerFigures => ({
    highestRisk: a.highestRisk,
    averageRisk: a.averageRisk,
    recordsAtRisk: a.recordsAtRisk,
  });
  const pu = report.populationUniques;
  return {
    records: report.records,
    releasedRecords: report.releasedRecords,
    suppressedRecords: report.suppressedRecords,
    classes: report.classes,
    minClassSize: report.minClassSize,
    averageClassSize: report.averageClassSize,
    sampleUniques: report.sampleUniques,
    k: k ?? null,
    recordsBelowK: report.recordsBelowK ?? null,
    kAnonymityViolations: Object.fromEntries(ks.map((x) => [String(x), recordsBelowK(report.histogram, x)])),
    suppression: p.suppression,
    suppressedCells: p.cells?.suppressedCells ?? 0,
    suppressedCellsByColumn: p.cells?.byColumn ?? {},
    cellSuppression: p.cells,
    quasiIdentifiers: p.levels,
    threshold: p.threshold,
    prosecutor: attacker(report.prosecutor),
    journalist: attacker(report.journalist),
    marketer: { averageRisk: report.marketer.averageRisk },
    populationUniques: pu ? { model: pu.model, fraction: pu.fraction, population: pu.population, uniques: pu.uniques, samplingFraction: pu.samplingFraction } : null,
    lDiversity: p.lDiversity && lDiversityFigure(spec, p.lDiversity),
    tCloseness: p.tCloseness && tClosenessFigure(spec, p.tCloseness),
    individualRisk: p.individualRisk,
    suda: p.suda,
    utility: {
      loss: report.utility.loss.value,
      nonUniformEntropy: report.utility.nonUniformEntropyWithSuppression.value,
      discernibility: report.utility.discernibility,
      aecs: report.utility.aecs,
      lossByColumn: Object.fromEntries(report.utility.loss.columns.map((c) => [c.column, c.value])),
    },
    exclusions: p.exclusions ? { listed: p.exclusions.listed, records: p.exclusions.records, subjects: p.exclusions.subjects } : null,
    populationTable: p.populationTable,
    ephemeralKey: p.ephemeralKey,
  };
}

function lDiversityFigure(spec: ReleaseSpec, r: LDiversityResult): NonNullable<RiskAssessment['lDiversity']> {
  const target = spec.model.l;
  const out: NonNullable<RiskAssessment['lDiversity']> = {
    attribute: r.attribute,
    distinct: r.distinct,
    entropy: r.entropy,
    recursive: r.recursive?.l ?? null,
    c: r.recursive?.c ?? null,
  };
  if (target) {
    const achieved = target.variant === 'distinct' ? r.distinct : target.variant === 'entropy' ? r.entropy : (r.recursive?.l ?? null);
    out.satisfied = achieved !== null && achieved >= target.value;
  }
  return out;
}

function tClosenessFigure(spec: ReleaseSpec, r: TClosenessResult): NonNullable<RiskAssessment['tCloseness']> {
  const out: NonNullable<RiskAssessment['tCloseness']> = { attribute: r.attribute, equalDistance: r.equalDistance, orderedDistance: r.orderedDistance };
  const target = spec.model.t;
  if (target) {
    const d = target.variant === 'equal' ? r.equalDistance : r.orderedDistance;
    out.satisfied = d !== null && d <= target.value;
  }
  return out;
}

/** sdcMicro's individual risk in the report's shape; null without records. */
export function individualRiskFigure(r: SdcRiskSummary, weight: string | undefined): RiskAssessment['individualRisk'] {
  if (!r.individualRisk) return null;
  const i = r.individualRisk;
  return {
    max: i.max,
    mean: i.mean,
    expectedReidentifications: i.expectedReidentifications,
    recordsAbove: i.recordsAbove,
    higherThanMainPart: i.higherThanMainPart,
    weight: weight ?? null,
  };
}

async function individualRisk(engine: SqlEngine, relation: string, qis: string[], weight: string | undefined, threshold: number) {
  try {
    return individualRiskFigure(await measureSdcRisk(engine, { relation, keys: qis, weight, threshold, ks: [] }), weight);
  } catch (e) {
    // More keys than the frequency masks hold: the figure is left out rather than the whole report.
    if (isTokumeiError(e) && e.key === 'riskSdc.error.tooManyKeys') return null;
    throw e;
  }
}

async function sudaFigures(engine: SqlEngine, relation: string, qis: string[]) {
  const columns = await loadSudaColumns(engine, { relation, keys: qis });
  if (columns[0].length === 0) return { maxScore: 0, uniques: 0, recordsWithMsu: 0 };
  const r = await suda2(columns);
  return { maxScore: r.maxScore, uniques: r.sampleUniques, recordsWithMsu: r.recordsWithMsu };
}
