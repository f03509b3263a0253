import { z } from 'zod';
import type { OutputColumn } from '../compile/types.ts';
import type { RiskAssessment } from '../risk/assess.ts';
import { maxLevel } from '../spec/check.ts';
import { sha256Hex } from '../spec/digest.ts';
import { findColumn } from '../spec/edit.ts';
import { issueMessage } from '../spec/issue-message.ts';
import { fromZodIssues, type SpecIssue } from '../spec/issues.ts';
import { isoDate, type HierarchySpec, type ReleaseSpec, type Role, type Transform } from '../spec/schema.ts';
import type { ReleasedColumn } from './types.ts';

/**
 * Everything the package documents (dictionary, creation record, provision record, report) are
 * made from. Core never measures or reads the clock here: the assembler (engine worker or
 * `tokumei release`) gathers these facts once, and every document is a pure function of them,
 * so the same facts give the same bytes in every host.
 *
 * Safety by construction: nothing in PackageFacts is meant to hold a source value that is not
 * released. The spec does hold listed values (suppressCell/suppressRecord, peculiar decisions);
 * the documents never print them (see report-html.ts for the rule and its tests).
 */
export interface PackageFacts {
  /** The spec as applied (parsed, defaults filled). */
  spec: ReleaseSpec;
  /** SHA-256 (lowercase hex) of spec.json exactly as written in the package (specSha256()). */
  specSha256: string;
  /** Released columns in the data file's order. Dropped columns are absent. */
  columns: FactColumn[];
  /** The input extracts. */
  sources: FactSource[];
  /** What the exclusion list (提供停止・削除の求め) removed: digests and counts only, never IDs. */
  exclusion: FactExclusion | null;
  data: {
    /** Source records before anything (all tables). */
    rowsBefore: number;
    /** Records in the released data file. */
    rowsAfter: number;
    /** Source columns (all tables). */
    columnsBefore: number;
    /** Columns in the released data file. */
    columnsAfter: number;
  };
  /**
   * Cells blanked because their value was listed (suppressCell transforms, peculiar decisions), per
   * column; columns with none may be left out. Cells blanked by the k step are in risk.suppressedCellsByColumn.
   */
  listedCells: { column: string; cells: number }[];
  /** The risk and utility of the released data (assessRisk with the release's spec). */
  risk: RiskAssessment;
  /** Class-size histogram of the released records: [class size, number of classes], ascending. */
  classSizes: [size: number, classes: number][];
  /** Value counts of released quasi-identifiers, AFTER every transform and suppression. */
  distributions: FactDistribution[];
  /** The spec's peculiar-value decisions with their effect (peculiarOutcomes()). */
  peculiar: PeculiarOutcome[];
  /** Gates overridden for this release, each with the operator's reason (applyOverrides().applied). */
  overrides: AppliedOverride[];
  /** Seed of the row shuffle of the data file. */
  seed: string;
  operator: string;
  approver: string | null;
  /** Creation time, ISO 8601 UTC (2025-04-01T09:30:00.000Z). Given, never read from a clock in core. */
  createdAt: string;
  versions: { tokumei: string; duckdb: string };
}

export interface FactColumn extends ReleasedColumn {
  /** The source table, when the spec has several. */
  table?: string;
  role: Role;
  /** The column's transform chain as the spec writes it. */
  transforms: Transform[];
  /** The spec entry's note (a human description of the column). */
  note?: string;
}

export interface FactSource {
  name: string;
  /** SHA-256 of the input file's bytes. */
  sha256: string;
  rows: number;
  columns: number;
}

export interface FactExclusion {
  sha256: string;
  /** IDs on the list. */
  count: number;
  /** Source records removed. */
  recordsRemoved: number;
  /** Distinct listed subjects found in the data (a number, never the IDs). */
  subjects: number;
}

export interface FactDistribution {
  column: string;
  /** Released values (VARCHAR form; null = missing) and their record counts. */
  values: { value: string | null; count: number }[];
}

export type PeculiarAction = 'keep' | 'suppressCell' | 'suppressRecord';

/** A peculiar decision as documents see it: the value is carried only for `keep`. */
export interface PeculiarOutcome {
  table?: string;
  column: string;
  action: PeculiarAction;
  reason: string;
  /** Records affected (kept with the value, blanked, or removed); null when not counted. */
  records: number | null;
  /** keep only: the source value, printed only when it is released unchanged (safety.ts). */
  value?: string | number;
}

/** One overridden gate, as the creation record keeps it. */
export interface AppliedOverride {
  id: string;
  kind: string;
  /** The gate's message key and parameters (rendered in the report's language). */
  key: string;
  params: Record<string, string | number>;
  reason: string;
}

/**
 * The released columns' facts from what applySpec reports: the compiled output columns, their
 * DuckDB types (DESCRIBE of the release view or of the final relation) and the spec entries.
 */
export function releasedColumnFacts(
  spec: ReleaseSpec,
  table: string,
  outputColumns: readonly OutputColumn[],
  types: Readonly<Record<string, string>>,
): FactColumn[] {
  return outputColumns.map((c) => {
    const entry = findColumn(spec, table, c.source);
    const out: FactColumn = { name: c.name, type: types[c.name] ?? 'VARCHAR', role: c.role, transforms: entry ? [...entry.transforms] : [] };
    if (spec.sources.tables.length > 1) out.table = table;
    if (entry?.note) out.note = entry.note;
    return out;
  });
}

/**
 * The spec's peculiar decisions as outcomes. The value is kept only for `keep` (and even then
 * printed only when safe); `records` come from the assembler's counts, in decision order.
 */
export function peculiarOutcomes(spec: ReleaseSpec, records: readonly (number | null)[] = []): PeculiarOutcome[] {
  return spec.peculiar.decisions.map((d, i) => {
    const o: PeculiarOutcome = { column: d.column, action: d.action, reason: d.reason, records: records[i] ?? null };
    if (d.table !== undefined) o.table = d.table;
    if (d.action === 'keep') o.value = d.value;
    return o;
  });
}

/** The generalization of a column: its hierarchy and level (first generalize step), or null. */
export function columnHierarchy(
  spec: ReleaseSpec,
  transforms: readonly Transform[],
): { name: string; kind: HierarchySpec['kind']; level: number; maxLevel: number } | null {
  const g = transforms.find((t): t is Extract<Transform, { kind: 'generalize' }> => t.kind === 'generalize');
  if (!g) return null;
  const h = spec.hierarchies.find((x) => x.name === g.hierarchy);
  if (!h) return null;
  return { name: h.name, kind: h.kind, level: g.level, maxLevel: maxLevel(h) };
}

export const RECIPIENT_TYPES = ['certifiedUser', 'other'] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

const text = () =>
  z
    .string()
    .min(1, { error: issueMessage('spec.issue.nonEmpty') })
    .regex(/\S/, { error: issueMessage('spec.issue.nonEmpty') });

/**
 * The provision (提供) of one package: who receives it, why, how, and until when. recipientType
 * `certifiedUser` = 認定利用事業者 (required for 仮名加工医療情報).
 */
export const ProvisionSchema = z.strictObject({
  recipient: text(),
  recipientType: z.enum(RECIPIENT_TYPES),
  requestId: text(),
  reviewId: text().optional(),
  purpose: text(),
  /** Items (項目) provided; the released column names when absent. */
  items: z.array(text()).min(1, { error: issueMessage('spec.issue.minItems', { min: 1 }) }).optional(),
  deliveryMethod: text(),
  /** Retention terms as agreed (e.g. 「研究終了まで、最長 3 年」). */
  retention: text(),
  /** The recipient deletes the data by this date (YYYY-MM-DD). */
  deletionDeadline: isoDate(),
});

export type ProvisionInput = z.input<typeof ProvisionSchema>;
export type Provision = z.output<typeof ProvisionSchema>;

export type ProvisionValidation = { ok: true; provision: Provision } | { ok: false; issues: SpecIssue[] };

/** Checks a provision; each issue names its path (`provision.deletionDeadline: …`) in JA and EN. */
export function validateProvision(input: unknown): ProvisionValidation {
  const r = ProvisionSchema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, provision: r.data };
  return { ok: false, issues: fromZodIssues(r.error.issues.map((i) => ({ ...i, path: ['provision', ...i.path] }))) };
}

/** The items of a provision: as given, or the released column names. */
export function provisionItems(provision: Provision, columns: readonly FactColumn[]): string[] {
  return provision.items ? [...provision.items] : columns.map((c) => c.name);
}

/** SHA-256 of spec.json's bytes as the package stores them. */
export function specSha256(specJsonBytes: Uint8Array): Promise<string> {
  return sha256Hex(specJsonBytes);
}

const ISO_UTC = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?Z$/;

/** createdAt must be an ISO UTC instant so every host writes and compares it alike. */
export function isIsoInstant(s: string): boolean {
  return ISO_UTC.test(s) && !Number.isNaN(Date.parse(s));
}
