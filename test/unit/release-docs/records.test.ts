import { describe, expect, it } from 'vitest';
import { t } from '../../../src/core/i18n/catalog.ts';
import { creationRecord, creationRecordBytes } from '../../../src/core/release/creation-record.ts';
import { specSha256, validateProvision } from '../../../src/core/release/facts.ts';
import { provisionRecord, provisionRecordBytes } from '../../../src/core/release/provision-record.ts';
import { sha256Hex } from '../../../src/core/spec/digest.ts';
import { renderIssue } from '../../../src/core/spec/issues.ts';
import { fixtureFacts, fixtureProvision, fixtureRisk, hex, SECRET_CELL, SECRET_GENERALIZED_KEEP, SECRET_RECORD } from './fixture.ts';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('creation record (作成記録)', () => {
  const facts = fixtureFacts(undefined, {
    overrides: [{ id: 'kUnmet', kind: 'kUnmet', key: 'release.gate.kUnmet', params: { k: 5, measured: 3 }, reason: '審査委員会で承認済み（議事録 12）' }],
  });
  const record = creationRecord(facts);
  const text = decode(creationRecordBytes(facts));

  it('carries the hashes, counts, seed, people, time and versions', () => {
    expect(record).toMatchObject({
      format: 'tokumei-creation-record',
      version: 1,
      createdAt: '2025-04-01T09:30:00.000Z',
      operator: '山田 花子',
      approver: '佐藤 一郎',
      mode: 'anonymized',
      spec: { sha256: hex('c') },
      sources: [{ name: 'patients', sha256: hex('a'), rows: 1000, columns: 8 }],
      exclusion: { sha256: hex('b'), count: 3, recordsRemoved: 10, subjects: 2 },
      data: { rowsBefore: 1000, rowsAfter: 980, columnsBefore: 8, columnsAfter: 7, columnsDropped: 1 },
      seed: '0123456789abcdef',
      versions: { tokumei: '0.1.0', duckdb: 'v1.4.3' },
      model: { k: 5, l: null, t: null, maxRisk: null, suppressionLimit: 0.05 },
    });
    expect(record.metrics).toMatchObject({ minClassSize: 5, suppressedRecords: 10, prosecutor: { highestRisk: 0.2 }, utility: { loss: 0.3125 } });
  });

  it('keeps the cell-suppression report but not its running time, so the record is reproducible', () => {
    const cells = { k: 5, columns: ['性別'], importance: { 性別: 1 }, suppressedCells: 3, byColumn: { 性別: 3 }, recordsTouched: 3, recordsAtRiskBefore: 3, minFrequency: 5 };
    const a = creationRecord(fixtureFacts(undefined, { risk: fixtureRisk({ cellSuppression: { ...cells, ms: 1.5 } }) }));
    const b = creationRecord(fixtureFacts(undefined, { risk: fixtureRisk({ cellSuppression: { ...cells, ms: 99 } }) }));
    expect(a.metrics.cellSuppression).toEqual(cells);
    expect(a).toEqual(b);
    expect(a.model.suppression).toBe('records');
  });

  it('keeps every override with its reason', () => {
    expect(record.overrides).toEqual([{ id: 'kUnmet', kind: 'kUnmet', key: 'release.gate.kUnmet', params: { k: 5, measured: 3 }, reason: '審査委員会で承認済み（議事録 12）' }]);
  });

  it('lists peculiar decisions by column, action, reason and count, without values', () => {
    expect(record.peculiar).toEqual([
      { table: null, column: '性別', action: 'suppressRecord', reason: '極めてまれな値', records: 6 },
      { table: null, column: '性別', action: 'keep', reason: '分析上必要', records: 10 },
      { table: null, column: '生年月日', action: 'keep', reason: '一般化で吸収される', records: 1 },
    ]);
    for (const secret of [SECRET_CELL, SECRET_RECORD, SECRET_GENERALIZED_KEEP]) expect(text).not.toContain(secret);
  });

  it('is canonical JSON, the same bytes every time', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(record)));
    expect(decode(creationRecordBytes(fixtureFacts(undefined, { overrides: facts.overrides })))).toBe(text);
    expect(text.indexOf('"approver"')).toBeLessThan(text.indexOf('"createdAt"'));
  });

  it('refuses a creation time that is not an ISO UTC instant', () => {
    expect(() => creationRecord(fixtureFacts(undefined, { createdAt: '2025/04/01 09:30' }))).toThrow(/release.error.createdAt/);
    expect(() => creationRecord(fixtureFacts(undefined, { createdAt: '2025-04-01T09:30:00+09:00' }))).toThrow(/release.error.createdAt/);
  });

  it('hashes spec.json bytes with SHA-256', async () => {
    const bytes = new TextEncoder().encode('{"version":1}\n');
    expect(await specSha256(bytes)).toBe(await sha256Hex(bytes));
    expect(await specSha256(new TextEncoder().encode(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('provision record (提供記録)', () => {
  const facts = fixtureFacts();

  it('records recipient, request, purpose, items, delivery, retention and deadline', () => {
    const r = provisionRecord(facts, fixtureProvision());
    expect(r).toEqual({
      format: 'tokumei-provision-record',
      version: 1,
      mode: 'anonymized',
      providedAt: '2025-04-01T09:30:00.000Z',
      recipient: '○○大学 医学部',
      recipientType: 'other',
      requestId: 'REQ-2025-001',
      reviewId: 'REV-7',
      purpose: '糖尿病の疫学研究',
      items: ['患者ID', '生年月日', '性別', '郵便番号', '病名', '検査値', '来院日'],
      rows: 980,
      deliveryMethod: '暗号化 USB メモリを手渡し',
      retention: '研究終了まで（最長 3 年）',
      deletionDeadline: '2028-03-31',
      specSha256: hex('c'),
      sourceSha256s: [hex('a')],
      operator: '山田 花子',
      approver: '佐藤 一郎',
    });
  });

  it('keeps items as given, and reviewId null when absent', () => {
    const r = provisionRecord(facts, fixtureProvision({ items: ['年齢階級', '性別'], reviewId: undefined }));
    expect(r.items).toEqual(['年齢階級', '性別']);
    expect(r.reviewId).toBeNull();
  });

  it('is the same bytes every time', () => {
    expect(decode(provisionRecordBytes(facts, fixtureProvision()))).toBe(decode(provisionRecordBytes(fixtureFacts(), fixtureProvision())));
  });
});

describe('validateProvision', () => {
  it('accepts a complete provision', () => {
    const r = validateProvision(fixtureProvision());
    expect(r.ok).toBe(true);
  });

  it('names the path of each problem in Japanese and English', () => {
    const r = validateProvision({ ...fixtureProvision(), recipient: '  ', recipientType: 'friend', deletionDeadline: '2028-02-30', extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path).sort();
    expect(paths).toEqual(['provision', 'provision.deletionDeadline', 'provision.recipient', 'provision.recipientType']);
    const deadline = r.issues.find((i) => i.path === 'provision.deletionDeadline')!;
    expect(renderIssue('ja', deadline)).toBe('provision.deletionDeadline: 実在する日付を YYYY-MM-DD 形式で指定してください。');
    expect(renderIssue('en', deadline)).toBe('provision.deletionDeadline: a real date written as YYYY-MM-DD is required.');
    const type = r.issues.find((i) => i.path === 'provision.recipientType')!;
    expect(renderIssue('en', type)).toContain('"certifiedUser"');
  });

  it('reports missing fields as required', () => {
    const r = validateProvision({ recipient: 'X' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const required = r.issues.filter((i) => i.key === 'spec.issue.required').map((i) => i.path).sort();
    expect(required).toEqual(['provision.deletionDeadline', 'provision.deliveryMethod', 'provision.purpose', 'provision.recipientType', 'provision.requestId', 'provision.retention']);
    const purpose = r.issues.find((i) => i.path === 'provision.purpose')!;
    expect(t('ja', purpose.key, purpose.params)).toBe('provision.purpose: 必須の項目がありません。');
  });
});
