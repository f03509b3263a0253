import { TokumeiError } from '../errors.ts';
import type { RiskAssessment } from '../risk/assess.ts';
import type { ReleaseMode } from '../spec/schema.ts';
import { canonicalJsonBytes } from './canonical-json.ts';
import { isIsoInstant, type AppliedOverride, type FactExclusion, type FactSource, type PackageFacts, type PeculiarAction } from './facts.ts';

export const CREATION_RECORD_FORMAT = 'tokumei-creation-record';
export const CREATION_RECORD_VERSION = 1;

/**
 * 作成記録 (creation record): how the package was made, enough for an auditor to check it
 * against the source extract and the spec. Data file hashes are in MANIFEST (the record is
 * itself listed there); this record carries the inputs' hashes. No data values: peculiar
 * decisions appear by column, action, reason and count.
 */
export interface CreationRecord {
  format: typeof CREATION_RECORD_FORMAT;
  version: typeof CREATION_RECORD_VERSION;
  createdAt: string;
  operator: string;
  approver: string | null;
  mode: ReleaseMode;
  title: string | null;
  versions: { tokumei: string; duckdb: string };
  spec: { sha256: string };
  sources: FactSource[];
  exclusion: FactExclusion | null;
  data: PackageFacts['data'] & { columnsDropped: number };
  seed: string;
  model: {
    k: number | null;
    l: { value: number; variant: string; c: number | null } | null;
    t: { value: number; variant: string } | null;
    maxRisk: number | null;
    suppressionLimit: number;
    suppression: 'records' | 'cells';
    importance: Record<string, number> | null;
  };
  metrics: CreationMetrics;
  listedCells: { column: string; cells: number }[];
  peculiar: { table: string | null; column: string; action: PeculiarAction; reason: string; records: number | null }[];
  overrides: AppliedOverride[];
}

export type CreationMetrics = Omit<CreationMetricsBase, 'cellSuppression'> & {
  /** The cell-suppression report without its running time (which differs run to run). */
  cellSuppression: Omit<NonNullable<RiskAssessment['cellSuppression']>, 'ms'> | null;
};

type CreationMetricsBase = Pick<
  RiskAssessment,
  | 'records'
  | 'releasedRecords'
  | 'suppressedRecords'
  | 'classes'
  | 'minClassSize'
  | 'averageClassSize'
  | 'sampleUniques'
  | 'k'
  | 'recordsBelowK'
  | 'kAnonymityViolations'
  | 'suppression'
  | 'suppressedCells'
  | 'suppressedCellsByColumn'
  | 'cellSuppression'
  | 'quasiIdentifiers'
  | 'threshold'
  | 'prosecutor'
  | 'journalist'
  | 'marketer'
  | 'populationUniques'
  | 'lDiversity'
  | 'tCloseness'
  | 'individualRisk'
  | 'suda'
  | 'utility'
  | 'populationTable'
  | 'ephemeralKey'
>;

export function creationRecord(facts: PackageFacts): CreationRecord {
  if (!isIsoInstant(facts.createdAt)) throw new TokumeiError('release.error.createdAt', { value: facts.createdAt });
  const r = facts.risk;
  const m = facts.spec.model;
  return {
    format: CREATION_RECORD_FORMAT,
    version: CREATION_RECORD_VERSION,
    createdAt: facts.createdAt,
    operator: facts.operator,
    approver: facts.approver,
    mode: facts.spec.release.mode,
    title: facts.spec.title ?? null,
    versions: { tokumei: facts.versions.tokumei, duckdb: facts.versions.duckdb },
    spec: { sha256: facts.specSha256 },
    sources: facts.sources.map((s) => ({ name: s.name, sha256: s.sha256, rows: s.rows, columns: s.columns })),
    exclusion: facts.exclusion
      ? { sha256: facts.exclusion.sha256, count: facts.exclusion.count, recordsRemoved: facts.exclusion.recordsRemoved, subjects: facts.exclusion.subjects }
      : null,
    data: { ...facts.data, columnsDropped: Math.max(0, facts.data.columnsBefore - facts.data.columnsAfter) },
    seed: facts.seed,
    model: {
      k: m.k ?? null,
      l: m.l ? { value: m.l.value, variant: m.l.variant, c: m.l.c ?? null } : null,
      t: m.t ? { value: m.t.value, variant: m.t.variant } : null,
      maxRisk: m.maxRisk ?? null,
      suppressionLimit: m.suppressionLimit,
      suppression: m.suppression ?? 'records',
      importance: m.importance ? { ...m.importance } : null,
    },
    metrics: {
      records: r.records,
      releasedRecords: r.releasedRecords,
      suppressedRecords: r.suppressedRecords,
      classes: r.classes,
      minClassSize: r.minClassSize,
      averageClassSize: r.averageClassSize,
      sampleUniques: r.sampleUniques,
      k: r.k,
      recordsBelowK: r.recordsBelowK,
      kAnonymityViolations: r.kAnonymityViolations,
      suppression: r.suppression,
      suppressedCells: r.suppressedCells,
      suppressedCellsByColumn: r.suppressedCellsByColumn,
      cellSuppression: r.cellSuppression ? withoutTime(r.cellSuppression) : null,
      quasiIdentifiers: r.quasiIdentifiers,
      threshold: r.threshold,
      prosecutor: r.prosecutor,
      journalist: r.journalist,
      marketer: r.marketer,
      populationUniques: r.populationUniques,
      lDiversity: r.lDiversity,
      tCloseness: r.tCloseness,
      individualRisk: r.individualRisk,
      suda: r.suda,
      utility: r.utility,
      populationTable: r.populationTable,
      ephemeralKey: r.ephemeralKey,
    },
    listedCells: facts.listedCells.map((s) => ({ column: s.column, cells: s.cells })),
    // Never the value: a suppressed value must not reach the package, and a kept one is in the data already.
    peculiar: facts.peculiar.map((p) => ({ table: p.table ?? null, column: p.column, action: p.action, reason: p.reason, records: p.records })),
    overrides: facts.overrides.map((o) => ({ id: o.id, kind: o.kind, key: o.key, params: { ...o.params }, reason: o.reason })),
  };
}

function withoutTime(c: NonNullable<RiskAssessment['cellSuppression']>): NonNullable<CreationMetrics['cellSuppression']> {
  const { ms: _ms, ...rest } = c;
  return rest;
}

/** records/creation-record.json: canonical JSON, UTF-8, LF, final newline. */
export function creationRecordBytes(facts: PackageFacts): Uint8Array {
  return canonicalJsonBytes(creationRecord(facts));
}
