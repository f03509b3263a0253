import { valueKind } from '../compile/value-kind.ts';
import type { DetectCategory } from '../detect/types.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { Reason, SpecEdit } from './edit.ts';
import type { ColumnSpec, HierarchySpec, Role, Transform } from './schema.ts';

/** The ids the CLI's `--preset` takes. */
export type PresetId = 'anonymized' | 'pseudonymized' | 'hipaa';

export interface PresetInfo {
  id: PresetId;
  label: MessageKey;
  description: MessageKey;
  /** A teaching aid, not a method under Japanese law. */
  training: boolean;
}

export const PRESETS: readonly PresetInfo[] = [
  { id: 'anonymized', label: 'spec.preset.anonymized.label', description: 'spec.preset.anonymized.description', training: false },
  { id: 'pseudonymized', label: 'spec.preset.pseudonymized.label', description: 'spec.preset.pseudonymized.description', training: false },
  { id: 'hipaa', label: 'spec.preset.hipaa.label', description: 'spec.preset.hipaa.description', training: true },
];

/** A column as the preset sees it: detection's suggestion (or the user's correction) and its type. */
export interface PresetColumn {
  name: string;
  table?: string;
  /** DuckDB type. */
  type: string;
  role: Role;
  category: DetectCategory;
  freeText?: boolean;
}

export interface PresetOptions {
  /** The day ages are computed on (YYYY-MM-DD), e.g. the extract date. Without it, birth dates become years. */
  referenceDate?: string;
  /** k for the anonymized preset (default 5; always the producer's choice, never a legal value). */
  k?: number;
  suppressionLimit?: number;
}

/** Hierarchies presets refer to (by these names). */
export const PRESET_HIERARCHIES = {
  calendar: { name: 'calendar', kind: 'date', levels: ['month', 'quarter', 'year'] },
  postal: { name: 'postal', kind: 'prefix', levels: [{ keep: 5 }, { keep: 3 }, { keep: 1 }], alnumOnly: true },
  birthAge: (referenceDate: string, topLabel: string): HierarchySpec => ({
    name: 'birthAge',
    kind: 'age',
    referenceDate,
    levels: [{ width: 1 }, { width: 5 }, { width: 10 }],
    top: { at: 90, label: topLabel },
  }),
} satisfies Record<string, HierarchySpec | ((...a: never[]) => HierarchySpec)>;

const CALENDAR_MONTH = 1;
const CALENDAR_YEAR = 3;
const POSTAL_3 = 2;
const AGE_5Y = 2;

const why = (key: MessageKey, params?: Record<string, string | number>): Reason => ({ key, params });
const gen = (hierarchy: string, level: number): Transform => ({ kind: 'generalize', hierarchy, level });

/** Link keys: pseudonymized by the Japanese presets so records of one person stay linked. */
const LINK_KEYS: readonly DetectCategory[] = ['subjectId', 'recordId'];

/**
 * The edits a preset proposes for these columns, each with its explanation. Nothing is
 * applied: the caller shows them and applies the accepted ones (applyEdits). Hierarchy
 * edits come before the column edits that use them.
 */
export function presetEdits(id: PresetId, columns: readonly PresetColumn[], opts: PresetOptions = {}): SpecEdit[] {
  const plan = id === 'anonymized' ? anonymized : id === 'pseudonymized' ? pseudonymized : hipaa;
  const edits: SpecEdit[] = [];
  const hierarchies = new Map<string, SpecEdit>();
  const useHierarchy = (h: HierarchySpec, reason: Reason) => {
    if (!hierarchies.has(h.name)) hierarchies.set(h.name, { op: 'setHierarchy', hierarchy: h, why: reason });
  };
  for (const c of columns) {
    const { transforms, reason, role } = plan(c, opts, useHierarchy);
    const column: ColumnSpec = { ...(c.table ? { table: c.table } : {}), name: c.name, role: role ?? c.role, transforms };
    if (c.freeText || c.category === 'freeText') column.freeText = true;
    edits.push({ op: 'setColumn', column, why: reason });
  }
  return [...hierarchies.values(), ...edits, ...modelEdits(id, opts)];
}

type Plan = (
  c: PresetColumn,
  opts: PresetOptions,
  use: (h: HierarchySpec, reason: Reason) => void,
) => { transforms: Transform[]; reason: Reason; role?: Role };

const isFreeText = (c: PresetColumn) => c.freeText === true || c.category === 'freeText';

/** 次世代医療基盤法 匿名加工医療情報. */
const anonymized: Plan = (c, opts, use) => {
  const kind = valueKind(c.type);
  if (c.role === 'identifier') {
    if (LINK_KEYS.includes(c.category)) return { transforms: [{ kind: 'pseudonymize' }], reason: why('spec.preset.anonymized.linkKey') };
    return { transforms: [{ kind: 'drop' }], reason: why('spec.preset.anonymized.dropIdentifier') };
  }
  if (isFreeText(c)) return { transforms: [{ kind: 'drop' }], reason: why('spec.preset.freeTextDropped') };
  if (c.category === 'birthDate' && (kind === 'date' || kind === 'timestamp')) {
    if (opts.referenceDate) {
      use(PRESET_HIERARCHIES.birthAge(opts.referenceDate, '90以上'), why('spec.preset.hierarchy.birthAge'));
      return { transforms: [gen('birthAge', AGE_5Y)], reason: why('spec.preset.anonymized.birthAge', { date: opts.referenceDate }) };
    }
    use(PRESET_HIERARCHIES.calendar, why('spec.preset.hierarchy.calendar'));
    return { transforms: [gen('calendar', CALENDAR_YEAR)], reason: why('spec.preset.anonymized.birthYear') };
  }
  if (c.category === 'age' && (kind === 'integer' || kind === 'float')) {
    return { transforms: [{ kind: 'topCode', at: 90 }], reason: why('spec.preset.anonymized.ageTop') };
  }
  if (c.category === 'postalCode') {
    use(PRESET_HIERARCHIES.postal, why('spec.preset.hierarchy.postal'));
    return { transforms: [gen('postal', POSTAL_3)], reason: why('spec.preset.anonymized.postal') };
  }
  if ((c.category === 'date' || c.category === 'birthDate') && c.role === 'quasi') {
    if (kind === 'date' || kind === 'timestamp') {
      use(PRESET_HIERARCHIES.calendar, why('spec.preset.hierarchy.calendar'));
      return { transforms: [gen('calendar', CALENDAR_MONTH)], reason: why('spec.preset.anonymized.dateMonth') };
    }
    return { transforms: [], reason: why('spec.preset.dateNeedsType', { type: c.type }) };
  }
  if (c.role === 'quasi') return { transforms: [], reason: why('spec.preset.keepQuasi') };
  return { transforms: [], reason: why(c.role === 'sensitive' ? 'spec.preset.keepSensitive' : 'spec.preset.keepOther') };
};

/** 次世代医療基盤法 仮名加工医療情報: identifiers replaced or removed, everything else kept as it is. */
const pseudonymized: Plan = (c) => {
  if (c.role === 'identifier') {
    if (LINK_KEYS.includes(c.category)) return { transforms: [{ kind: 'pseudonymize' }], reason: why('spec.preset.pseudonymized.linkKey') };
    return { transforms: [{ kind: 'drop' }], reason: why('spec.preset.pseudonymized.dropIdentifier') };
  }
  if (isFreeText(c)) return { transforms: [{ kind: 'drop' }], reason: why('spec.preset.freeTextDropped') };
  if (c.role === 'quasi') return { transforms: [], reason: why('spec.preset.pseudonymized.keepDetail') };
  return { transforms: [], reason: why(c.role === 'sensitive' ? 'spec.preset.keepSensitive' : 'spec.preset.keepOther') };
};

/** HIPAA Safe Harbor (45 CFR 164.514(b)(2)), for training only. */
const hipaa: Plan = (c, _opts, use) => {
  const kind = valueKind(c.type);
  if (c.role === 'identifier') {
    const key = LINK_KEYS.includes(c.category) ? 'spec.preset.hipaa.linkKey' : 'spec.preset.hipaa.identifier';
    return { transforms: [{ kind: 'drop' }], reason: why(key) };
  }
  if (isFreeText(c)) return { transforms: [{ kind: 'drop' }], reason: why('spec.preset.freeTextDropped') };
  if (c.category === 'locality') return { transforms: [{ kind: 'drop' }], reason: why('spec.preset.hipaa.locality') };
  if (c.category === 'postalCode') {
    use(PRESET_HIERARCHIES.postal, why('spec.preset.hierarchy.postal'));
    return { transforms: [gen('postal', POSTAL_3)], reason: why('spec.preset.hipaa.zip') };
  }
  if ((c.category === 'date' || c.category === 'birthDate') && (kind === 'date' || kind === 'timestamp')) {
    use(PRESET_HIERARCHIES.calendar, why('spec.preset.hierarchy.calendar'));
    return { transforms: [gen('calendar', CALENDAR_YEAR)], reason: why('spec.preset.hipaa.dates') };
  }
  if (c.category === 'date' || c.category === 'birthDate') return { transforms: [], reason: why('spec.preset.dateNeedsType', { type: c.type }) };
  if (c.category === 'age' && (kind === 'integer' || kind === 'float')) {
    return { transforms: [{ kind: 'topCode', at: 90 }], reason: why('spec.preset.hipaa.age') };
  }
  if (c.role === 'quasi') return { transforms: [], reason: why('spec.preset.keepQuasi') };
  return { transforms: [], reason: why(c.role === 'sensitive' ? 'spec.preset.keepSensitive' : 'spec.preset.keepOther') };
};

function modelEdits(id: PresetId, opts: PresetOptions): SpecEdit[] {
  switch (id) {
    case 'anonymized': {
      const k = opts.k ?? 5;
      const suppressionLimit = opts.suppressionLimit ?? 0.05;
      return [
        { op: 'setModel', model: { k, suppressionLimit }, why: why('spec.preset.anonymized.kChoice', { k, suppression: `${suppressionLimit * 100}%` }) },
        { op: 'setPeculiarReview', review: true, why: why('spec.preset.anonymized.peculiar') },
        { op: 'setRelease', release: { mode: 'anonymized', restriction: 'none' }, why: why('spec.preset.anonymized.release') },
      ];
    }
    case 'pseudonymized':
      return [
        { op: 'setModel', model: { k: undefined, l: undefined, t: undefined, maxRisk: undefined, suppressionLimit: 0 }, why: why('spec.preset.pseudonymized.noK') },
        { op: 'setPeculiarReview', review: false, why: why('spec.preset.pseudonymized.rareKept') },
        { op: 'setRelease', release: { mode: 'pseudonymized', restriction: 'certifiedUsers' }, why: why('spec.preset.pseudonymized.release') },
      ];
    case 'hipaa':
      return [
        { op: 'setModel', model: { k: undefined, l: undefined, t: undefined, maxRisk: undefined, suppressionLimit: 0 }, why: why('spec.preset.hipaa.noK') },
        { op: 'setRelease', release: { mode: 'anonymized', restriction: 'none' }, why: why('spec.preset.hipaa.training') },
      ];
  }
}
