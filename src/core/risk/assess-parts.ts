import { applySpec, type AppliedSpec } from '../compile/apply.ts';
import type { SqlEngine } from '../engine.ts';
import type { PseudonymKey } from '../pseudonymize/key.ts';
import { ident } from '../sql/quote.ts';
import { emptySpec, findColumn } from '../spec/edit.ts';
import type { ColumnSpec, ReleaseSpec, Role } from '../spec/schema.ts';
import { classSummary, recordsBelowK } from './classes.ts';
import { scanClasses, scanDiversity, scanHistogram, type ClassDiversity } from './class-scan.ts';
import { journalistRisk } from './journalist.ts';
import { marketerRisk } from './marketer.ts';
import { planMeasurement, type MeasurePlan } from './measure-spec.ts';
import type { PeculiarOptions } from './peculiar.ts';
import { pairsFromHistogram } from './population-table.ts';
import { prosecutorRisk } from './prosecutor.ts';
import { decideRecordSuppression, type RecordSuppression } from './record-suppression.ts';
import { codedScan } from './coded-release.ts';
import type { SourceCodes } from './source-codes.ts';
import { loadSudaColumns } from './suda-load.ts';
import type { AttackerRisk, ClassSizeHistogram, MarketerRisk } from './types.ts';
import { wildcardHistogram } from './wildcard-classes.ts';
import { suppressCells, type CellRelease, type CellSuppressionReport } from '../suppress/release.ts';

/**
 * The parts of a risk assessment that the live risk panel asks for one by one (assess.ts has the
 * whole report in one call, as the command line prints it). Every part runs on the spec's release
 * view made by the same measurement plan (measure-spec.ts), so the figures agree with assessRisk.
 */

/** Which columns to measure, when they are not (only) the spec's roles. */
export interface MeasuredColumns {
  /** Quasi-identifiers chosen ad hoc; the spec's `quasi` columns when absent. */
  qis?: readonly string[];
  /** The sensitive attribute; the spec's single `sensitive` column when absent, none when null. */
  sensitive?: string | null;
}

export interface PartOptions extends MeasuredColumns {
  table: string;
  exclusions?: Iterable<string>;
  subjectColumn?: string;
  key?: PseudonymKey;
}

/**
 * The spec with the roles of `table`'s columns set to an ad hoc choice: the chosen columns become
 * quasi-identifiers (keeping their transforms), the chosen sensitive column becomes sensitive, and
 * any other quasi or sensitive column becomes `other`. A spec made for another table is not used.
 */
export function measuredSpec(spec: ReleaseSpec | null, table: string, names: readonly string[], choice: MeasuredColumns): ReleaseSpec {
  const forTable = spec && (spec.sources.tables.length === 0 || spec.sources.tables.some((t) => t.name === table));
  let out: ReleaseSpec = forTable ? spec : emptySpec(spec?.release.mode ?? 'anonymized');
  if (choice.qis === undefined && choice.sensitive === undefined) return out;
  const roleOf = (name: string, current: Role | undefined): Role | undefined => {
    if (choice.sensitive !== undefined && name === choice.sensitive) return 'sensitive';
    if (choice.qis?.includes(name)) return 'quasi';
    if (current === 'quasi' && choice.qis !== undefined) return 'other';
    if (current === 'sensitive' && choice.sensitive !== undefined) return 'other';
    return current;
  };
  for (const name of names) {
    const entry = findColumn(out, table, name);
    const role = roleOf(name, entry?.role);
    if (role === undefined || role === entry?.role) continue;
    const next: ColumnSpec = { ...(entry ?? { transforms: [] }), table, name, role };
    const i = out.columns.findIndex((c) => c.table === table && c.name === name);
    out = { ...out, columns: i < 0 ? [...out.columns, next] : out.columns.map((c, j) => (j === i ? next : c)) };
  }
  return out;
}

/** measuredSpec for the columns `opts.table` has in the engine. */
export async function measuredSpecOf(engine: SqlEngine, spec: ReleaseSpec | null, opts: PartOptions): Promise<ReleaseSpec> {
  const names = (await engine.rows(`DESCRIBE ${ident(opts.table)}`)).map((r) => String(r.column_name));
  return measuredSpec(spec, opts.table, names, opts);
}

let seq = 0;

/**
 * Runs `fn` on the release view of the measured columns, then drops the view and its tables.
 * A spec that reaches k by cell suppression is measured after its blanks (as assessRisk does),
 * and `fn` gets what the cell step did.
 */
/**
 * The table as the spec releases it, with the columns the panel measures (measuredSpecOf), as a
 * view named `${prefix}released`: what every live figure and the suppression comparison read.
 */
export async function applyMeasured(
  engine: SqlEngine,
  spec: ReleaseSpec | null,
  opts: PartOptions,
  prefix: string,
): Promise<{ plan: MeasurePlan; applied: AppliedSpec }> {
  const s = await measuredSpecOf(engine, spec, opts);
  const plan = await planMeasurement(engine, s, opts.table, { sensitive: opts.sensitive ?? undefined, key: opts.key });
  const applied = await applySpec(engine, plan.released, {
    table: opts.table,
    view: `${prefix}released`,
    prefix: `${prefix}r_`,
    exclusions: opts.exclusions === undefined ? undefined : [...opts.exclusions],
    subjectColumn: opts.subjectColumn,
    key: plan.key,
    unlisted: 'drop',
  });
  return { plan, applied };
}

async function withReleased<T>(
  engine: SqlEngine,
  spec: ReleaseSpec | null,
  opts: PartOptions,
  fn: (view: string, plan: MeasurePlan, applied: AppliedSpec, cells: CellRelease | null) => Promise<T>,
): Promise<T> {
  const prefix = `__tokumei_part_${++seq}_`;
  const { plan, applied } = await applyMeasured(engine, spec, opts, prefix);
  const { k, suppression, importance } = plan.released.model;
  let cells: CellRelease | null = null;
  try {
    if (k !== undefined && suppression === 'cells') cells = await suppressCells(engine, applied.view, plan.qis, { k, importance }, `${prefix}cells`);
    return await fn(cells?.view ?? applied.view, plan, applied, cells);
  } finally {
    await cells?.dispose().catch(() => undefined);
    await applied.dispose().catch(() => undefined);
  }
}

/** The class structure of a release: what every prosecutor, journalist and population figure is read from. */
export interface ClassAssessment {
  table: string;
  qis: string[];
  sensitive: string | null;
  /** Records after the exclusion list and record-level transforms, released and suppressed. */
  records: number;
  releasedRecords: number;
  suppressedRecords: number;
  /** Class sizes of the released records. */
  histogram: ClassSizeHistogram;
  /** The spec's k, and ARX's record-suppression decision for it; null without k or with cell suppression. */
  k: number | null;
  suppression: RecordSuppression | null;
  /** What cell suppression blanked when the spec reaches k that way; the histogram is then sdcMicro's (wildcard-classes.ts). */
  cells: CellSuppressionReport | null;
  /** Distinct and entropy l on the released classes (recursive l comes with assessRisk). */
  lDiversity: ClassDiversity | null;
  exclusions: { listed: number; records: number; subjects: number } | null;
  ephemeralKey: boolean;
}

export interface ClassOptions extends PartOptions {
  /**
   * Dictionary codes of the table kept between calls (the live risk panel holds one): classes
   * are then counted from codes and only the dictionaries see the spec's SQL (coded-release.ts).
   * Without it, or for a spec that cannot be measured that way, the release view is scanned.
   */
  codes?: SourceCodes;
  /**
   * How many cells (records × columns) the codes may encode within this call; beyond that the
   * view is scanned and the columns are owed (SourceCodes.owed). Everything by default.
   */
  encodeLimit?: number;
}

/**
 * Classes, k, prosecutor inputs and l-diversity in one scan of the release view (and a second
 * only when no class is pure on the sensitive attribute), or counted from `opts.codes` without
 * touching the records in SQL (coded-release.ts; same figures). Suppression needs no second scan:
 * ARX suppresses whole classes below k, so the released classes are the scanned ones of size ≥ k.
 */
export async function assessClasses(engine: SqlEngine, spec: ReleaseSpec | null, opts: ClassOptions): Promise<ClassAssessment> {
  return withReleased(engine, spec, opts, async (view, plan, applied, cells) => {
    const coded = opts.codes && !cells ? await codedScan(engine, opts.codes, applied.compiled, plan.qis, plan.sensitive, opts.encodeLimit) : null;
    const scan = coded?.scan ?? (await scanClasses(engine, view, plan.qis, plan.sensitive));
    const all = cells ? await wildcardHistogram(engine, view, plan.qis) : scanHistogram(scan);
    const k = plan.released.model.k;
    const suppression = k === undefined || cells ? null : decideRecordSuppression(all, k, plan.released.model.suppressionLimit);
    const minSize = suppression?.applied ? suppression.k : 1;
    const histogram = cells ? all : scanHistogram(scan, minSize);
    const lDiversity = coded ? coded.diversity(minSize) : await scanDiversity(engine, view, plan.qis, scan, minSize);
    const ex = applied.exclusions;
    return {
      table: opts.table,
      qis: plan.qis,
      sensitive: plan.sensitive,
      records: all.records,
      releasedRecords: histogram.records,
      suppressedRecords: all.records - histogram.records,
      histogram,
      k: k ?? null,
      suppression,
      cells: cells?.report ?? null,
      lDiversity,
      exclusions: ex ? { listed: ex.listed, records: ex.records, subjects: ex.subjects } : null,
      ephemeralKey: plan.ephemeralKey && plan.released.columns.some((c) => c.transforms.some((t) => t.kind === 'dateShift')),
    };
  });
}

/** What follows from the class sizes alone (ARX's sample-based figures); cheap enough to redo on every keystroke. */
export interface ClassFigures {
  classes: number;
  minClassSize: number;
  averageClassSize: number;
  sampleUniques: number;
  /** Records in classes smaller than k; null without k. */
  recordsBelowK: number | null;
  prosecutor: AttackerRisk;
  /** Without a population table ARX treats the data as the population: journalist = prosecutor. */
  journalist: AttackerRisk;
  marketer: MarketerRisk;
}

export function classFigures(h: ClassSizeHistogram, threshold: number, k?: number | null): ClassFigures {
  const s = classSummary(h);
  const pairs = pairsFromHistogram(h);
  return {
    classes: s.classes,
    minClassSize: s.minClassSize,
    averageClassSize: s.averageClassSize,
    sampleUniques: s.sampleUniques,
    recordsBelowK: k === undefined || k === null ? null : recordsBelowK(h, k),
    prosecutor: prosecutorRisk(h, threshold),
    journalist: journalistRisk(pairs, threshold),
    marketer: marketerRisk(pairs),
  };
}

export interface PeculiarPartOptions extends PartOptions, Pick<PeculiarOptions, 'minCount' | 'percentiles' | 'geography' | 'maxPerColumn'> {}

/** The released quasi-identifiers as SUDA2's dictionary codes (one Int32Array per column). */
export async function releasedSudaColumns(engine: SqlEngine, spec: ReleaseSpec | null, opts: PartOptions): Promise<{ qis: string[]; columns: Int32Array[] }> {
  return withReleased(engine, spec, opts, async (view, plan) => ({ qis: plan.qis, columns: await loadSudaColumns(engine, { relation: view, keys: plan.qis }) }));
}
