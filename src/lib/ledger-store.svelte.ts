import { dueForDeletion, searchLedger, type LedgerEntry, type LedgerQuery } from '../core/release/ledger.ts';
import { addLedgerEntry, importLedgerText, LEDGER_STORAGE_KEY, readLedgerFrom, type ImportOutcome, type LedgerStorage } from './ledger-storage.ts';

/** The user's local calendar day (YYYY-MM-DD): deletion deadlines are days where the user is. */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Minutes east of UTC (Japan: 540), so "created on" a day means the user's day. */
export const utcOffsetMinutes = (now: Date = new Date()): number => -now.getTimezoneOffset();

/**
 * The provision ledger as the pages see it (a runes class): the export view adds to it, the
 * Ledger page lists, searches and exports it. Another tab's change arrives by the storage event.
 */
export class LedgerStore {
  entries = $state.raw<LedgerEntry[]>([]);
  /** Why the stored ledger could not be read (it is then left untouched). */
  error = $state.raw<unknown>(null);

  constructor(private readonly storage: LedgerStorage | null) {
    this.reload();
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (e) => {
        if (e.key === LEDGER_STORAGE_KEY) this.reload();
      });
    }
  }

  reload(): void {
    if (!this.storage) return;
    try {
      this.entries = readLedgerFrom(this.storage);
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  add(entry: LedgerEntry): void {
    if (!this.storage) throw new Error('no storage');
    this.entries = addLedgerEntry(this.storage, entry);
    this.error = null;
  }

  import(text: string): ImportOutcome {
    if (!this.storage) throw new Error('no storage');
    const out = importLedgerText(this.storage, text);
    this.entries = out.entries;
    this.error = null;
    return out;
  }

  search(q: LedgerQuery): LedgerEntry[] {
    return searchLedger(this.entries, { utcOffsetMinutes: utcOffsetMinutes(), ...q });
  }

  /** Packages due for deletion today or earlier, or within `withinDays`. */
  due(withinDays = 0, today = localToday()): Set<string> {
    return new Set(dueForDeletion(this.entries, today, { withinDays }).map((e) => e.packageSha256));
  }
}

function browserStorage(): LedgerStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage blocked by policy: the ledger cannot be kept here
  }
}

/** One ledger per browser profile and origin. */
export const ledgerStore = new LedgerStore(browserStorage());
