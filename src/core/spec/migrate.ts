import { SpecError, specIssue } from './issues.ts';
import { SPEC_VERSION } from './schema.ts';

/**
 * One step in the upgrade path: turns a spec of version `from` into one of version
 * `from + 1`. It receives a private deep copy, so it may edit in place.
 */
export interface SpecMigration {
  from: number;
  up(spec: Record<string, unknown>): Record<string, unknown>;
}

/** v1 is the first published version, so there is nothing to upgrade yet. Add steps here. */
export const SPEC_MIGRATIONS: readonly SpecMigration[] = [];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Upgrades a parsed spec JSON of any known older version to the current one (the input
 * is not modified). Structure is not validated here; the schema does that afterwards.
 */
export function migrateSpec(json: unknown, migrations: readonly SpecMigration[] = SPEC_MIGRATIONS, target = SPEC_VERSION): Record<string, unknown> {
  if (!isPlainObject(json)) throw new SpecError([specIssue([], 'spec.issue.expectedObject')]);
  const version = json.version;
  if (version === undefined) throw new SpecError([specIssue(['version'], 'spec.version.missing', { current: target })]);
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new SpecError([specIssue(['version'], 'spec.issue.expectedInt')]);
  }
  if (version > target) throw new SpecError([specIssue(['version'], 'spec.version.tooNew', { version, current: target })]);
  let spec = structuredClone(json);
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new SpecError([specIssue(['version'], 'spec.version.unsupported', { version, current: target })]);
    spec = { ...step.up(spec), version: v + 1 };
  }
  return spec;
}
