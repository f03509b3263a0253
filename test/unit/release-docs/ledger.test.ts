import { describe, expect, it } from 'vitest';
import { t } from '../../../src/core/i18n/catalog.ts';
import {
  addToLedger,
  dueForDeletion,
  ledgerCsv,
  ledgerEntry,
  localDay,
  parseLedger,
  searchLedger,
  serializeLedger,
  type LedgerEntry,
} from '../../../src/core/release/ledger.ts';
import { readCsv } from './csv.ts';
import { fixtureFacts, fixtureProvision, hex } from './fixture.ts';

const entry = (over: Partial<LedgerEntry>): LedgerEntry => ({
  packageSha256: hex('1'),
  createdAt: '2025-04-01T00:00:00.000Z',
  recipient: '○○大学 医学部',
  recipientType: 'other',
  requestId: 'REQ-1',
  purpose: '糖尿病の疫学研究',
  mode: 'anonymized',
  deletionDeadline: '2026-03-31',
  sourceSha256s: [hex('a')],
  exclusionSha256: hex('b'),
  rows: 980,
  ...over,
});

const entries = [
  entry({}),
  entry({ packageSha256: hex('2'), createdAt: '2025-05-10T23:30:00.000Z', recipient: 'ＡＢＣ製薬 株式会社', recipientType: 'certifiedUser', requestId: 'REQ-2', purpose: '薬剤の安全性評価', mode: 'pseudonymized', deletionDeadline: '2025-12-31', sourceSha256s: [hex('a'), hex('d')] }),
  entry({ packageSha256: hex('3'), createdAt: '2025-06-01T02:00:00.000Z', recipient: '△△病院', requestId: 'REQ-3', reviewId: 'REV-9', purpose: '医療の質の評価', deletionDeadline: '2027-06-30', sourceSha256s: [hex('e')], exclusionSha256: null }),
];
const shas = (list: LedgerEntry[]) => list.map((e) => e.packageSha256[0]);

describe('searchLedger', () => {
  it('finds free text in recipient, request, review and purpose, ignoring case and width', () => {
    expect(shas(searchLedger(entries, { text: 'abc' }))).toEqual(['2']);
    expect(shas(searchLedger(entries, { text: 'rev-9' }))).toEqual(['3']);
    expect(shas(searchLedger(entries, { text: '研究 大学' }))).toEqual(['1']);
    expect(shas(searchLedger(entries, { text: '評価' }))).toEqual(['2', '3']);
    expect(searchLedger(entries, { text: '存在しない' })).toEqual([]);
  });

  it('filters by recipient type and mode', () => {
    expect(shas(searchLedger(entries, { recipientType: 'certifiedUser' }))).toEqual(['2']);
    expect(shas(searchLedger(entries, { mode: 'anonymized' }))).toEqual(['1', '3']);
  });

  it('filters by creation day, in the user\'s time zone', () => {
    expect(shas(searchLedger(entries, { createdFrom: '2025-05-10', createdTo: '2025-05-10' }))).toEqual(['2']);
    // 23:30 UTC on 10 May is 11 May in Japan.
    expect(shas(searchLedger(entries, { createdFrom: '2025-05-11', createdTo: '2025-05-11', utcOffsetMinutes: 540 }))).toEqual(['2']);
    expect(localDay('2025-05-10T23:30:00.000Z', 540)).toBe('2025-05-11');
    expect(shas(searchLedger(entries, { createdFrom: '2025-04-02' }))).toEqual(['2', '3']);
  });

  it('finds the packages made from an extract, and a package by its hash or a prefix of it', () => {
    expect(shas(searchLedger(entries, { sourceSha256: hex('a') }))).toEqual(['1', '2']);
    expect(shas(searchLedger(entries, { sourceSha256: 'DDDDDDDD' }))).toEqual(['2']);
    expect(searchLedger(entries, { sourceSha256: 'ddd' })).toEqual([]); // too short to mean one extract
    expect(shas(searchLedger(entries, { packageSha256: hex('3') }))).toEqual(['3']);
  });

  it('finds deletion deadlines on or before a day, combined with other conditions', () => {
    expect(shas(searchLedger(entries, { deadlineBy: '2026-03-31' }))).toEqual(['1', '2']);
    expect(shas(searchLedger(entries, { deadlineBy: '2026-03-31', mode: 'anonymized' }))).toEqual(['1']);
  });
});

describe('dueForDeletion', () => {
  it('lists packages past or at their deadline, soonest first, optionally some days ahead', () => {
    expect(shas(dueForDeletion(entries, '2026-03-30'))).toEqual(['2']);
    expect(shas(dueForDeletion(entries, '2026-03-31'))).toEqual(['2', '1']);
    expect(shas(dueForDeletion(entries, '2026-03-01', { withinDays: 30 }))).toEqual(['2', '1']);
    expect(dueForDeletion(entries, '2025-01-01')).toEqual([]);
  });
});

describe('ledgerCsv', () => {
  it('writes one row per entry under stable field names, source hashes separated by spaces', () => {
    const rows = readCsv(ledgerCsv(entries));
    expect(rows[0]).toEqual(['packageSha256', 'createdAt', 'recipient', 'recipientType', 'requestId', 'reviewId', 'purpose', 'mode', 'deletionDeadline', 'sourceSha256s', 'exclusionSha256', 'rows']);
    expect(rows[2][9]).toBe(`${hex('a')} ${hex('d')}`);
    expect(rows[3][5]).toBe('REV-9');
    expect(rows[3][10]).toBe('');
    expect(rows).toHaveLength(4);
  });

  it('can label the columns in Japanese or English', () => {
    expect(readCsv(ledgerCsv([], { header: 'ja' }))[0].slice(0, 3)).toEqual(['パッケージ SHA-256', '作成日時', '提供先']);
    expect(readCsv(ledgerCsv([], { header: 'en' }))[0][8]).toBe('Deletion deadline');
  });

  it('neutralizes cells that a spreadsheet would run as formulas', () => {
    const evil = [
      entry({ recipient: '=cmd|"/c calc"!A1', requestId: '+SUM(1)', purpose: '-2+3', reviewId: '@here' }),
      entry({ packageSha256: hex('9'), recipient: '\tTAB', requestId: '\rCR', purpose: 'a=b (not at start)' }),
    ];
    const rows = readCsv(ledgerCsv(evil));
    expect(rows[1].slice(2, 7)).toEqual([`'=cmd|"/c calc"!A1`, 'other', `'+SUM(1)`, `'@here`, `'-2+3`]);
    expect(rows[2].slice(2, 7)).toEqual([`'\tTAB`, 'other', `'\rCR`, '', 'a=b (not at start)']);
    for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('ledger storage', () => {
  it('round-trips through its versioned JSON, ordered by creation time', () => {
    const text = serializeLedger([entries[2], entries[0], entries[1]]);
    expect(JSON.parse(text)).toMatchObject({ format: 'tokumei-provision-ledger', version: 1 });
    expect(parseLedger(text)).toEqual(entries);
    expect(serializeLedger(parseLedger(text))).toBe(text);
    expect(parseLedger('\ufeff' + text)).toEqual(entries);
  });

  it('refuses broken, newer or invalid files with a message naming the problem', () => {
    expect(() => parseLedger('{')).toThrow(/release.ledger.syntax/);
    expect(() => parseLedger(JSON.stringify({ format: 'tokumei-provision-ledger', version: 2, entries: [] }))).toThrow(/release.ledger.newerVersion/);
    try {
      parseLedger(JSON.stringify({ format: 'tokumei-provision-ledger', version: 1, entries: [{ ...entries[0], deletionDeadline: '2026-02-30' }] }));
      expect.unreachable();
    } catch (e) {
      const err = e as { key: 'release.ledger.invalid'; params: Record<string, string> };
      expect(err.key).toBe('release.ledger.invalid');
      expect(t('ja', err.key, err.params)).toBe('提供台帳の entries[0].deletionDeadline が正しくありません。');
    }
  });

  it('adds entries in order; the same package twice is harmless, a different entry for it is refused', () => {
    let list = addToLedger([], entries[1]);
    list = addToLedger(list, entries[0]);
    expect(list).toEqual([entries[0], entries[1]]);
    expect(addToLedger(list, { ...entries[0] })).toEqual(list);
    expect(() => addToLedger(list, { ...entries[0], recipient: '別の提供先' })).toThrow(/release.ledger.duplicate/);
    expect(() => addToLedger(list, { ...entries[2], packageSha256: 'xyz' })).toThrow(/release.ledger.invalid/);
  });

  it('makes an entry from the facts, the provision and the package hash', () => {
    const e = ledgerEntry(fixtureFacts(), fixtureProvision(), hex('f'));
    expect(e).toEqual({
      packageSha256: hex('f'),
      createdAt: '2025-04-01T09:30:00.000Z',
      recipient: '○○大学 医学部',
      recipientType: 'other',
      requestId: 'REQ-2025-001',
      reviewId: 'REV-7',
      purpose: '糖尿病の疫学研究',
      mode: 'anonymized',
      deletionDeadline: '2028-03-31',
      sourceSha256s: [hex('a')],
      exclusionSha256: hex('b'),
      rows: 980,
    });
    expect(addToLedger([], e)).toEqual([e]);
  });
});
