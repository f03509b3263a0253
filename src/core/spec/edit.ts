import type { MessageKey } from '../i18n/catalog.ts';
import type { ColumnSpec, HierarchySpec, Model, PeculiarDecision, Release, ReleaseMode, ReleaseSpec, SourceTable } from './schema.ts';
import { SPEC_VERSION } from './schema.ts';

/** Why an edit was proposed (shown next to it, e.g. by a preset). */
export interface Reason {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * A change to a spec as data, so it can be listed, explained, accepted one by one and
 * replayed. Entries are matched by their natural key: columns by (table, name),
 * hierarchies by name, sources by name, peculiar decisions by (table, column, value).
 */
export type SpecEdit =
  | { op: 'setColumn'; column: ColumnSpec; why?: Reason }
  | { op: 'removeColumn'; table?: string; name: string; why?: Reason }
  | { op: 'setHierarchy'; hierarchy: HierarchySpec; why?: Reason }
  | { op: 'removeHierarchy'; name: string; why?: Reason }
  | { op: 'setSource'; source: SourceTable; why?: Reason }
  /** Merges into the model; a key set to undefined is removed (e.g. `{ k: undefined }` = no k target). */
  | { op: 'setModel'; model: Partial<Model>; why?: Reason }
  | { op: 'setRelease'; release: Partial<Release>; why?: Reason }
  | { op: 'setExclusions'; exclusions: ReleaseSpec['sources']['exclusions']; why?: Reason }
  | { op: 'setPeculiarReview'; review: boolean; why?: Reason }
  | { op: 'decidePeculiar'; decision: PeculiarDecision; why?: Reason }
  /** Takes back the decision on one value (matched as decidePeculiar matches). */
  | { op: 'removePeculiarDecision'; table?: string; column: string; value: string | number; why?: Reason };

export function emptySpec(mode: ReleaseMode = 'anonymized'): ReleaseSpec {
  return {
    version: SPEC_VERSION,
    sources: { tables: [] },
    columns: [],
    hierarchies: [],
    model: { suppressionLimit: 0 },
    peculiar: { review: false, decisions: [] },
    release: { mode, restriction: mode === 'pseudonymized' ? 'certifiedUsers' : 'none', formats: ['csv'] },
  };
}

const sameColumn = (a: { table?: string; name: string }, b: { table?: string; name: string }) =>
  (a.table ?? '') === (b.table ?? '') && a.name === b.name;

const samePeculiar = (a: { table?: string; column: string; value: string | number }, b: { table?: string; column: string; value: string | number }) =>
  (a.table ?? '') === (b.table ?? '') && a.column === b.column && a.value === b.value;

/** Replaces the matching entry in place of order, or appends. */
function upsert<T>(list: readonly T[], item: T, same: (a: T, b: T) => boolean): T[] {
  const i = list.findIndex((x) => same(x, item));
  return i < 0 ? [...list, item] : list.map((x, j) => (j === i ? item : x));
}

function merge<T extends object>(base: T, patch: Partial<T>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

/** A new spec with the edit applied; the input is not modified and untouched parts are shared. */
export function applyEdit(spec: ReleaseSpec, edit: SpecEdit): ReleaseSpec {
  switch (edit.op) {
    case 'setColumn':
      return { ...spec, columns: upsert(spec.columns, edit.column, sameColumn) };
    case 'removeColumn':
      return { ...spec, columns: spec.columns.filter((c) => !sameColumn(c, edit)) };
    case 'setHierarchy':
      return { ...spec, hierarchies: upsert(spec.hierarchies, edit.hierarchy, (a, b) => a.name === b.name) };
    case 'removeHierarchy':
      return { ...spec, hierarchies: spec.hierarchies.filter((h) => h.name !== edit.name) };
    case 'setSource':
      return { ...spec, sources: { ...spec.sources, tables: upsert(spec.sources.tables, edit.source, (a, b) => a.name === b.name) } };
    case 'setModel':
      return { ...spec, model: merge(spec.model, edit.model) };
    case 'setRelease':
      return { ...spec, release: merge(spec.release, edit.release) };
    case 'setExclusions':
      return { ...spec, sources: merge(spec.sources, { exclusions: edit.exclusions }) };
    case 'setPeculiarReview':
      return { ...spec, peculiar: { ...spec.peculiar, review: edit.review } };
    case 'decidePeculiar':
      return { ...spec, peculiar: { ...spec.peculiar, decisions: upsert(spec.peculiar.decisions, edit.decision, samePeculiar) } };
    case 'removePeculiarDecision':
      return { ...spec, peculiar: { ...spec.peculiar, decisions: spec.peculiar.decisions.filter((d) => !samePeculiar(d, edit)) } };
  }
}

export function applyEdits(spec: ReleaseSpec, edits: readonly SpecEdit[]): ReleaseSpec {
  return edits.reduce(applyEdit, spec);
}

/** The entry that governs `name` in `table`: one naming the table wins over a table-less one. */
export function findColumn(spec: ReleaseSpec, table: string, name: string): ColumnSpec | undefined {
  return spec.columns.find((c) => c.table === table && c.name === name) ?? spec.columns.find((c) => c.table === undefined && c.name === name);
}
