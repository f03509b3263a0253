import { isTokumeiError } from '../errors.ts';
import { validateHierarchy } from '../hierarchy/validate.ts';
import { specIssue, type SpecIssue } from './issues.ts';
import { DATE_UNITS, type HierarchySpec, type ReleaseSpec } from './schema.ts';

/** Number of levels above the original value (the highest level a transform may ask for). */
export function maxLevel(h: HierarchySpec): number {
  return h.kind === 'table' ? (h.rows[0]?.length ?? 1) - 1 : h.levels.length;
}

/** Column entries are keyed by (table, name); an entry without a table applies to every table. */
export const columnKey = (c: { table?: string; name: string }) => `${c.table ?? ''}\u0000${c.name}`;

/**
 * Checks that span several fields, run after the schema accepted the shape: references
 * resolve, hierarchies nest from level to level, and chains make sense.
 */
export function checkSpec(spec: ReleaseSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const hierarchies = new Map<string, HierarchySpec>();
  spec.hierarchies.forEach((h, i) => {
    if (hierarchies.has(h.name)) issues.push(specIssue(['hierarchies', i, 'name'], 'spec.issue.duplicateHierarchy', { name: h.name }));
    else hierarchies.set(h.name, h);
    issues.push(...checkHierarchy(h, i));
  });

  const seen = new Set<string>();
  let shift: { maxDays: number; path: string } | undefined;
  spec.columns.forEach((c, i) => {
    const key = columnKey(c);
    if (seen.has(key)) issues.push(specIssue(['columns', i, 'name'], 'spec.issue.duplicateColumn', { name: c.name }));
    seen.add(key);
    c.transforms.forEach((tr, j) => {
      const at = ['columns', i, 'transforms', j];
      if ((tr.kind === 'drop' || tr.kind === 'pseudonymize') && c.transforms.length > 1) {
        issues.push(specIssue(at, 'spec.issue.mustBeAlone', { kind: tr.kind }));
      }
      if (tr.kind === 'generalize') {
        const h = hierarchies.get(tr.hierarchy);
        if (!h) issues.push(specIssue([...at, 'hierarchy'], 'spec.issue.unknownHierarchy', { name: tr.hierarchy }));
        else if (tr.level > maxLevel(h)) issues.push(specIssue([...at, 'level'], 'spec.issue.levelTooHigh', { max: maxLevel(h), name: h.name }));
      }
      if (tr.kind === 'dateShift') {
        if (!shift) shift = { maxDays: tr.maxDays, path: `columns[${i}].transforms[${j}]` };
        else if (shift.maxDays !== tr.maxDays) {
          issues.push(specIssue([...at, 'maxDays'], 'spec.issue.dateShiftMismatch', { maxDays: shift.maxDays, first: shift.path }));
        }
      }
    });
  });

  if (spec.model.l?.variant === 'recursive' && spec.model.l.c === undefined) {
    issues.push(specIssue(['model', 'l', 'c'], 'spec.issue.recursiveNeedsC'));
  }
  if (spec.release.mode === 'pseudonymized' && spec.release.restriction !== 'certifiedUsers') {
    issues.push(specIssue(['release', 'restriction'], 'spec.issue.pseudonymizedRestriction'));
  }
  return issues;
}

function checkHierarchy(h: HierarchySpec, i: number): SpecIssue[] {
  const at = ['hierarchies', i];
  const out: SpecIssue[] = [];
  switch (h.kind) {
    case 'interval':
    case 'age':
      // Bands must nest (each width a whole multiple of the one below), or a band would
      // split between two parents and classes would not merge from level to level.
      h.levels.forEach((b, j) => {
        const prev = h.levels[j - 1];
        if (prev && !isWholeMultiple(b.width, prev.width)) {
          out.push(specIssue([...at, 'levels', j, 'width'], 'spec.issue.widthNotNested', { width: b.width, previous: prev.width }));
        }
      });
      if (h.top && h.bottom && h.top.at <= h.bottom.at) {
        out.push(specIssue([...at, 'top', 'at'], 'spec.issue.topBelowBottom', { top: h.top.at, bottom: h.bottom.at }));
      }
      break;
    case 'prefix':
      h.levels.forEach((l, j) => {
        const prev = h.levels[j - 1];
        if (prev && l.keep >= prev.keep) {
          out.push(specIssue([...at, 'levels', j, 'keep'], 'spec.issue.keepNotDecreasing', { keep: l.keep, previous: prev.keep }));
        }
      });
      break;
    case 'date':
      h.levels.forEach((u, j) => {
        const prev = h.levels[j - 1];
        if (prev && DATE_UNITS.indexOf(u) <= DATE_UNITS.indexOf(prev)) {
          out.push(specIssue([...at, 'levels', j], 'spec.issue.unitsNotIncreasing', { unit: u, previous: prev }));
        }
      });
      break;
    case 'table':
      try {
        validateHierarchy({ levels: h.rows[0]?.length ?? 0, rows: h.rows }, h.name);
      } catch (e) {
        if (!isTokumeiError(e)) throw e;
        out.push({ path: `hierarchies[${i}].rows`, key: e.key, params: { ...e.params, path: `hierarchies[${i}].rows` } });
      }
      break;
  }
  return out;
}

function isWholeMultiple(a: number, b: number): boolean {
  const q = a / b;
  return q >= 1 && Math.abs(q - Math.round(q)) < 1e-9;
}
