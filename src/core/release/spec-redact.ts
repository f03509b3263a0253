import type { HierarchySpec, ReleaseSpec, Transform } from '../spec/schema.ts';

/** What stands in for a source value the package must not carry. */
export const REDACTED = '[redacted]';

/**
 * The spec as a package may carry it. Source values the release does not show are replaced:
 * - every value listed for suppression (suppressCell, suppressRecord) and every peculiar-decision
 *   value, by a numbered placeholder ("[redacted 1]"): the release removed those values;
 * - in explicit hierarchy tables, the levels below the lowest level the release uses, by
 *   "[redacted]" (identical rows then merge): a table used at level 2 otherwise lists every
 *   original code of the column, rare ones included, which generalization was chosen to hide;
 *   rows that then differ only in redacted cells merge, each keeping a numbered placeholder as
 *   its value; any listed value left in a table is replaced too. Tables no column uses are left out.
 * Everything else (roles, chains, rule hierarchies, model, counts of listed values) stays, so the
 * recipient and the auditor can read how the data was made. The redacted spec cannot re-create
 * the package by itself; the producer keeps the full spec.
 */
export function redactSpec(spec: ReleaseSpec): ReleaseSpec {
  let n = 0;
  const placeholder = () => `[redacted ${++n}]`;
  const listed = new Set<string>();
  const redactTransform = (t: Transform): Transform => {
    if (t.kind !== 'suppressCell' && t.kind !== 'suppressRecord') return t;
    for (const v of t.values) listed.add(String(v));
    return { ...t, values: t.values.map(placeholder) };
  };
  const columns = spec.columns.map((c) => ({ ...c, transforms: c.transforms.map(redactTransform) }));
  for (const d of spec.peculiar.decisions) listed.add(String(d.value));
  const decisions = spec.peculiar.decisions.map((d) => ({ ...d, value: placeholder() }));

  const lowest = new Map<string, number>();
  for (const c of spec.columns) {
    for (const t of c.transforms) {
      if (t.kind === 'generalize') lowest.set(t.hierarchy, Math.min(lowest.get(t.hierarchy) ?? Infinity, t.level));
    }
  }
  const hierarchies: HierarchySpec[] = [];
  for (const h of spec.hierarchies) {
    if (h.kind !== 'table') {
      hierarchies.push(h);
      continue;
    }
    const level = lowest.get(h.name);
    if (level === undefined) continue;
    const seen = new Set<string>();
    const rows: string[][] = [];
    for (const row of h.rows) {
      const kept = row.map((cell, i) => (i < level ? REDACTED : listed.has(cell) ? placeholder() : cell));
      // Rows that differ only in what was redacted merge; the value column stays unique, as a table needs.
      const k = JSON.stringify(kept.slice(Math.max(level, 1)));
      if (level > 0 && seen.has(k)) continue;
      seen.add(k);
      if (level > 0) kept[0] = placeholder();
      rows.push(kept);
    }
    hierarchies.push({ ...h, rows });
  }
  return { ...spec, columns, hierarchies, peculiar: { ...spec.peculiar, decisions } };
}
