import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { PseudonymKey } from '../../../src/core/pseudonymize/key.ts';
import { buildPackage, type PackageRequest } from '../../../src/core/release/package.ts';
import { listZip, readEntry } from '../../../src/core/release/unzip.ts';
import { verifyPackage } from '../../../src/core/release/verify.ts';
import { exclusionDigest } from '../../../src/core/spec/digest.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import { encodeParquetStream } from '../../../src/cli/parquet-write.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

type Engine = SqlEngine & { close(): void };

// 40 patients: names and IDs are identifiers; sex, age and postal code are quasi-identifiers.
const SOURCE = `
  SELECT 'P' || lpad(i::VARCHAR, 4, '0') AS 患者ID,
         '氏名' || chr((12354 + i)::INTEGER) AS 氏名,
         CASE WHEN i % 2 = 0 THEN '女' ELSE '男' END AS 性別,
         20 + (i * 7) % 60 AS 年齢,
         '1' || lpad(((i * 37) % 9)::VARCHAR, 2, '0') || '0001' AS 郵便番号,
         CASE WHEN i = 7 THEN 'Q90' ELSE 'E11' END AS 病名
  FROM range(40) t(i)`;

const KEY_BYTES = new Uint8Array(32).fill(7);
const EXCLUDED = ['P0003', 'P0004'];

async function request(over: Partial<PackageRequest> = {}): Promise<PackageRequest> {
  const spec = parseSpec({
    version: 1,
    sources: { tables: [{ name: 'src', subjectColumn: '患者ID' }], exclusions: await exclusionDigest(EXCLUDED) },
    columns: [
      { name: '患者ID', role: 'identifier', transforms: [{ kind: 'pseudonymize' }] },
      { name: '氏名', role: 'identifier', transforms: [{ kind: 'drop' }] },
      { name: '性別', role: 'quasi' },
      { name: '年齢', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 2 }] },
      { name: '郵便番号', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'zip', level: 2 }] },
      { name: '病名', role: 'sensitive' },
    ],
    hierarchies: [
      { name: 'age', kind: 'interval', levels: [{ width: 10 }, { width: 30 }] },
      { name: 'zip', kind: 'prefix', levels: [{ keep: 3 }, { keep: 2 }] },
    ],
    model: { k: 2, suppressionLimit: 0.5 },
    release: { mode: 'pseudonymized', restriction: 'certifiedUsers', formats: ['csv', 'parquet'] },
  });
  return {
    table: 'src',
    spec,
    sourceSha256: 'a'.repeat(64),
    exclusions: EXCLUDED,
    key: await PseudonymKey.fromBytes(KEY_BYTES),
    provision: {
      recipient: '国立テスト大学',
      recipientType: 'certifiedUser',
      requestId: 'REQ-1',
      purpose: '糖尿病の研究',
      deliveryMethod: '暗号化媒体',
      retention: '3年',
      deletionDeadline: '2029-03-31',
    },
    operator: '作成者',
    approver: '承認者',
    createdAt: '2026-11-21T00:00:00.000Z',
    formats: ['csv', 'csv-cp932', 'parquet'],
    lang: 'ja',
    versions: { tokumei: '0.0.0-test', duckdb: 'v1.4.3' },
    parquet: encodeParquetStream,
    ...over,
  };
}

async function build(e: SqlEngine, req: PackageRequest) {
  const parts: Uint8Array[] = [];
  const result = await buildPackage(e, req, { write: (c) => void parts.push(c.slice()) });
  const zip = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (zip.set(p, at), (at += p.length));
  return { zip, result };
}

const texts = (zip: Uint8Array) =>
  listZip(zip).map((entry) => ({ path: entry.path, text: new TextDecoder().decode(readEntry(zip, entry)), bytes: readEntry(zip, entry) }));

describe('buildPackage', () => {
  const engines: Engine[] = [];
  beforeAll(async () => {
    for (const host of ENGINE_HOSTS) {
      const e = await host.create();
      await e.exec(`CREATE TABLE src AS ${SOURCE}`);
      engines.push(e);
    }
  });
  afterAll(() => engines.forEach((e) => e.close()));

  it('writes the same bytes on both engines and twice on one; the manifest verifies', async () => {
    const req = await request();
    const zips = [];
    for (const e of engines) zips.push(await build(e, req));
    zips.push(await build(engines[0], req));
    expect(zips[1].zip).toEqual(zips[0].zip);
    expect(zips[2].zip).toEqual(zips[0].zip);
    expect(zips[0].result.packageSha256).toBe(zips[1].result.packageSha256);
    const report = verifyPackage(zips[0].zip);
    expect(report.ok).toBe(true);
    expect(report.files.map((f) => f.path).sort()).toEqual(
      ['data/data.cp932.csv', 'data/data.csv', 'data/data.parquet', 'dictionary.csv', 'records/creation-record.json', 'records/provision-record.json', 'report.html', 'spec.json'].sort(),
    );
  });

  it('leaves out identifiers, excluded subjects and the key; the data has the released rows', async () => {
    const { zip, result } = await build(engines[0], await request());
    const files = texts(zip);
    const all = files.map((f) => f.text).join('\n');
    for (let i = 0; i < 40; i++) {
      expect(all).not.toContain('氏名' + String.fromCharCode(12354 + i));
      expect(all).not.toContain('P' + String(i).padStart(4, '0'));
    }
    const keyHex = Buffer.from(KEY_BYTES).toString('hex');
    expect(all).not.toContain(keyHex);
    expect(all).not.toContain(Buffer.from(KEY_BYTES).toString('base64'));
    const csv = files.find((f) => f.path === 'data/data.csv')!.text.replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('患者ID,性別,年齢,郵便番号,病名');
    expect(lines.length - 1).toBe(result.rows);
    // 2 of 40 excluded; then classes below k=2 go (within the limit).
    expect(result.facts.exclusion).toMatchObject({ count: 2, recordsRemoved: 2, subjects: 2 });
    expect(result.rows).toBeLessThanOrEqual(38);
    expect(result.rows).toBe(result.facts.risk.releasedRecords);
    const record = JSON.parse(files.find((f) => f.path === 'records/creation-record.json')!.text);
    expect(JSON.stringify(record)).toContain(result.facts.seed);
  });

  it('refuses a pseudonymized package for a recipient who is not a certified user, even with an override', async () => {
    const base = await request();
    const req = { ...base, provision: { ...(base.provision as object), recipientType: 'other' } };
    const parts: Uint8Array[] = [];
    const err = await buildPackage(engines[0], { ...req, overrides: [{ id: 'certifiedUserRequired', reason: 'テスト' }] }, { write: (c) => void parts.push(c) }).catch((e) => e);
    expect(isTokumeiError(err)).toBe(true);
    expect(parts).toHaveLength(0);
  });

  it('an unmet k blocks the export unless overridden with a reason, which the creation record keeps', async () => {
    const base = await request();
    const spec = { ...base.spec, model: { ...base.spec.model, k: 30, suppressionLimit: 0 } };
    const blocked = await build(engines[0], { ...base, spec }).catch((e) => e);
    expect(isTokumeiError(blocked)).toBe(true);
    const { zip } = await build(engines[0], { ...base, spec, overrides: [{ id: 'kUnmet', reason: '研究班内の限定提供のため' }] });
    const record = texts(zip).find((f) => f.path === 'records/creation-record.json')!.text;
    expect(record).toContain('研究班内の限定提供のため');
  });
});
