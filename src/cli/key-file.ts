import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { TokumeiError } from '../core/errors.ts';
import { PseudonymKey } from '../core/pseudonymize/key.ts';
import { findColumn } from '../core/spec/edit.ts';
import type { OpenedInput } from './open-input.ts';

export interface KeyChoice {
  /** The key to apply the spec with; undefined when the spec needs none. */
  key?: PseudonymKey;
  /** Where a newly generated key was saved (next to the output), or null. */
  generatedFile: string | null;
  /** The --key file, or null. */
  givenFile: string | null;
}

/** Whether the spec pseudonymizes or shifts dates in a column of the table: then it needs the key. */
export function specNeedsKey(input: OpenedInput): boolean {
  return input.columns.some((c) => findColumn(input.spec, input.table, c.name)?.transforms.some((x) => x.kind === 'pseudonymize' || x.kind === 'dateShift'));
}

/**
 * The --key file's key, or, when the spec needs one and none was given, a new random key saved
 * as `<out>.key` (raw 32 bytes, owner-only permissions). An existing file is never overwritten:
 * it may be the key of an earlier release, and losing it would unlink the pseudonyms.
 */
export async function ensureKey(input: OpenedInput, out: string): Promise<KeyChoice> {
  if (input.key) return { key: input.key, generatedFile: null, givenFile: input.keyFile ?? null };
  if (!specNeedsKey(input)) return { generatedFile: null, givenFile: null };
  const path = `${out}.key`;
  const key = await PseudonymKey.generate({ extractable: true });
  const bytes = await key.exportBytes();
  try {
    writeFileSync(path, bytes, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new TokumeiError('cli.error.keyExists', { path });
    throw new TokumeiError('cli.error.writeFailed', { path, detail: (e as Error).message }, { cause: e });
  } finally {
    bytes.fill(0);
  }
  return { key, generatedFile: path, givenFile: null };
}

export function forgetKeyFile(path: string): void {
  rmSync(path, { force: true });
}
