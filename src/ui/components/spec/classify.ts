import { releaseBlocker } from '../../../core/compile/compile.ts';
import type { DetectedColumn, DetectionResult } from '../../../core/detect/types.ts';
import type { MessageKey } from '../../../core/i18n/catalog.ts';
import { findColumn, type ColumnSpec, type PresetColumn, type ReleaseSpec, type Role, type SpecEdit } from '../../../core/spec/index.ts';

/** Where a column's role stands: not in the spec yet, as suggested, or changed by the user. */
export type RoleState = 'unset' | 'accepted' | 'overridden';

export interface ClassifyRow {
  name: string;
  type: string;
  detected: DetectedColumn | null;
  /** The spec entry that governs the column (one naming the table wins over a table-less one). */
  entry: ColumnSpec | null;
  role: Role | null;
  freeText: boolean;
  state: RoleState;
  /** Why the column cannot be released as it stands, if it cannot. */
  blocker: MessageKey | null;
}

export function classifyRows(
  columns: readonly { name: string; type: string }[],
  detection: DetectionResult | null,
  spec: ReleaseSpec,
  table: string,
): ClassifyRow[] {
  const detected = new Map((detection?.table === table ? detection.columns : []).map((c) => [c.name, c]));
  return columns.map((c) => {
    const entry = findColumn(spec, table, c.name) ?? null;
    const d = detected.get(c.name) ?? null;
    const state: RoleState = !entry ? 'unset' : d && d.role === entry.role ? 'accepted' : d ? 'overridden' : 'accepted';
    return {
      name: c.name,
      type: c.type,
      detected: d,
      entry,
      role: entry?.role ?? null,
      freeText: entry ? entry.freeText === true : (d?.freeText ?? false),
      state,
      blocker: entry ? releaseBlocker(entry) : 'spec.compile.unlisted',
    };
  });
}

/**
 * A new entry applies to every table with a column of that name, so a spec made on the
 * demo's 患者 also runs on patients.csv from the command line; an existing entry keeps
 * its table and its transforms.
 */
function entryFor(row: ClassifyRow, role: Role): ColumnSpec {
  if (row.entry) return { ...row.entry, role };
  const e: ColumnSpec = { name: row.name, role, transforms: [] };
  if (row.detected?.freeText) e.freeText = true;
  return e;
}

/** Set the role of the named columns (one undo step for the lot). Columns already in that role are left alone. */
export function roleEdits(rows: readonly ClassifyRow[], names: readonly string[], role: Role): SpecEdit[] {
  const wanted = new Set(names);
  return rows.filter((r) => wanted.has(r.name) && r.role !== role).map((r) => ({ op: 'setColumn', column: entryFor(r, role) }));
}

/** Accept the suggested role of the named columns (default: every column not in the spec yet). */
export function acceptEdits(rows: readonly ClassifyRow[], names?: readonly string[]): SpecEdit[] {
  const wanted = names ? new Set(names) : null;
  return rows
    .filter((r) => r.detected && (wanted ? wanted.has(r.name) : r.state === 'unset') && r.role !== r.detected.role)
    .map((r) => ({ op: 'setColumn', column: entryFor(r, r.detected!.role) }));
}

/** Mark a column as free text (or not); a column not in the spec yet gets its suggested role. */
export function freeTextEdit(row: ClassifyRow, freeText: boolean): SpecEdit | null {
  const role = row.role ?? row.detected?.role;
  if (!role) return null;
  const e = entryFor(row, role);
  if (freeText) e.freeText = true;
  else delete e.freeText;
  return { op: 'setColumn', column: e };
}

/** The columns as a preset sees them: the user's role where set, detection's otherwise. */
export function presetColumns(rows: readonly ClassifyRow[]): PresetColumn[] {
  return rows.map((r) => ({
    // An entry that names its table keeps naming it, so the preset's entry replaces it rather than hiding behind it.
    ...(r.entry?.table ? { table: r.entry.table } : {}),
    name: r.name,
    type: r.type,
    role: r.role ?? r.detected?.role ?? 'other',
    category: r.detected?.category ?? 'other',
    ...(r.freeText ? { freeText: true } : {}),
  }));
}

/** Whether some column has neither a role in the spec nor a suggestion yet (detection still running). */
export function rolesPending(rows: readonly ClassifyRow[]): boolean {
  return rows.some((r) => r.role === null && r.detected === null);
}

/** Counts per role (null = not classified yet), for the summary line. */
export function roleCounts(rows: readonly ClassifyRow[]): Record<Role | 'unset', number> {
  const out = { identifier: 0, quasi: 0, sensitive: 0, other: 0, unset: 0 };
  for (const r of rows) out[r.role ?? 'unset']++;
  return out;
}
