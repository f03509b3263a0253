import { z } from 'zod';
import { issueMessage } from './issue-message.ts';

/**
 * ReleaseSpec v1: the single source of truth for a release (DESIGN.md "the release spec").
 * Objects are strict (a misspelt key is an error, not silently ignored), and the parsed
 * output lists keys in the order written here, which is what makes serialisation stable.
 * Custom error texts are message keys (see issue-message.ts), so every problem can be
 * shown in Japanese and English with the JSON path of the offending value. Defaults are
 * functions, so no two parsed specs share a default array or object.
 */
export const SPEC_VERSION = 1;

const nonEmpty = () => z.string().min(1, { error: issueMessage('spec.issue.nonEmpty') });
const intAtLeast = (min: number) =>
  z
    .int({ error: issueMessage('spec.issue.intAtLeast', { min }) })
    .min(min, { error: issueMessage('spec.issue.intAtLeast', { min }) });
const intBetween = (min: number, max: number) =>
  intAtLeast(min).max(max, { error: issueMessage('spec.issue.intBetween', { min, max }) });
const fraction = () =>
  z
    .number()
    .min(0, { error: issueMessage('spec.issue.between', { min: 0, max: 1 }) })
    .max(1, { error: issueMessage('spec.issue.between', { min: 0, max: 1 }) });
const positive = () => z.number().gt(0, { error: issueMessage('spec.issue.positive') });
const sha256 = () => z.string().regex(/^[0-9a-f]{64}$/, { error: issueMessage('spec.issue.sha256') });
/** A calendar date written as YYYY-MM-DD (the only date form a spec uses). */
export const isoDate = () =>
  z
    .string()
    .regex(/^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, { error: issueMessage('spec.issue.isoDate') })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: issueMessage('spec.issue.isoDate'),
    });

export const ROLES = ['identifier', 'quasi', 'sensitive', 'other'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** A value listed for suppression: numbers match numeric columns by value, text matches the value's text form. */
const listedValue = z.union([z.string(), z.number()], { error: issueMessage('spec.issue.stringOrNumber') });
const codeBound = z.union([z.number(), isoDate()], { error: issueMessage('spec.issue.numberOrDate') });

export const TransformSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('drop') }),
  z.strictObject({
    kind: z.literal('pseudonymize'),
    /** Values pseudonymized under the same domain get the same pseudonym (e.g. 患者ID in every table). */
    domain: z.string().optional(),
    /** Hex characters kept from the HMAC (default 16 = 64 bits). */
    length: intBetween(8, 64).optional(),
  }),
  z.strictObject({ kind: z.literal('generalize'), hierarchy: nonEmpty(), level: intAtLeast(0) }),
  z.strictObject({ kind: z.literal('topCode'), at: codeBound, label: z.string().optional() }),
  z.strictObject({ kind: z.literal('bottomCode'), at: codeBound, label: z.string().optional() }),
  z.strictObject({ kind: z.literal('round'), to: positive() }),
  z.strictObject({ kind: z.literal('dateShift'), maxDays: intBetween(1, 3650) }),
  z.strictObject({
    kind: z.literal('suppressCell'),
    values: z.array(listedValue).min(1, { error: issueMessage('spec.issue.minItems', { min: 1 }) }),
    reason: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('suppressRecord'),
    values: z.array(listedValue).min(1, { error: issueMessage('spec.issue.minItems', { min: 1 }) }),
    reason: z.string().optional(),
  }),
]);
export type Transform = z.infer<typeof TransformSchema>;
export type TransformKind = Transform['kind'];

export const ColumnSpecSchema = z.strictObject({
  /** The table the entry is for; absent = every source table that has a column of this name. */
  table: nonEmpty().optional(),
  name: nonEmpty(),
  role: RoleSchema,
  transforms: z.array(TransformSchema).default(() => []),
  /** Free text (notes, reports): blocked from release unless dropped or `cleared`. */
  freeText: z.boolean().optional(),
  /** A reviewer checked the free text and allowed it. */
  cleared: z.boolean().optional(),
  note: z.string().optional(),
});
export type ColumnSpec = z.infer<typeof ColumnSpecSchema>;

const codeLabel = z.strictObject({ at: z.number(), label: z.string().optional() });
const band = z.strictObject({ width: positive() });

export const DATE_UNITS = ['day', 'month', 'quarter', 'half', 'year', 'decade'] as const;

export const HierarchySpecSchema = z.discriminatedUnion('kind', [
  /** Numeric bands [lo, lo + width) per level, with optional top/bottom coding. */
  z.strictObject({
    name: nonEmpty(),
    kind: z.literal('interval'),
    levels: z.array(band).min(1, { error: issueMessage('spec.issue.minItems', { min: 1 }) }),
    origin: z.number().optional(),
    top: codeLabel.optional(),
    bottom: codeLabel.optional(),
  }),
  /** Birth date → age in completed years at `referenceDate`, then age bands per level. */
  z.strictObject({
    name: nonEmpty(),
    kind: z.literal('age'),
    referenceDate: isoDate(),
    levels: z.array(band).min(1, { error: issueMessage('spec.issue.minItems', { min: 1 }) }),
    top: codeLabel.optional(),
    bottom: codeLabel.optional(),
  }),
  /** Calendar coarsening, e.g. day → month → quarter → year. */
  z.strictObject({
    name: nonEmpty(),
    kind: z.literal('date'),
    levels: z.array(z.enum(DATE_UNITS)).min(1, { error: issueMessage('spec.issue.minItems', { min: 1 }) }),
  }),
  /** Leading characters kept per level (postal codes, ICD-10 codes). */
  z.strictObject({
    name: nonEmpty(),
    kind: z.literal('prefix'),
    levels: z
      .array(z.strictObject({ keep: intAtLeast(0) }))
      .min(1, { error: issueMessage('spec.issue.minItems', { min: 1 }) }),
    /** Drop everything but ASCII letters and digits first (full-width digits are converted): 〒100-0001 → 1000001. */
    alnumOnly: z.boolean().optional(),
    /** Pad the kept prefix back to the value's length with this character (100****). */
    mask: z.string().length(1, { error: issueMessage('spec.issue.oneChar') }).optional(),
  }),
  /** An explicit table in ARX's hierarchy CSV shape: rows[r][0] the value, rows[r][i] its level-i label. */
  z.strictObject({
    name: nonEmpty(),
    kind: z.literal('table'),
    rows: z.array(z.array(z.string())).min(1, { error: issueMessage('spec.issue.minItems', { min: 1 }) }),
  }),
]);
export type HierarchySpec = z.infer<typeof HierarchySpecSchema>;
export type HierarchyKind = HierarchySpec['kind'];
export type DateUnit = (typeof DATE_UNITS)[number];

export const SourceTableSchema = z.strictObject({
  name: nonEmpty(),
  /** SHA-256 of the input file's bytes, so a release can prove which extract it came from. */
  sha256: sha256().optional(),
  rows: intAtLeast(0).optional(),
  /** The column holding the subject (patient) ID: exclusions and date shifts are keyed on it. */
  subjectColumn: nonEmpty().optional(),
});

export const SourcesSchema = z.strictObject({
  tables: z.array(SourceTableSchema).default(() => []),
  /**
   * The exclusion list (提供停止・削除の求め) by digest only: the IDs themselves never enter
   * the spec; they are supplied when the spec is applied and must hash to `sha256`.
   */
  exclusions: z.strictObject({ sha256: sha256(), count: intAtLeast(0) }).optional(),
});

/** How the k step reaches k: remove records (ARX) or blank cells (sdcMicro's local suppression). */
export const SUPPRESSION_METHODS = ['records', 'cells'] as const;
export type SuppressionMethod = (typeof SUPPRESSION_METHODS)[number];

export const ModelSchema = z.strictObject({
  /** k-anonymity target. No k is fixed by law: any value here is the producer's choice. */
  k: intAtLeast(1).optional(),
  l: z
    .strictObject({
      value: z.number().min(1, { error: issueMessage('spec.issue.atLeast', { min: 1 }) }),
      variant: z.enum(['distinct', 'entropy', 'recursive']),
      c: positive().optional(),
    })
    .optional(),
  t: z
    .strictObject({
      value: z
        .number()
        .gt(0, { error: issueMessage('spec.issue.fractionOpen') })
        .max(1, { error: issueMessage('spec.issue.fractionOpen') }),
      variant: z.enum(['equal', 'ordered']),
    })
    .optional(),
  /** Highest acceptable individual (prosecutor) risk, 0–1. */
  maxRisk: fraction().optional(),
  /** Largest share of records that may be suppressed, 0–1 (record suppression only). */
  suppressionLimit: fraction().default(0),
  /**
   * How the release reaches k. 'records' (also when absent, so older specs keep their meaning)
   * removes the records of classes below k when they fit `suppressionLimit`, as ARX does.
   * 'cells' removes no record: it blanks (sets to NULL) as few quasi-identifier cells as it can
   * until every record matches at least k records, a blank matching any value (sdcMicro's
   * localSuppression and its missing-value semantics). Without k neither does anything.
   */
  suppression: z.enum(SUPPRESSION_METHODS, { error: issueMessage('spec.issue.suppressionMethod') }).optional(),
  /**
   * Cell suppression only: how much keeping each quasi-identifier's values matters, by column
   * name; higher = blanked later, unlisted = 1. The role of sdcMicro's `importance`, but as a cost:
   * sdcMicro ranks the other way round (1 = suppressed last).
   */
  importance: z
    .record(nonEmpty(), z.number({ error: issueMessage('spec.issue.importance') }).gt(0, { error: issueMessage('spec.issue.importance') }), {
      error: issueMessage('spec.issue.importanceMap'),
    })
    .optional(),
});

export const PeculiarSchema = z.strictObject({
  /** Peculiar values (特異値) must be listed and decided before release. */
  review: z.boolean().default(false),
  decisions: z
    .array(
      z.strictObject({
        table: nonEmpty().optional(),
        column: nonEmpty(),
        /** Matched against the source value (before any transform). */
        value: listedValue,
        action: z.enum(['keep', 'suppressCell', 'suppressRecord']),
        reason: nonEmpty(),
      }),
    )
    .default(() => []),
});

export const FORMATS = ['csv', 'parquet', 'arrow'] as const;

export const ReleaseSchema = z.strictObject({
  mode: z.enum(['anonymized', 'pseudonymized']),
  recipient: z.string().optional(),
  purpose: z.string().optional(),
  requestId: z.string().optional(),
  /** 仮名加工医療情報 may only be provided to certified users (認定利用事業者). */
  restriction: z.enum(['none', 'certifiedUsers']).default('none'),
  formats: z.array(z.enum(FORMATS)).min(1, { error: issueMessage('spec.issue.minItems', { min: 1 }) }).default(() => ['csv' as const]),
  /** One-way fingerprint of the pseudonymization key (never the key): applying with another key is refused. */
  keyFingerprint: z.string().regex(/^[0-9a-f]{16}$/, { error: issueMessage('spec.issue.fingerprint') }).optional(),
});

export const ReleaseSpecSchema = z.strictObject({
  version: z.literal(SPEC_VERSION),
  title: z.string().optional(),
  sources: SourcesSchema.default(() => ({ tables: [] })),
  columns: z.array(ColumnSpecSchema).default(() => []),
  hierarchies: z.array(HierarchySpecSchema).default(() => []),
  model: ModelSchema.default(() => ({ suppressionLimit: 0 })),
  peculiar: PeculiarSchema.default(() => ({ review: false, decisions: [] })),
  release: ReleaseSchema,
});

export type ReleaseSpec = z.infer<typeof ReleaseSpecSchema>;
/** What a hand-written spec file may omit (defaults are filled on parse). */
export type ReleaseSpecInput = z.input<typeof ReleaseSpecSchema>;
export type SourceTable = z.infer<typeof SourceTableSchema>;
export type Model = z.infer<typeof ModelSchema>;
export type Release = z.infer<typeof ReleaseSchema>;
export type PeculiarDecision = z.infer<typeof PeculiarSchema>['decisions'][number];
export type ReleaseMode = Release['mode'];
