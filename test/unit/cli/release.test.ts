import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listZip, readEntry } from '../../../src/core/release/unzip.ts';
import { ZipWriter } from '../../../src/core/release/zip.ts';
import { tokumei, tokumeiJson } from './run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'tokumei-release-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PROVISION = {
  recipient: '国立テスト大学 医学部',
  recipientType: 'other',
  requestId: 'REQ-2026-001',
  purpose: '2型糖尿病の受診動向の研究',
  deliveryMethod: '暗号化媒体の手渡し',
  retention: '研究終了まで（最長3年）',
  deletionDeadline: '2029-03-31',
};

const releaseArgs = (out: string, extra: string[] = []) => [
  'release', join('demo', 'patients.csv'), '--preset', 'anonymized', '--provision', 'prov.json', '--out', out,
  '--created-at', '2026-11-21T10:00:00+09:00', '--ledger', 'ledger.json', '--formats', 'csv,csv-cp932,parquet', ...extra,
];
const OVERRIDES = ['--override', 'kUnmet=研修用の試行で k は満たさない', '--override', 'peculiarUndecided=研修用の試行（特異値は別途確認）'];

async function rezip(zip: Uint8Array, change: (path: string, bytes: Uint8Array) => Uint8Array): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const w = new ZipWriter({ write: (c) => void parts.push(c.slice()) });
  for (const e of listZip(zip)) await w.add(e.path, change(e.path, readEntry(zip, e)));
  await w.close();
  return Buffer.concat(parts);
}

describe('tokumei release / verify / ledger (subprocess)', () => {
  beforeAll(() => {
    expect(tokumei(['demo', '--rows', '300', '--out', 'demo'], work).code).toBe(0);
    writeFileSync(join(work, 'prov.json'), JSON.stringify(PROVISION));
  });

  it('blocks on unmet gates, names them, and leaves neither a package nor a key behind', () => {
    const r = tokumei(releaseArgs('blocked.zip'), work);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[kUnmet]');
    expect(r.stderr).toContain('--override');
    expect(existsSync(join(work, 'blocked.zip'))).toBe(false);
    expect(existsSync(join(work, 'blocked.zip.partial'))).toBe(false);
    expect(existsSync(join(work, 'blocked.zip.key'))).toBe(false);
  });

  it('with reasons: writes a package that verifies, records it in the ledger, and the same command gives the same bytes', () => {
    const first = tokumeiJson(releaseArgs('pkg.zip', OVERRIDES), work);
    expect(first.keyGenerated).toBe(true);
    expect(first.rows).toBe(300);
    expect(first.overrides.map((o: { id: string }) => o.id)).toEqual(['kUnmet', 'peculiarUndecided']);
    const verified = tokumeiJson(['verify', 'pkg.zip'], work);
    expect(verified.ok).toBe(true);
    expect(verified.packageSha256).toBe(first.packageSha256);

    const again = tokumeiJson(releaseArgs('pkg2.zip', [...OVERRIDES, '--key', 'pkg.zip.key']), work);
    expect(again.packageSha256).toBe(first.packageSha256);
    expect(readFileSync(join(work, 'pkg2.zip'))).toEqual(readFileSync(join(work, 'pkg.zip')));

    const ledger = tokumeiJson(['ledger', '--ledger', 'ledger.json'], work);
    // The same package twice is one provision, not two.
    expect(ledger.entries).toHaveLength(1);
    expect(ledger.entries[0]).toMatchObject({ packageSha256: first.packageSha256, recipient: PROVISION.recipient, deletionDeadline: '2029-03-31', rows: 300 });
    expect(tokumeiJson(['ledger', '--ledger', 'ledger.json', '--search', '糖尿病'], work).entries).toHaveLength(1);
    expect(tokumeiJson(['ledger', '--ledger', 'ledger.json', '--deadline-by', '2028-12-31'], work).entries).toHaveLength(0);
    expect(tokumei(['ledger', '--ledger', 'ledger.json', '--csv', 'ledger.csv'], work).code).toBe(0);
    const csv = readFileSync(join(work, 'ledger.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(first.packageSha256);
  });

  it('verify finds a changed data file', async () => {
    const zip = new Uint8Array(readFileSync(join(work, 'pkg.zip')));
    const changed = await rezip(zip, (path, bytes) => (path === 'data/data.csv' ? Buffer.concat([bytes, Buffer.from('x,x\r\n')]) : bytes));
    writeFileSync(join(work, 'changed.zip'), changed);
    const r = tokumei(['verify', 'changed.zip'], work);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('data/data.csv');
    const json = JSON.parse(tokumei(['verify', 'changed.zip', '--json'], work).stdout);
    expect(json.files.find((f: { path: string }) => f.path === 'data/data.csv').status).toBe('mismatch');
  });

  it('refuses a pseudonymized release to a recipient who is not a certified user', () => {
    const r = tokumei(['release', join('demo', 'patients.csv'), '--preset', 'pseudonymized', '--provision', 'prov.json', '--out', 'pseudo.zip', '--ledger', 'ledger.json', '--created-at', '2026-11-21T10:00:00Z'], work);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[certifiedUserRequired]');
    expect(existsSync(join(work, 'pseudo.zip'))).toBe(false);
  });
});
