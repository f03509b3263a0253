import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../src/cli/main.ts';

const BIN = fileURLToPath(new URL('../../../src/cli/bin.mjs', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tokumei-cli-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The real thing: `node src/cli/bin.mjs …` in a separate process, from an unrelated folder. */
function tokumei(args: string[], lang = 'ja_JP.UTF-8') {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** In-process, for the many small error cases. */
async function run(args: string[], env: Record<string, string> = { LANG: 'ja_JP.UTF-8' }) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env, cwd: work });
  return { code, stdout, stderr };
}

const FILES = ['patients.csv', 'encounters.csv', 'labs.csv', 'prescriptions.csv'];
const read = (dir: string) => FILES.map((f) => readFileSync(join(work, dir, f)));

describe('tokumei demo (subprocess)', () => {
  it('writes the four tables, deterministically by seed, and reports them as one JSON object', () => {
    const a = tokumei(['demo', '--rows', '300', '--out', 'a', '--seed', '42', '--json']);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const summary = JSON.parse(a.stdout);
    expect(summary.patients).toBe(300);
    expect(summary.seed).toBe('42');
    expect(summary.tables.map((t: { file: string }) => t.file)).toEqual(FILES);
    expect(summary.tables[0]).toMatchObject({ name: '患者', rows: 300 });
    const onDisk = read('a');
    summary.tables.forEach((t: { bytes: number; rows: number }, i: number) => {
      expect(onDisk[i].length).toBe(t.bytes);
      expect(onDisk[i].toString('utf8').split('\n').length - 2).toBe(t.rows);
    });

    expect(tokumei(['demo', '--rows', '300', '--out', 'b', '--seed', '42']).code).toBe(0);
    expect(tokumei(['demo', '--rows', '300', '--out', 'c', '--seed', '43', '--json']).code).toBe(0);
    const b = read('b');
    const c = read('c');
    onDisk.forEach((bytes, i) => {
      expect(bytes.equals(b[i])).toBe(true);
      expect(bytes.equals(c[i])).toBe(false);
    });
  });

  it('prints a Japanese or English summary by LANG', () => {
    const ja = tokumei(['demo', '--rows', '20', '--out', 'd']);
    expect(ja.stdout).toContain('デモデータを生成しました');
    expect(ja.stdout).toContain('patients.csv');
    const en = tokumei(['demo', '--rows', '20', '--out', 'd'], 'en_US.UTF-8');
    expect(en.stdout).toContain('Generated the demo extract (20 patients');
  });
});

describe('tokumei profile (subprocess)', () => {
  it('profiles a generated demo file as one JSON object with typed columns', () => {
    expect(tokumei(['demo', '--rows', '500', '--out', 'p']).code).toBe(0);
    const r = tokumei(['profile', join('p', 'patients.csv'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p.rows).toBe(500);
    expect(p.load).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',' });
    const col = (n: string) => p.columns.find((c: { name: string }) => c.name === n);
    expect(p.columns.map((c: { name: string }) => c.name)).toEqual(
      readFileSync(join(work, 'p', 'patients.csv'), 'utf8').split('\n')[0].split(','),
    );
    expect(col('患者ID')).toMatchObject({ type: 'VARCHAR', distinct: 500, nulls: 0, min: 'P0000001', max: 'P0000500' });
    expect(col('性別').distinct).toBe(2);
    // Leading zeros make a code: 郵便番号 must stay text.
    expect(col('郵便番号').type).toBe('VARCHAR');
    expect(col('生年月日').type).toBe('DATE');
    expect(col('身長').type).toBe('DOUBLE');
    expect(col('身長').histogram.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(500 - col('身長').nulls);
  });

  it('reads Shift_JIS and a semicolon delimiter', () => {
    const text = '氏名;年齢\n佐藤;81\n鈴木;\n高橋;79\n';
    writeFileSync(join(work, 'utf8.csv'), text);
    const utf8 = JSON.parse(tokumei(['profile', 'utf8.csv', '--json', '--delimiter', ';']).stdout);
    expect(utf8.load).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    expect(utf8.columns.map((c: { name: string }) => c.name)).toEqual(['氏名', '年齢']);
    writeFileSync(join(work, 'sjis.csv'), encodeShiftJis(text));
    const r = tokumei(['profile', 'sjis.csv', '--json', '--encoding', 'shift_jis']);
    expect(r.stderr).toBe('');
    const p = JSON.parse(r.stdout);
    expect(p.load).toMatchObject({ encoding: 'shift_jis', delimiter: ';' });
    expect(p.columns.map((c: { name: string }) => c.name)).toEqual(['氏名', '年齢']);
    expect(p.columns[1]).toMatchObject({ type: 'BIGINT', nulls: 1, min: '79', max: '81' });
  });

  it('prints a readable table without --json', () => {
    const r = tokumei(['profile', join('p', 'patients.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('500 行 × 16 列');
    expect(r.stdout).toMatch(/性別\s+VARCHAR\s+0\s+2/);
  });

  it('fails with a translated message on stderr and a non-zero exit', () => {
    const missing = tokumei(['profile', 'nope.csv', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('ファイルが見つかりません');
    const en = tokumei(['profile', 'nope.csv'], 'en_US.UTF-8');
    expect(en.stderr).toContain('File not found');
  });
});

describe('tokumei command line (in-process)', () => {
  it('shows help for the tool and each command', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('profile');
    expect(top.stdout).toContain('demo');
    const demo = await run(['demo', '--help'], { LANG: 'en_US.UTF-8' });
    expect(demo.stdout).toContain('--rows N');
    expect(demo.stdout).toContain('--seed S');
    expect((await run([])).code).toBe(2);
  });

  it('reports usage errors with exit code 2, in the chosen language', async () => {
    const cases: [string[], string][] = [
      [['frob'], 'frob'],
      [['demo', '--rows', '10'], '--out'],
      [['demo', '--out', 'x', '--rows', 'many'], 'many'],
      [['demo', '--out', 'x', '--bogus'], '--bogus'],
      [['profile'], 'ファイル'],
      [['profile', 'a.csv', '--encoding', 'latin1'], 'latin1'],
      [['profile', 'a.csv', '--delimiter', ';;'], ';;'],
    ];
    for (const [args, mention] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^エラー: /);
      expect(r.stderr).toContain(mention);
    }
    const en = await run(['demo', '--out', 'x', '--bogus', '--lang', 'en']);
    expect(en.stderr).toMatch(/^Error: demo has no option "--bogus"/);
  });
});

/** Shift_JIS bytes for the few characters the test uses (TextEncoder only writes UTF-8). */
function encodeShiftJis(text: string): Uint8Array {
  const table: Record<string, number[]> = {
    氏: [0x8e, 0x81], 名: [0x96, 0xbc], 年: [0x94, 0x4e], 齢: [0x97, 0xee], 佐: [0x8d, 0xb2], 藤: [0x93, 0xa1],
    鈴: [0x97, 0xe9], 木: [0x96, 0xd8], 高: [0x8d, 0x82], 橋: [0x8b, 0xb4],
  };
  const out: number[] = [];
  for (const ch of text) out.push(...(table[ch] ?? [ch.charCodeAt(0)]));
  const bytes = new Uint8Array(out);
  // Guard the table itself: decoding must give the text back.
  if (new TextDecoder('shift_jis').decode(bytes) !== text) throw new Error('bad Shift_JIS table in test');
  return bytes;
}
