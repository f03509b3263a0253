import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { PseudonymKey } from '../pseudonymize/key.ts';
import { ident } from '../sql/quote.ts';
import { findColumn } from '../spec/edit.ts';
import type { ColumnSpec, HierarchySpec, ReleaseSpec, Transform } from '../spec/schema.ts';

/**
 * What risk measurement and the search read from a spec for one table: which columns are
 * quasi-identifiers and which is the sensitive attribute, the spec reduced to them, the same
 * spec with the plain generalizations undone (the original values the hierarchies start from),
 * and the key to apply them with.
 */
export interface MeasurePlan {
  table: string;
  /** Columns of the table, in order. */
  names: string[];
  /** Released columns with role `quasi`, in table order. */
  qis: string[];
  /** The sensitive attribute, when one is named or the spec has exactly one; null otherwise. */
  sensitive: string | null;
  /** Released columns that are measured: the quasi-identifiers and the sensitive attribute. */
  measured: Set<string>;
  /** The spec reduced to the measurement (see measurementSpec). */
  released: ReleaseSpec;
  /** `released` with every plain generalization of a quasi-identifier removed. */
  original: ReleaseSpec;
  /** The given key, or a throwaway one when a measured column needs a key and none was given. */
  key: PseudonymKey | undefined;
  ephemeralKey: boolean;
}

export interface MeasurePlanOptions {
  sensitive?: string;
  /** A column kept as it is for the measurement (sampling weights), even if the spec drops it. */
  weight?: string;
  key?: PseudonymKey;
}

/** A column whose only transform is a generalization: measured against its hierarchy. */
export function isPlainGeneralization(c: ColumnSpec): boolean {
  return c.transforms.length === 1 && c.transforms[0].kind === 'generalize';
}

export async function planMeasurement(engine: SqlEngine, spec: ReleaseSpec, table: string, opts: MeasurePlanOptions = {}): Promise<MeasurePlan> {
  const names = (await engine.rows(`DESCRIBE ${ident(table)}`)).map((r) => String(r.column_name));
  const entryOf = (name: string) => findColumn(spec, table, name);
  const isReleased = (name: string) => {
    const e = entryOf(name);
    return e !== undefined && !e.transforms.some((t) => t.kind === 'drop');
  };
  for (const c of [opts.weight, opts.sensitive]) {
    if (c !== undefined && !names.includes(c)) throw new TokumeiError('spec.compile.columnMissing', { column: c, table });
  }
  const qis = names.filter((n) => entryOf(n)?.role === 'quasi' && isReleased(n));
  if (qis.length === 0) throw new TokumeiError('search.noColumns');
  const sensitives = names.filter((n) => entryOf(n)?.role === 'sensitive' && isReleased(n));
  const named = opts.sensitive ?? (sensitives.length === 1 ? sensitives[0] : undefined);
  const sensitive = named !== undefined && isReleased(named) ? named : null;
  const measured = new Set([...qis, ...(sensitive !== null ? [sensitive] : [])]);

  const released = measurementSpec(spec, table, names, measured, opts.weight);
  const original: ReleaseSpec = {
    ...released,
    columns: released.columns.map((c) => (qis.includes(c.name) && isPlainGeneralization(c) ? { ...c, transforms: [] } : c)),
  };
  const needsKey = released.columns.some((c) => c.transforms.some((t) => t.kind === 'pseudonymize' || t.kind === 'dateShift'));
  const ephemeralKey = needsKey && !opts.key;
  const key = opts.key ?? (needsKey ? await PseudonymKey.generate({ extractable: false }) : undefined);
  // A throwaway key cannot match the spec's key fingerprint; pseudonyms do not change the classes.
  const unpin = (s: ReleaseSpec): ReleaseSpec => (ephemeralKey ? { ...s, release: { ...s.release, keyFingerprint: undefined } } : s);
  return { table, names, qis, sensitive, measured, released: unpin(released), original: unpin(original), key, ephemeralKey };
}

/**
 * The spec reduced to what a measurement reads, for one table: the measured columns as the
 * spec releases them, the weight column as it is, and every column that removes records
 * (suppressRecord transforms, peculiar-value decisions) with only that effect. Everything else
 * is dropped, so no other column needs a key or blocks the measurement of a draft.
 */
export function measurementSpec(spec: ReleaseSpec, table: string, names: readonly string[], measured: ReadonlySet<string>, weight?: string): ReleaseSpec {
  const decisions = spec.peculiar.decisions.filter((d) => (d.table === undefined || d.table === table) && d.action === 'suppressRecord');
  const columns: ColumnSpec[] = names.map((name) => {
    const entry = findColumn(spec, table, name);
    const dropped = !entry || entry.transforms.some((t) => t.kind === 'drop');
    if (measured.has(name) && entry) return { name, role: entry.role, transforms: entry.transforms };
    if (name === weight) return { name, role: 'other', transforms: [] };
    const removing = entry?.transforms.filter((t) => t.kind === 'suppressRecord') ?? [];
    if (!dropped && (removing.length > 0 || decisions.some((d) => d.column === name))) return { name, role: 'other', transforms: removing };
    return { name, role: entry?.role ?? 'other', transforms: [{ kind: 'drop' }] };
  });
  return { ...spec, columns };
}

/** The hierarchy and level of a column whose only transform is a generalization; null for any other column. */
export function plainGeneralization(spec: ReleaseSpec, table: string, column: string): { hierarchy: HierarchySpec; level: number } | null {
  const entry = findColumn(spec, table, column);
  if (!entry || !isPlainGeneralization(entry)) return null;
  const g = entry.transforms[0] as Extract<Transform, { kind: 'generalize' }>;
  const hierarchy = spec.hierarchies.find((h) => h.name === g.hierarchy);
  return hierarchy ? { hierarchy, level: g.level } : null;
}
