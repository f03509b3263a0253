import { valueKind, type ValueKind } from '../../../core/compile/value-kind.ts';
import type { MessageKey } from '../../../core/i18n/catalog.ts';
import { fromZodIssues, type SpecIssue } from '../../../core/spec/issues.ts';
import {
  maxLevel,
  TransformSchema,
  type ColumnSpec,
  type HierarchySpec,
  type ReleaseSpec,
  type SpecEdit,
  type Transform,
  type TransformKind,
} from '../../../core/spec/index.ts';
import { defaultHierarchy, hierarchyFits, uniqueHierarchyName } from './hierarchy-draft.ts';

export const TRANSFORM_KINDS: readonly TransformKind[] = [
  'drop',
  'pseudonymize',
  'generalize',
  'topCode',
  'bottomCode',
  'round',
  'dateShift',
  'suppressCell',
  'suppressRecord',
];

/** `drop` and `pseudonymize` act on the whole column, so they stand alone in a chain. */
export const isAlone = (k: TransformKind) => k === 'drop' || k === 'pseudonymize';

const isDate = (k: ValueKind) => k === 'date' || k === 'timestamp';
const isNumber = (k: ValueKind) => k === 'integer' || k === 'float';

/** The transforms that can apply to a column of this DuckDB type (the compiler refuses the others). */
export function kindsFor(type: string): TransformKind[] {
  const k = valueKind(type);
  return TRANSFORM_KINDS.filter((kind) => {
    switch (kind) {
      case 'round':
        return isNumber(k);
      case 'topCode':
      case 'bottomCode':
        return isNumber(k) || isDate(k);
      case 'dateShift':
        return isDate(k);
      default:
        return true;
    }
  });
}

/** All date shifts of a spec share one maximum (each subject's dates move together). */
export function sharedMaxDays(spec: ReleaseSpec): number | undefined {
  for (const c of spec.columns) for (const t of c.transforms) if (t.kind === 'dateShift') return t.maxDays;
  return undefined;
}

/**
 * The edits that add a transform of `kind` to a column, with sensible first values: a
 * generalization uses a fitting hierarchy of the spec or a new one made for the column.
 * `drop` and `pseudonymize` replace the chain; anything else added to them replaces them.
 * Suppression needs its values listed first (no edits without them). A date shift is put
 * before the other steps, the only place where it can act.
 */
export function addTransformEdits(
  spec: ReleaseSpec,
  entry: ColumnSpec,
  type: string,
  kind: TransformKind,
  opts: { referenceDate?: string; values?: (string | number)[] } = {},
): SpecEdit[] {
  const edits: SpecEdit[] = [];
  const vk = valueKind(type);
  let t: Transform;
  switch (kind) {
    case 'drop':
    case 'pseudonymize':
      t = { kind };
      break;
    case 'generalize': {
      let h = spec.hierarchies.find((x) => hierarchyFits(x, type));
      if (!h) {
        h = defaultHierarchy(type, uniqueHierarchyName(entry.name, spec.hierarchies), opts.referenceDate);
        edits.push({ op: 'setHierarchy', hierarchy: h });
      }
      t = { kind, hierarchy: h.name, level: Math.min(1, maxLevel(h)) };
      break;
    }
    case 'topCode':
    case 'bottomCode':
      t = { kind, at: isDate(vk) ? (kind === 'topCode' ? '2100-01-01' : '1900-01-01') : kind === 'topCode' ? 90 : 0 };
      break;
    case 'round':
      t = { kind, to: vk === 'float' ? 0.5 : 5 };
      break;
    case 'dateShift':
      t = { kind, maxDays: sharedMaxDays(spec) ?? 30 };
      break;
    case 'suppressCell':
    case 'suppressRecord':
      // Nothing to add until the user has listed values.
      if (!opts.values?.length) return [];
      t = { kind, values: opts.values };
      break;
  }
  // A date shift goes first: after a generalization there is no date left to shift.
  const chain = isAlone(kind) || entry.transforms.some((x) => isAlone(x.kind)) ? [t] : kind === 'dateShift' ? [t, ...entry.transforms] : [...entry.transforms, t];
  edits.push({ op: 'setColumn', column: { ...entry, transforms: chain } });
  return edits;
}

export function replaceTransform(entry: ColumnSpec, index: number, t: Transform): ColumnSpec {
  return { ...entry, transforms: entry.transforms.map((x, i) => (i === index ? t : x)) };
}

export function removeTransform(entry: ColumnSpec, index: number): ColumnSpec {
  return { ...entry, transforms: entry.transforms.filter((_, i) => i !== index) };
}

/** Move a transform earlier (-1) or later (+1) in the chain; order matters (round, then top-code…). */
export function moveTransform(entry: ColumnSpec, index: number, delta: -1 | 1): ColumnSpec {
  const j = index + delta;
  if (j < 0 || j >= entry.transforms.length) return entry;
  const list = [...entry.transforms];
  [list[index], list[j]] = [list[j], list[index]];
  return { ...entry, transforms: list };
}

/** The one-line description of a transform, as a message key and its parameters. */
export function describeTransform(t: Transform): { key: MessageKey; params: Record<string, string | number> } {
  switch (t.kind) {
    case 'drop':
      return { key: 'uiSpec.chain.drop', params: {} };
    case 'pseudonymize':
      return { key: 'uiSpec.chain.pseudonymize', params: {} };
    case 'generalize':
      return { key: 'uiSpec.chain.generalize', params: { hierarchy: t.hierarchy, level: t.level } };
    case 'topCode':
      return { key: 'uiSpec.chain.topCode', params: { at: t.at } };
    case 'bottomCode':
      return { key: 'uiSpec.chain.bottomCode', params: { at: t.at } };
    case 'round':
      return { key: 'uiSpec.chain.round', params: { to: t.to } };
    case 'dateShift':
      return { key: 'uiSpec.chain.dateShift', params: { days: t.maxDays } };
    case 'suppressCell':
      return { key: 'uiSpec.chain.suppressCell', params: { count: t.values.length } };
    case 'suppressRecord':
      return { key: 'uiSpec.chain.suppressRecord', params: { count: t.values.length } };
  }
}

/**
 * Values typed by the user, one per line or separated by commas (、 too). In a numeric
 * column a value that reads as a number is listed as a number (so 131 matches 131.0);
 * anything else stays text and matches the value's text form.
 */
export function parseValueList(text: string, type: string): (string | number)[] {
  const numeric = isNumber(valueKind(type));
  const out: (string | number)[] = [];
  for (const raw of text.split(/[\n,、]/)) {
    const v = raw.trim();
    if (v === '') continue;
    const n = Number(v);
    const item = numeric && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v) && Number.isFinite(n) ? n : v;
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

export function formatValueList(values: readonly (string | number)[]): string {
  return values.map(String).join('\n');
}

/** Problems of one transform as it is being edited, with the path it will have in the spec. */
export function transformIssues(t: unknown, path: readonly (string | number)[]): SpecIssue[] {
  const r = TransformSchema.safeParse(t, { reportInput: true });
  if (r.success) return [];
  return fromZodIssues(r.error.issues.map((i) => ({ ...i, path: [...path, ...i.path] })));
}

/** The levels a generalization may pick for a hierarchy: 0 (the value itself) to its top level. */
export function levelsOf(h: HierarchySpec | undefined): number[] {
  return h ? Array.from({ length: maxLevel(h) + 1 }, (_, i) => i) : [0];
}
