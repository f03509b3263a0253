import { isTokumeiError } from '../core/errors.ts';
import type { Lang } from '../core/i18n/catalog.ts';
import { utf8WithBom } from '../core/release/csv-text.ts';
import { addToLedger, ledgerCsv, parseLedger, serializeLedger, type LedgerEntry } from '../core/release/ledger.ts';

/**
 * The browser's provision ledger (提供台帳): the versioned JSON of core's serializeLedger in
 * localStorage, the same file format `tokumei ledger` keeps, so one can be imported into the
 * other. Every change reads the stored ledger again first, so two tabs do not overwrite each
 * other's entries.
 */
export const LEDGER_STORAGE_KEY = 'tokumei.ledger';

export type LedgerStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readLedgerFrom(storage: LedgerStorage): LedgerEntry[] {
  const text = storage.getItem(LEDGER_STORAGE_KEY);
  return text ? parseLedger(text) : [];
}

function write(storage: LedgerStorage, entries: readonly LedgerEntry[]): void {
  storage.setItem(LEDGER_STORAGE_KEY, serializeLedger(entries));
}

/** Records a package just made; the same package twice stays one entry. */
export function addLedgerEntry(storage: LedgerStorage, entry: LedgerEntry): LedgerEntry[] {
  const next = addToLedger(readLedgerFrom(storage), entry);
  write(storage, next);
  return next;
}

export interface ImportOutcome {
  entries: LedgerEntry[];
  /** New entries. */
  added: number;
  /** Entries already here, identical. */
  known: number;
  /** Package hashes here with other details: kept as they were, not overwritten. */
  conflicts: string[];
}

/** Merges a ledger file (e.g. the CLI's ledger.json) into the stored one. */
export function importLedgerText(storage: LedgerStorage, text: string): ImportOutcome {
  const incoming = parseLedger(text);
  let entries = readLedgerFrom(storage);
  let added = 0;
  let known = 0;
  const conflicts: string[] = [];
  for (const e of incoming) {
    const before = entries.length;
    try {
      entries = addToLedger(entries, e);
    } catch (err) {
      if (isTokumeiError(err) && err.key === 'release.ledger.duplicate') {
        conflicts.push(e.packageSha256);
        continue;
      }
      throw err;
    }
    if (entries.length > before) added++;
    else known++;
  }
  write(storage, entries);
  return { entries, added, known, conflicts };
}

/** The ledger as a CSV file for Excel: UTF-8 with BOM, headers in the user's language. */
export function ledgerCsvFile(entries: readonly LedgerEntry[], lang: Lang): Uint8Array {
  return utf8WithBom(ledgerCsv(entries, { header: lang }));
}

/** The ledger file itself, for `tokumei ledger --ledger` or another browser. */
export function ledgerJsonFile(entries: readonly LedgerEntry[]): string {
  return serializeLedger(entries);
}
