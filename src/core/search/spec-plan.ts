import { isPlainGeneralization } from '../risk/measure-spec.ts';
import { findColumn } from '../spec/edit.ts';
import type { SpecEdit } from '../spec/edit.ts';
import type { ColumnSpec, ReleaseSpec, Transform } from '../spec/schema.ts';

/**
 * How the search will treat one quasi-identifier of the spec: a column whose only transform
 * is a generalization is searched over its hierarchy's levels; any other is held as the spec
 * releases it (one level), and `problem` says why, so the view can tell the user what to do.
 */
export interface SearchColumnPlan {
  column: string;
  /** The hierarchy the generalization names, or null when the column is held fixed. */
  hierarchy: string | null;
  /** The level the spec gives now (null when held fixed). */
  level: number | null;
  /**
   * noHierarchy: released as it is, with no generalization; otherTransforms: changed by other
   * transforms than one generalization; missingHierarchy: names a hierarchy the spec lacks.
   */
  problem: 'noHierarchy' | 'otherTransforms' | 'missingHierarchy' | null;
}

export interface SearchSpecPlan {
  qis: SearchColumnPlan[];
  /** Released columns with the role sensitive (for l-diversity and t-closeness). */
  sensitive: string[];
}

const released = (e: ColumnSpec | undefined): e is ColumnSpec => e !== undefined && !e.transforms.some((t) => t.kind === 'drop');

/** The spec's quasi-identifiers of `table` (in column order), as searchFromSpec will read them. */
export function searchSpecPlan(spec: ReleaseSpec, table: string, names: readonly string[]): SearchSpecPlan {
  const qis: SearchColumnPlan[] = [];
  const sensitive: string[] = [];
  for (const name of names) {
    const e = findColumn(spec, table, name);
    if (!released(e)) continue;
    if (e.role === 'sensitive') sensitive.push(name);
    if (e.role !== 'quasi') continue;
    if (!isPlainGeneralization(e)) {
      qis.push({ column: name, hierarchy: null, level: null, problem: e.transforms.length ? 'otherTransforms' : 'noHierarchy' });
      continue;
    }
    const g = e.transforms[0] as Extract<Transform, { kind: 'generalize' }>;
    if (!spec.hierarchies.some((h) => h.name === g.hierarchy)) {
      qis.push({ column: name, hierarchy: null, level: null, problem: 'missingHierarchy' });
      continue;
    }
    qis.push({ column: name, hierarchy: g.hierarchy, level: g.level, problem: null });
  }
  return { qis, sensitive };
}

/**
 * The edits that release `table` at the given levels: each searched column's generalization gets
 * its new level (level 0 keeps the generalization, so the hierarchy stays linked for the next
 * search). Columns held fixed, and levels already in the spec, give no edit.
 */
export function levelEdits(spec: ReleaseSpec, table: string, levels: Readonly<Record<string, number>>): SpecEdit[] {
  const edits: SpecEdit[] = [];
  for (const [name, level] of Object.entries(levels)) {
    const e = findColumn(spec, table, name);
    if (!e || !isPlainGeneralization(e)) continue;
    const g = e.transforms[0] as Extract<Transform, { kind: 'generalize' }>;
    // A generalization naming no hierarchy of the spec was held fixed by the search.
    if (g.level === level || !spec.hierarchies.some((h) => h.name === g.hierarchy)) continue;
    edits.push({ op: 'setColumn', column: { ...e, transforms: [{ ...g, level }] } });
  }
  return edits;
}

/**
 * What a search result depends on in the spec: the quasi-identifiers, how each is held or
 * generalized, and the hierarchies' definitions. A result whose signature differs from the
 * spec's now no longer describes it.
 */
export function searchSignature(spec: ReleaseSpec, table: string, names: readonly string[]): string {
  return JSON.stringify(
    searchSpecPlan(spec, table, names).qis.map((q) => [q.column, q.problem, q.hierarchy === null ? null : spec.hierarchies.find((h) => h.name === q.hierarchy)]),
  );
}
