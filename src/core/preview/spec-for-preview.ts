import { releaseBlocker } from '../compile/compile.ts';
import { emptySpec, findColumn } from '../spec/edit.ts';
import type { ColumnSpec, ReleaseSpec } from '../spec/schema.ts';

/**
 * The spec as the suppression preview applies it to one table. A draft is previewed as far as
 * it goes: a column a release blocker concerns (an identifier neither dropped nor pseudonymized,
 * uncleared free text) is held back, as if dropped, but still removes the records its
 * suppressRecord transforms list, so the removed records are those the finished spec will
 * remove. Columns the spec does not mention are left out (`unlisted: 'drop'`). A spec written
 * for other tables only is not used.
 */
export function specForPreview(spec: ReleaseSpec | null, table: string): { spec: ReleaseSpec; held: string[] } {
  const forTable = spec && (spec.sources.tables.length === 0 || spec.sources.tables.some((t) => t.name === table));
  if (!spec || !forTable) return { spec: emptySpec(spec?.release.mode ?? 'anonymized'), held: [] };
  const held: string[] = [];
  const columns = spec.columns.map((c): ColumnSpec => {
    if (c.table !== undefined && c.table !== table) return c;
    // Only the entry that applies to this table (findColumn's choice) is reworked.
    if (findColumn(spec, table, c.name) !== c || releaseBlocker(c) === null) return c;
    held.push(c.name);
    const removing = c.transforms.filter((t) => t.kind === 'suppressRecord');
    return { table: c.table, name: c.name, role: 'other', transforms: removing.length ? removing : [{ kind: 'drop' }] };
  });
  return { spec: { ...spec, columns }, held };
}
