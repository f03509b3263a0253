import type { DetectionResult } from '../core/detect/types.ts';
import { grcToHierarchy, parseGrc } from '../core/hierarchy/argus-grc.ts';
import { parseHierarchyCsv } from '../core/hierarchy/csv.ts';
import { applyEdits, emptySpec, findColumn } from '../core/spec/edit.ts';
import { maxLevel } from '../core/spec/check.ts';
import { parseSpec } from '../core/spec/parse.ts';
import { presetEdits, type PresetColumn } from '../core/spec/presets.ts';
import type { ColumnSpec, HierarchySpec, ReleaseSpec, Role } from '../core/spec/schema.ts';
import type { SpecFlags } from './spec-flags.ts';
import { UsageError } from './usage-error.ts';

export interface SpecSources {
  /** The loaded table and its columns. */
  table: string;
  columns: readonly { name: string; type: string }[];
  /** The --spec file, already parsed. */
  base?: ReleaseSpec;
  /** Identifier detection, needed for --preset. */
  detection?: DetectionResult;
  /** Reads a hierarchy file named on the command line. */
  readFile(path: string): Uint8Array;
  /** Distinct values of a column (see columnValues): the rows of a hierarchy built from μ-ARGUS recodes. */
  values?(column: string): readonly string[];
}

/**
 * The μ-ARGUS recode files of `--hierarchy col=a.grc+b.grc` (levels 1, 2, … in that order), or
 * null for an ARX CSV. A '+' splits only when every part is a .grc file, so `x+y.csv` is one file.
 */
export function grcFiles(path: string): string[] | null {
  const parts = path.split('+').map((p) => p.trim());
  const isGrc = (p: string) => /\.grc$/i.test(p);
  if (parts.every(isGrc)) return parts;
  return isGrc(path) ? [path] : null;
}

/**
 * The release spec a command works with: the --spec file, or a preset over the detected roles,
 * or an empty spec; then the flags on top (roles of --qi/--sensitive, ARX hierarchies and levels,
 * the privacy model). The result is validated as any spec file is.
 */
export function specFromFlags(flags: SpecFlags, src: SpecSources): ReleaseSpec {
  const names = src.columns.map((c) => c.name);
  const known = (column: string, option: string) => {
    if (!names.includes(column)) throw new UsageError('cli.error.noSuchColumn', { option, column, columns: names.join(', ') });
  };
  for (const c of flags.qi ?? []) known(c, '--qi');
  if (flags.sensitive !== undefined) known(flags.sensitive, '--sensitive');
  for (const h of flags.hierarchies) known(h.column, '--hierarchy');
  for (const c of flags.levels.keys()) known(c, '--levels');
  for (const c of flags.importance.keys()) known(c, '--importance');
  if (flags.subject !== undefined) known(flags.subject, '--subject');
  if (flags.sensitive !== undefined && flags.qi?.includes(flags.sensitive)) {
    throw new UsageError('cli.error.sensitiveIsQuasi', { column: flags.sensitive });
  }
  // Without --qi, the columns given hierarchies or levels are the quasi-identifiers the user means.
  const qi = flags.qi ?? (flags.hierarchies.length || flags.levels.size ? [...new Set([...flags.hierarchies.map((h) => h.column), ...flags.levels.keys()])] : undefined);
  const roleFor = (name: string, current: Role): Role => {
    if (name === flags.sensitive) return 'sensitive';
    if (qi?.includes(name)) return 'quasi';
    return qi !== undefined && current === 'quasi' ? 'other' : current;
  };

  let spec: ReleaseSpec;
  if (src.base) spec = src.base;
  else if (flags.preset) {
    const columns: PresetColumn[] = src.detection!.columns.map((c) => ({
      name: c.name,
      type: c.type,
      role: roleFor(c.name, c.role),
      category: c.category,
      freeText: c.freeText,
    }));
    const opts = { ...(flags.k !== undefined ? { k: flags.k } : {}), ...(flags.suppression !== undefined ? { suppressionLimit: flags.suppression } : {}) };
    spec = applyEdits(emptySpec(), presetEdits(flags.preset, columns, opts));
  } else spec = emptySpec();

  const setColumn = (name: string, change: (c: ColumnSpec) => ColumnSpec) => {
    const current = findColumn(spec, src.table, name) ?? { name, role: 'other' as Role, transforms: [] };
    const next = change(current);
    const i = spec.columns.indexOf(current);
    spec = { ...spec, columns: i < 0 ? [...spec.columns, next] : spec.columns.map((c, j) => (j === i ? next : c)) };
  };
  for (const name of names) {
    const entry = findColumn(spec, src.table, name);
    const wanted = roleFor(name, entry?.role ?? 'other');
    if (entry ? entry.role !== wanted : wanted !== 'other') setColumn(name, (c) => ({ ...c, role: wanted }));
  }

  const hierarchies: HierarchySpec[] = flags.hierarchies.map(({ column, path }) => {
    const grc = grcFiles(path);
    if (grc) return grcToHierarchy(column, grc.map((p) => parseGrc(src.readFile(p), p)), src.values?.(column) ?? []);
    return { name: column, kind: 'table', rows: parseHierarchyCsv(src.readFile(path), { name: path, column }).rows.map((r) => [...r]) };
  });
  for (const h of hierarchies) {
    spec = { ...spec, hierarchies: [...spec.hierarchies.filter((x) => x.name !== h.name), h] };
    const level = flags.levels.get(h.name) ?? 0;
    if (level > maxLevel(h)) throw new UsageError('cli.error.levelTooHigh', { column: h.name, level, max: maxLevel(h) });
    setColumn(h.name, (c) => ({ ...c, transforms: [{ kind: 'generalize', hierarchy: h.name, level }] }));
  }
  for (const [column, level] of flags.levels) {
    if (hierarchies.some((h) => h.name === column)) continue;
    const entry = findColumn(spec, src.table, column);
    const g = entry?.transforms.find((t) => t.kind === 'generalize');
    if (!entry || !g || g.kind !== 'generalize') throw new UsageError('cli.error.levelsWithoutHierarchy', { column });
    const h = spec.hierarchies.find((x) => x.name === g.hierarchy);
    if (h && level > maxLevel(h)) throw new UsageError('cli.error.levelTooHigh', { column, level, max: maxLevel(h) });
    setColumn(column, (c) => ({ ...c, transforms: c.transforms.map((t) => (t === g ? { ...g, level } : t)) }));
  }

  const model = { ...spec.model };
  if (flags.k !== undefined) model.k = flags.k;
  if (flags.suppression !== undefined) model.suppressionLimit = flags.suppression;
  if (flags.l) model.l = flags.l;
  if (flags.t) model.t = flags.t;
  if (flags.suppressionMethod !== undefined) model.suppression = flags.suppressionMethod;
  if (flags.importance.size) {
    if (model.suppression !== 'cells') throw new UsageError('cells.error.importanceWithoutCells');
    const qis = names.filter((n) => findColumn(spec, src.table, n)?.role === 'quasi');
    for (const column of flags.importance.keys()) {
      if (!qis.includes(column)) throw new UsageError('cells.error.importanceNotQuasi', { column, qis: qis.join(', ') });
    }
    model.importance = { ...model.importance, ...Object.fromEntries(flags.importance) };
  }
  spec = { ...spec, model };
  return parseSpec(spec);
}
