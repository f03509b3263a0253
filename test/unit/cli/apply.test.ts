import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NativeEngine } from '../../../src/cli/native-engine.ts';
import { pseudonymizer } from '../../../src/core/pseudonymize/hmac.ts';
import { PseudonymKey } from '../../../src/core/pseudonymize/key.ts';
import { toHex } from '../../../src/core/spec/digest.ts';
import { str } from '../../../src/core/sql/quote.ts';
import { tokumei, tokumeiJson } from './run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'tokumei-apply-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The demo CSV as rows of cells (the demo writes no quoted commas in the columns read here). */
function csvRows(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
}

async function keyOf(path: string) {
  const bytes = new Uint8Array(readFileSync(path));
  return { bytes, pseudonym: await pseudonymizer(await PseudonymKey.fromBytes(bytes)) };
}

describe('tokumei apply (subprocess)', () => {
  let patients: Record<string, string>[];
  beforeAll(() => {
    expect(tokumei(['demo', '--rows', '200', '--out', 'demo'], work).code).toBe(0);
    patients = csvRows(join(work, 'demo', 'patients.csv'));
  });

  it('anonymized preset: identifiers gone, the patient ID pseudonymized with a new key saved owner-only', async () => {
    const r = tokumeiJson(['apply', join('demo', 'patients.csv'), '--preset', 'anonymized', '--out', join('rel', 'patients.csv')], work);
    const out = join(work, 'rel', 'patients.csv');
    expect(r).toMatchObject({ out, format: 'csv', rows: 200, keyGenerated: true, keyFile: `${out}.key` });
    expect(statSync(`${out}.key`).mode & 0o777).toBe(0o600);

    const detected = tokumeiJson(['detect', join('demo', 'patients.csv')], work).columns as { name: string; role: string }[];
    const identifiers = detected.filter((c) => c.role === 'identifier').map((c) => c.name);
    expect(identifiers).toEqual(expect.arrayContaining(['患者ID', '氏名', '電話番号', '住所']));
    const text = readFileSync(out, 'utf8');
    const header = text.split('\n')[0].split(',');
    // The link key stays as a column, but only as pseudonyms; every other identifier is removed.
    expect(header.filter((c) => identifiers.includes(c))).toEqual(['患者ID']);
    expect(r.dropped).toEqual(identifiers.filter((c) => c !== '患者ID'));
    for (const p of patients.slice(0, 50)) {
      expect(text).not.toContain(p['患者ID']);
      expect(text).not.toContain(p['氏名']);
      if (p['電話番号']) expect(text).not.toContain(p['電話番号']);
    }
    const { bytes, pseudonym } = await keyOf(`${out}.key`);
    expect(bytes.length).toBe(32);
    const released = new Set(csvRows(out).map((row) => row['患者ID']));
    expect(released).toEqual(new Set(patients.map((p) => pseudonym(p['患者ID']))));
    expect(text).not.toContain(toHex(bytes));

    // A second run must not overwrite the key of the first release.
    const again = tokumei(['apply', join('demo', 'patients.csv'), '--preset', 'anonymized', '--out', join('rel', 'patients.csv')], work);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('鍵ファイル');
    expect(new Uint8Array(readFileSync(`${out}.key`))).toEqual(bytes);
  });

  it('removes every record of the subjects on the exclusion list, across a table with many rows per subject', async () => {
    const key = join(work, 'fixed.key');
    writeFileSync(key, new Uint8Array(32).map((_, i) => i * 7 + 1));
    const listed = [patients[3]['患者ID'], patients[77]['患者ID'], patients[150]['患者ID']];
    writeFileSync(join(work, 'exclude.txt'), `\uFEFF${listed.join('\r\n')}\r\n`);
    const encounters = csvRows(join(work, 'demo', 'encounters.csv'));
    const theirs = encounters.filter((e) => listed.includes(e['患者ID'])).length;
    expect(theirs).toBeGreaterThan(3);

    const r = tokumeiJson(
      ['apply', join('demo', 'encounters.csv'), '--preset', 'pseudonymized', '--out', join('excl', 'encounters.csv'), '--key', 'fixed.key', '--exclude', 'exclude.txt'],
      work,
    );
    expect(r.exclusions).toEqual({ listed: 3, records: theirs, subjects: 3 });
    expect(r.rows).toBe(encounters.length - theirs);
    expect(r.keyGenerated).toBe(false);
    expect(existsSync(join(work, 'excl', 'encounters.csv.key'))).toBe(false);
    const { pseudonym } = await keyOf(key);
    const ids = new Set(csvRows(join(work, 'excl', 'encounters.csv')).map((e) => e['患者ID']));
    for (const id of listed) expect(ids.has(pseudonym(id))).toBe(false);
    expect(ids.has(pseudonym(patients[4]['患者ID']))).toBe(true);

    // The same list, measured instead of written.
    const risk = tokumeiJson(['risk', join('demo', 'patients.csv'), '--qi', '性別', '--exclude', 'exclude.txt'], work);
    expect(risk.records).toBe(197);
    expect(risk.exclusions).toEqual({ listed: 3, records: 3, subjects: 3 });
  });

  it('writes the same records as CSV and as Parquet, and the same bytes on every run', async () => {
    writeFileSync(join(work, 'k2.key'), new Uint8Array(48).fill(9));
    const base = ['apply', join('demo', 'patients.csv'), '--preset', 'anonymized', '--key', 'k2.key'];
    const csv = tokumeiJson([...base, '--out', join('same', 'a.csv')], work);
    const parquet = tokumeiJson([...base, '--out', join('same', 'a.parquet')], work);
    expect(parquet).toMatchObject({ format: 'parquet', rows: csv.rows, columns: csv.columns });
    expect(tokumei([...base, '--out', join('same', 'b.csv')], work).code).toBe(0);
    expect(tokumei([...base, '--out', join('same', 'b.parquet')], work).code).toBe(0);
    const bytes = (f: string) => readFileSync(join(work, 'same', f));
    expect(bytes('a.csv').equals(bytes('b.csv'))).toBe(true);
    expect(bytes('a.parquet').equals(bytes('b.parquet'))).toBe(true);
    expect(bytes('a.csv').subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);

    const engine = await NativeEngine.create({ threads: 1 });
    try {
      const cols = (csv.columns as string[]).map((c) => `CAST("${c}" AS VARCHAR) AS "${c}"`).join(', ');
      const fromCsv = await engine.rows(`SELECT ${cols} FROM read_csv(${str(join(work, 'same', 'a.csv'))}, all_varchar = true)`);
      const fromParquet = await engine.rows(`SELECT ${cols} FROM read_parquet(${str(join(work, 'same', 'a.parquet'))})`);
      expect(fromCsv.length).toBe(200);
      // The CSV writes NULL as an empty field, which reads back as NULL.
      expect(fromParquet).toEqual(fromCsv);
      const types = await engine.rows(`DESCRIBE SELECT * FROM read_parquet(${str(join(work, 'same', 'a.parquet'))})`);
      expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toMatchObject({ 患者ID: 'VARCHAR', 身長: 'DOUBLE' });
    } finally {
      engine.close();
    }
  });

  it('refuses to write without a decided treatment of every column, or to an unknown format', () => {
    const noSpec = tokumei(['apply', join('demo', 'patients.csv'), '--out', 'x.csv'], work);
    expect(noSpec.code).toBe(2);
    expect(noSpec.stderr).toContain('--spec');
    const format = tokumei(['apply', join('demo', 'patients.csv'), '--preset', 'anonymized', '--out', 'x.xlsx'], work, 'en_US.UTF-8');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('.csv or .parquet');
    writeFileSync(
      join(work, 'draft.json'),
      JSON.stringify({ version: 1, columns: [{ name: '氏名', role: 'identifier' }, { name: '性別', role: 'quasi' }], release: { mode: 'anonymized' } }),
    );
    const draft = tokumei(['apply', join('demo', 'patients.csv'), '--spec', 'draft.json', '--out', 'x.csv'], work);
    expect(draft.code).toBe(1);
    expect(draft.stderr).toMatch(/^エラー: 仕様に \d+ 件の問題があります。/);
    expect(draft.stderr).toContain('氏名');
    expect(draft.stderr).toContain('住所');
    expect(existsSync(join(work, 'x.csv'))).toBe(false);
  });
});
