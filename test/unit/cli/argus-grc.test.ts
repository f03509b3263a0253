import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSpecFlags } from '../../../src/cli/spec-flags.ts';
import { grcFiles, specFromFlags } from '../../../src/cli/spec-from-flags.ts';
import { FIXTURES, tokumei } from './run-cli.ts';

const ARGUS = join(FIXTURES, 'argus');
const work = mkdtempSync(join(tmpdir(), 'tokumei-grc-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('--hierarchy col=a.grc+b.grc', () => {
  it('reads .grc files (any case) joined by +, and leaves other names whole', () => {
    expect(grcFiles('age-10.grc+age-20.GRC')).toEqual(['age-10.grc', 'age-20.GRC']);
    expect(grcFiles('dir/年齢.grc')).toEqual(['dir/年齢.grc']);
    expect(grcFiles('x+y.grc')).toEqual(['x+y.grc']);
    expect(grcFiles('x+y.csv')).toBeNull();
    expect(grcFiles('age.csv')).toBeNull();
  });

  it('builds a table hierarchy over the column’s values, one level per file', () => {
    const files: Record<string, string> = { 'a.grc': readFileSync(join(ARGUS, 'age-10.grc'), 'utf8'), 'b.grc': '"0-39": -39\n"40+": 40-\n' };
    const flags = readSpecFlags({ positionals: [], options: { hierarchy: ['age=a.grc+b.grc'], levels: ['age=2'] } });
    const spec = specFromFlags(flags, {
      table: 't',
      columns: [{ name: 'age', type: 'INTEGER' }],
      readFile: (p) => new TextEncoder().encode(files[p]),
      values: (c) => (c === 'age' ? ['9', '37', '64'] : []),
    });
    expect(spec.hierarchies).toEqual([{ name: 'age', kind: 'table', rows: [['9', '0-19', '0-39'], ['37', '30-39', '0-39'], ['64', '60+', '40+']] }]);
    expect(spec.columns).toEqual([{ name: 'age', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 2 }] }]);
  });
});

describe('tokumei with μ-ARGUS recode files (subprocess)', () => {
  writeFileSync(join(work, 'p.csv'), '番号,年齢,都道府県\n1,9,東京都\n2,37,大阪府\n3,64,沖縄県\n4,19,北海道\n5,,\n6,120,東京都\n');
  const age = `年齢=${join(ARGUS, 'age-10.grc')}+${join(ARGUS, 'age-20.grc')}`;
  const region = `都道府県=${join(ARGUS, 'region-sjis.grc')}`;

  it('apply generalizes with them', () => {
    const r = tokumei(['apply', 'p.csv', '--preset', 'anonymized', '--hierarchy', age, '--hierarchy', region, '--levels', '年齢=2,都道府県=1', '--out', 'out.csv', '--json'], work);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(work, 'out.csv'), 'utf8')).toBe(
      '番号,年齢,都道府県\n1,0-19,関東\n2,20-39,近畿\n3,60+,九州・沖縄\n4,0-19,北海道・東北\n5,,\n6,60+,関東\n',
    );
  });

  it('risk counts the classes at the chosen level', () => {
    const r = tokumei(['risk', 'p.csv', '--hierarchy', age, '--levels', '年齢=1', '--json'], work);
    expect(r.code, r.stderr).toBe(0);
    // Level 1 (10-year bands): 0-19 ×2, 30-39, 60+ ×2 and the NULL.
    expect(JSON.parse(r.stdout)).toMatchObject({ records: 6, classes: 4, quasiIdentifiers: [{ column: '年齢', level: 1, hierarchy: '年齢' }] });
  });

  it('explains a bad line or files that do not nest, in the user’s language', () => {
    writeFileSync(join(work, 'bad.grc'), '1: -19\n2: 20 29\n');
    const bad = tokumei(['risk', 'p.csv', '--hierarchy', '年齢=bad.grc'], work);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^エラー: 「bad\.grc」の 2 行目 7 文字目: 「29」は読めません。/);
    writeFileSync(join(work, 'q.csv'), '年齢\n25\n35\n');
    const reversed = `年齢=${join(ARGUS, 'age-20.grc')}+${join(ARGUS, 'age-10.grc')}`;
    const nest = tokumei(['risk', 'q.csv', '--hierarchy', reversed, '--lang', 'en'], work);
    expect(nest.code).toBe(1);
    expect(nest.stderr).toContain(`Column "年齢": "${join(ARGUS, 'age-10.grc')}" does not merge the groups of "${join(ARGUS, 'age-20.grc')}"`);
  });
});
