import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { TokumeiError } from '../core/errors.ts';
import { addToLedger, parseLedger, serializeLedger, type LedgerEntry } from '../core/release/ledger.ts';

/** --ledger, else TOKUMEI_LEDGER, else the user's data folder: one ledger per workstation by default. */
export function ledgerPath(cwd: string, given: string | undefined): string {
  if (given) return resolve(cwd, given);
  if (process.env.TOKUMEI_LEDGER) return resolve(cwd, process.env.TOKUMEI_LEDGER);
  const data = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'tokumei', 'ledger.json');
}

export function readLedger(path: string): LedgerEntry[] {
  if (!existsSync(path)) return [];
  try {
    return parseLedger(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new TokumeiError('cliRelease.error.ledgerRead', { path, detail: (e as Error).message }, { cause: e });
  }
}

/** Appends an entry; the file is replaced whole (write then rename), so a crash never leaves half a ledger. */
export function appendLedger(path: string, entry: LedgerEntry): void {
  const next = addToLedger(readLedger(path), entry);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  try {
    writeFileSync(tmp, serializeLedger(next), { mode: 0o600 });
    renameSync(tmp, path);
  } catch (e) {
    throw new TokumeiError('cli.error.writeFailed', { path, detail: (e as Error).message }, { cause: e });
  }
}
