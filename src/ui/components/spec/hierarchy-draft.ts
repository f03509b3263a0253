import { isDateLike, isNumeric, valueKind } from '../../../core/compile/value-kind.ts';
import { formatGrc, grcToHierarchy, orderGrcLevels, parseGrc } from '../../../core/hierarchy/argus-grc.ts';
import { formatHierarchyCsv, parseHierarchyCsv } from '../../../core/hierarchy/csv.ts';
import type { Hierarchy } from '../../../core/hierarchy/types.ts';
import { fromZodIssues, type SpecIssue } from '../../../core/spec/issues.ts';
import {
  checkSpec,
  DATE_UNITS,
  emptySpec,
  HierarchySpecSchema,
  type DateUnit,
  type HierarchyKind,
  type HierarchySpec,
} from '../../../core/spec/index.ts';

/** A hierarchy given by rules (every kind but an explicit table). */
export type RuleHierarchy = Exclude<HierarchySpec, { kind: 'table' }>;

export const HIERARCHY_KINDS: readonly HierarchyKind[] = ['interval', 'age', 'date', 'prefix', 'table'];

/** Whether the compiler can apply the hierarchy to a column of this DuckDB type. */
export function hierarchyFits(h: HierarchySpec, type: string): boolean {
  const k = valueKind(type);
  if (h.kind === 'interval') return isNumeric(k);
  if (h.kind === 'age' || h.kind === 'date') return isDateLike(k);
  return true;
}

/** The kinds of hierarchy that fit a column of this type. */
export function kindsForType(type: string): HierarchyKind[] {
  const k = valueKind(type);
  return HIERARCHY_KINDS.filter((kind) => (kind === 'interval' ? isNumeric(k) : kind === 'age' || kind === 'date' ? isDateLike(k) : true));
}

/** `base`, or `base_2`, `base_3`… whichever no hierarchy of the spec uses yet. */
export function uniqueHierarchyName(base: string, existing: readonly { name: string }[]): string {
  const taken = new Set(existing.map((h) => h.name));
  const stem = base.trim() || 'hierarchy';
  let name = stem;
  for (let i = 2; taken.has(name); i++) name = `${stem}_${i}`;
  return name;
}

/**
 * A first version of a rule hierarchy: bands that nest (5 → 10 → 20), ages 1 → 5 → 10 years
 * with 90 and over together, month → quarter → year, or 3 then 1 leading characters.
 * A table hierarchy starts from the column's own values (see tableFromValues).
 */
export function newHierarchy(kind: RuleHierarchy['kind'], name: string, referenceDate?: string): RuleHierarchy {
  switch (kind) {
    case 'interval':
      return { name, kind, levels: [{ width: 5 }, { width: 10 }, { width: 20 }] };
    case 'age':
      return { name, kind, referenceDate: referenceDate ?? today(), levels: [{ width: 1 }, { width: 5 }, { width: 10 }], top: { at: 90, label: '90以上' } };
    case 'date':
      return { name, kind, levels: ['month', 'quarter', 'year'] satisfies DateUnit[] };
    case 'prefix':
      return { name, kind, levels: [{ keep: 3 }, { keep: 1 }] };
  }
}

/** The hierarchy a generalization of this column starts with when the spec has none that fits. */
export function defaultHierarchy(type: string, name: string, referenceDate?: string): RuleHierarchy {
  const k = valueKind(type);
  return newHierarchy(isDateLike(k) ? 'date' : isNumeric(k) ? 'interval' : 'prefix', name, referenceDate);
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * What the worker is asked to materialize to list a column's distinct values: a prefix
 * hierarchy keeping nothing, whose level 1 is '' for every value.
 */
export const VALUES_PROBE: HierarchySpec = { name: 'values', kind: 'prefix', levels: [{ keep: 0 }] };

/** An explicit table to fill in: every value of the column under one top label ('*', as ARX writes it). */
export function tableFromValues(name: string, probed: Hierarchy): HierarchySpec {
  return { name, kind: 'table', rows: probed.rows.map((r) => [r[0], '*']) };
}

/** Reads an ARX hierarchy CSV file (column 0 the value, column i level i) as a table hierarchy; throws a TokumeiError when it is not one. */
export function hierarchyFromCsv(bytes: Uint8Array, name: string, fileName: string): HierarchySpec {
  const h = parseHierarchyCsv(bytes, { name: fileName });
  return { name, kind: 'table', rows: h.rows.map((r) => [...r]) };
}

/** μ-ARGUS global recode files go by their extension. */
export const isGrcFile = (fileName: string): boolean => /\.grc$/i.test(fileName);

/**
 * μ-ARGUS recode files as a table hierarchy over the column's values (`values`, as the
 * VALUES_PROBE lists them). A file picker keeps no order, so the files are put in hierarchy
 * order by their number of groups (most first, ties by file name).
 */
export function hierarchyFromGrc(files: readonly { name: string; bytes: Uint8Array }[], name: string, values: readonly string[]): HierarchySpec {
  const recodes = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => parseGrc(f.bytes, f.name));
  return grcToHierarchy(name, orderGrcLevels(recodes, values), values);
}

/** One level of a table as μ-ARGUS recode file text (the original values recoded to that level). */
export function hierarchyGrc(h: Hierarchy, level: number): string {
  return formatGrc(h, level);
}

/** File name for a level exported as .grc. */
export function grcFileName(name: string, level: number): string {
  return csvFileName(`${name}_L${level}`).replace(/\.csv$/, '.grc');
}

/** The ARX hierarchy CSV text of a table (';' separated, as ARX writes it). */
export function hierarchyCsv(h: Hierarchy): string {
  return formatHierarchyCsv(h);
}

export function tableOf(h: Extract<HierarchySpec, { kind: 'table' }>): Hierarchy {
  return { levels: h.rows[0]?.length ?? 0, rows: h.rows };
}

/** File name for an exported hierarchy: its name with characters file systems refuse replaced. */
export function csvFileName(name: string): string {
  return `${name.replace(/[\\/:*?"<>|\s]+/g, '_')}.csv`;
}

/**
 * Problems of a hierarchy as it is being edited (shape and nesting), with the path it has
 * in the spec (`hierarchies[2].levels[1].width`), so they read like the file's errors.
 */
export function hierarchyIssues(h: unknown, index: number): SpecIssue[] {
  const parsed = HierarchySpecSchema.safeParse(h, { reportInput: true });
  if (!parsed.success) return fromZodIssues(parsed.error.issues.map((i) => ({ ...i, path: ['hierarchies', index, ...i.path] })));
  const at = `hierarchies[${index}]`;
  return checkSpec({ ...emptySpec(), hierarchies: [parsed.data] }).map((i) => {
    const path = i.path.replace(/^hierarchies\[0\]/, at);
    return { ...i, path, params: { ...i.params, path } };
  });
}


/**
 * One more level on top: bands twice as wide, the next coarser calendar unit, or one
 * character fewer. Null when there is nothing coarser to add.
 */
export function addLevel(h: RuleHierarchy): RuleHierarchy | null {
  switch (h.kind) {
    case 'interval':
    case 'age': {
      const last = h.levels[h.levels.length - 1];
      return { ...h, levels: [...h.levels, { width: (last?.width ?? 1) * 2 }] };
    }
    case 'date': {
      const last = h.levels[h.levels.length - 1];
      const next = DATE_UNITS[(last ? DATE_UNITS.indexOf(last) : -1) + 1];
      return next ? { ...h, levels: [...h.levels, next] } : null;
    }
    case 'prefix': {
      const last = h.levels[h.levels.length - 1];
      const keep = last ? last.keep - 1 : 3;
      return keep >= 0 ? { ...h, levels: [...h.levels, { keep }] } : null;
    }
  }
}

/** The top level removed (a hierarchy keeps at least one level). */
export function removeLevel(h: RuleHierarchy): RuleHierarchy | null {
  if (h.levels.length <= 1) return null;
  return { ...h, levels: h.levels.slice(0, -1) } as RuleHierarchy;
}

/** Level `i` (0-based in `levels`, i.e. hierarchy level i + 1) set to a new width, unit or kept length. */
export function setLevel(h: RuleHierarchy, i: number, value: number | DateUnit): RuleHierarchy {
  switch (h.kind) {
    case 'interval':
    case 'age':
      return { ...h, levels: h.levels.map((l, j) => (j === i ? { width: value as number } : l)) };
    case 'date':
      return { ...h, levels: h.levels.map((l, j) => (j === i ? (value as DateUnit) : l)) };
    case 'prefix':
      return { ...h, levels: h.levels.map((l, j) => (j === i ? { keep: value as number } : l)) };
  }
}

/** Top or bottom coding of an interval or age hierarchy set, or removed with `undefined`. */
export function setCoding(
  h: Extract<HierarchySpec, { kind: 'interval' | 'age' }>,
  which: 'top' | 'bottom',
  coding: { at: number; label?: string } | undefined,
): HierarchySpec {
  const out = { ...h };
  if (coding) out[which] = coding.label ? coding : { at: coding.at };
  else delete out[which];
  return out;
}
