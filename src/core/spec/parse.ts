import { TokumeiError } from '../errors.ts';
import { checkSpec } from './check.ts';
import { SpecError, fromZodIssues, type SpecIssue } from './issues.ts';
import { migrateSpec, SPEC_MIGRATIONS, type SpecMigration } from './migrate.ts';
import { ReleaseSpecSchema, type ReleaseSpec, type ReleaseSpecInput } from './schema.ts';

export type SpecValidation = { ok: true; spec: ReleaseSpec } | { ok: false; issues: SpecIssue[] };

/** Upgrade, check the shape, then the cross-field rules; every problem is reported, not only the first. */
export function validateSpec(json: unknown, migrations: readonly SpecMigration[] = SPEC_MIGRATIONS): SpecValidation {
  let upgraded: unknown;
  try {
    upgraded = migrateSpec(json, migrations);
  } catch (e) {
    if (e instanceof SpecError) return { ok: false, issues: [...e.issues] };
    throw e;
  }
  const parsed = ReleaseSpecSchema.safeParse(upgraded, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  const issues = checkSpec(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, spec: parsed.data };
}

/** A valid, current-version spec with defaults filled in, or a SpecError listing every issue. */
export function parseSpec(json: unknown, migrations?: readonly SpecMigration[]): ReleaseSpec {
  const r = validateSpec(json, migrations);
  if (!r.ok) throw new SpecError(r.issues);
  return r.spec;
}

/** Opens a spec file's text. */
export function parseSpecJson(text: string, migrations?: readonly SpecMigration[]): ReleaseSpec {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (cause) {
    throw new TokumeiError('spec.json.syntax', { detail: cause instanceof Error ? cause.message : String(cause) }, { cause });
  }
  return parseSpec(json, migrations);
}

/**
 * The file form of a spec: keys in schema order whatever order they were written or
 * edited in, two-space indent, LF, final newline. The same spec always gives the same
 * bytes, so specs can be hashed, diffed and put in a release package. Only the shape is
 * required here (a draft with an unresolved reference can still be saved); parseSpec
 * applies the full checks when the file is opened or used.
 */
export function serializeSpec(spec: ReleaseSpec | ReleaseSpecInput): string {
  const parsed = ReleaseSpecSchema.safeParse(spec, { reportInput: true });
  if (!parsed.success) throw new SpecError(fromZodIssues(parsed.error.issues));
  return JSON.stringify(parsed.data, null, 2) + '\n';
}
