import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { parseLedger, type LedgerEntry } from '../../../src/core/release/ledger.ts';
import { appendLedger, readLedger } from '../../../src/cli/ledger-file.ts';
import { addLedgerEntry, importLedgerText, LEDGER_STORAGE_KEY, ledgerCsvFile, ledgerJsonFile, readLedgerFrom } from '../../../src/lib/ledger-storage.ts';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, v);
  }
}

const entry = (n: number, over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  packageSha256: String(n).repeat(64).slice(0, 64),
  createdAt: `2026-0${n}-01T00:00:00.000Z`,
  recipient: `提供先${n}`,
  recipientType: 'other',
  requestId: `REQ-${n}`,
  purpose: '研究',
  mode: 'anonymized',
  deletionDeadline: `2029-0${n}-28`,
  sourceSha256s: ['a'.repeat(64)],
  exclusionSha256: null,
  rows: 10 * n,
  ...over,
});

const work = mkdtempSync(join(tmpdir(), 'tokumei-ledger-ui-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('browser ledger storage', () => {
  it('keeps entries as the versioned ledger file, ordered by creation time; the same package twice is one entry', () => {
    const s = new MemoryStorage();
    expect(readLedgerFrom(s)).toEqual([]);
    addLedgerEntry(s, entry(3));
    addLedgerEntry(s, entry(1));
    expect(addLedgerEntry(s, entry(1)).map((e) => e.rows)).toEqual([10, 30]);
    const text = s.getItem(LEDGER_STORAGE_KEY)!;
    expect(JSON.parse(text)).toMatchObject({ format: 'tokumei-provision-ledger', version: 1 });
    expect(parseLedger(text)).toEqual([entry(1), entry(3)]);
    expect(() => addLedgerEntry(s, entry(1, { rows: 99 }))).toThrow(/release\.ledger\.duplicate/);
    expect(readLedgerFrom(s)).toHaveLength(2);
  });

  it('reads what another tab wrote before adding (no entry is lost)', () => {
    const s = new MemoryStorage();
    addLedgerEntry(s, entry(1));
    const other = new MemoryStorage();
    other.items.set(LEDGER_STORAGE_KEY, s.getItem(LEDGER_STORAGE_KEY)!);
    addLedgerEntry(other, entry(2));
    s.items.set(LEDGER_STORAGE_KEY, other.getItem(LEDGER_STORAGE_KEY)!);
    expect(addLedgerEntry(s, entry(3)).map((e) => e.rows)).toEqual([10, 20, 30]);
  });

  it('imports the CLI ledger file and gives a file the CLI reads', () => {
    const cliFile = join(work, 'ledger.json');
    appendLedger(cliFile, entry(2));
    appendLedger(cliFile, entry(4));
    const s = new MemoryStorage();
    addLedgerEntry(s, entry(1));
    addLedgerEntry(s, entry(4));
    const out = importLedgerText(s, readFileSync(cliFile, 'utf8'));
    expect([out.added, out.known, out.conflicts]).toEqual([1, 1, []]);
    expect(out.entries.map((e) => e.rows)).toEqual([10, 20, 40]);
    expect(readLedgerFrom(s)).toEqual(out.entries);

    // A package recorded with other details is not overwritten; it is reported.
    const clash = importLedgerText(s, ledgerJsonFile([entry(2, { recipient: '別の提供先' }), entry(5)]));
    expect(clash.added).toBe(1);
    expect(clash.conflicts).toEqual([entry(2).packageSha256]);
    expect(readLedgerFrom(s).find((e) => e.rows === 20)?.recipient).toBe('提供先2');

    const back = join(work, 'back.json');
    for (const e of readLedgerFrom(s)) appendLedger(back, e);
    expect(readLedger(back)).toEqual(readLedgerFrom(s));
  });

  it('refuses a file that is not a ledger, and leaves the stored one as it was', () => {
    const s = new MemoryStorage();
    addLedgerEntry(s, entry(1));
    const before = s.getItem(LEDGER_STORAGE_KEY);
    for (const text of ['{', '{"format":"other","version":1,"entries":[]}', '{"format":"tokumei-provision-ledger","version":9,"entries":[]}']) {
      let error: unknown;
      try {
        importLedgerText(s, text);
      } catch (e) {
        error = e;
      }
      expect(isTokumeiError(error) && error.key.startsWith('release.ledger.')).toBe(true);
    }
    expect(s.getItem(LEDGER_STORAGE_KEY)).toBe(before);
  });

  it('exports CSV with a BOM and headers in the user language', () => {
    const csv = ledgerCsvFile([entry(1)], 'ja');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(csv.subarray(3));
    expect(text.split('\r\n')[0]).toContain('削除期限');
    expect(text).toContain(entry(1).packageSha256);
    expect(new TextDecoder().decode(ledgerCsvFile([entry(1)], 'en'))).toContain('Deletion deadline');
  });
});
