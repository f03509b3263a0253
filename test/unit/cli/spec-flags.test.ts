import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main.ts';
import { columnList, numberOption, pairList, readSpecFlags } from '../../../src/cli/spec-flags.ts';
import { specFromFlags } from '../../../src/cli/spec-from-flags.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { t } from '../../../src/core/i18n/catalog.ts';

const work = mkdtempSync(join(tmpdir(), 'tokumei-flags-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(args: string[], lang = 'ja_JP.UTF-8') {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: { LANG: lang }, cwd: work });
  return { code, stdout, stderr };
}

const flags = (options: Record<string, string | string[]>) => readSpecFlags({ positionals: [], options });
const COLUMNS = [
  { name: 'id', type: 'VARCHAR' },
  { name: 'sex', type: 'VARCHAR' },
  { name: 'age', type: 'BIGINT' },
  { name: 'zip', type: 'VARCHAR' },
  { name: 'dx', type: 'VARCHAR' },
];
const AGE_CSV = '30;30-39;*\n41;40-49;*\n';
const source = (files: Record<string, string> = {}) => ({
  table: 't',
  columns: COLUMNS,
  readFile: (p: string) => new TextEncoder().encode(files[p] ?? ''),
});
const messageOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isTokumeiError(e)) return t('en', e.key, e.params);
    throw e;
  }
  throw new Error('did not throw');
};

describe('spec flags', () => {
  it('reads numbers, shares and percentages within bounds', () => {
    expect(numberOption('0.04', '--suppression', 0, 1)).toBe(0.04);
    expect(numberOption('4%', '--suppression', 0, 1)).toBe(0.04);
    expect(numberOption('1e-1', '--t', 0, 1, true)).toBe(0.1);
    expect(() => numberOption('0', '--t', 0, 1, true)).toThrow();
    expect(() => numberOption('1.5', '--suppression', 0, 1)).toThrow();
    expect(() => numberOption('-0.1', '--suppression', 0, 1)).toThrow();
    expect(() => numberOption('abc', '--threshold', 0, 1)).toThrow();
  });

  it('reads column lists and col=value pairs, a lone pair keeping commas in its value', () => {
    expect(columnList(['a, b', 'c,a'], '--qi')).toEqual(['a', 'b', 'c']);
    expect(() => columnList(['a,,b'], '--qi')).toThrow();
    expect(pairList(['a=1,b=2', 'c=0'], '--levels')).toEqual([['a', '1'], ['b', '2'], ['c', '0']]);
    expect(pairList(['年齢=階層,v2.csv'], '--hierarchy')).toEqual([['年齢', '階層,v2.csv']]);
    expect(() => pairList(['a=1', 'a=2'], '--levels')).toThrow();
    expect(() => pairList(['a'], '--levels')).toThrow();
  });

  it('checks that model options come with what they need', () => {
    expect(flags({ l: '2' }).l).toEqual({ value: 2, variant: 'distinct' });
    expect(flags({ l: '1.5', 'l-variant': 'entropy' }).l).toEqual({ value: 1.5, variant: 'entropy' });
    expect(flags({ l: '3', 'l-variant': 'recursive', c: '2' }).l).toEqual({ value: 3, variant: 'recursive', c: 2 });
    expect(flags({ t: '0.2' }).t).toEqual({ value: 0.2, variant: 'equal' });
    const bad: Record<string, string>[] = [{ l: '3', 'l-variant': 'recursive' }, { l: '2', c: '2' }, { c: '2' }, { 't-variant': 'ordered' }, { l: '1.5' }, { spec: 's.json', preset: 'hipaa' }];
    for (const b of bad) expect(() => flags(b), JSON.stringify(b)).toThrow();
  });
});

describe('specFromFlags', () => {
  it('builds quasi-identifiers with ARX hierarchies at the given levels, and the model', () => {
    const spec = specFromFlags(flags({ qi: ['sex,age'], hierarchy: ['age=age.csv'], levels: ['age=2'], sensitive: 'dx', k: '5', suppression: '2%' }), source({ 'age.csv': AGE_CSV }));
    expect(spec.columns).toEqual([
      { name: 'sex', role: 'quasi', transforms: [] },
      { name: 'age', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 2 }] },
      { name: 'dx', role: 'sensitive', transforms: [] },
    ]);
    expect(spec.hierarchies).toEqual([{ name: 'age', kind: 'table', rows: [['30', '30-39', '*'], ['41', '40-49', '*']] }]);
    expect(spec.model).toEqual({ k: 5, suppressionLimit: 0.02 });
  });

  it('without --qi, the columns with hierarchies are the quasi-identifiers; --levels re-levels a spec’s own hierarchy', () => {
    const spec = specFromFlags(flags({ hierarchy: ['age=age.csv'] }), source({ 'age.csv': AGE_CSV }));
    expect(spec.columns).toEqual([{ name: 'age', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 0 }] }]);
    const relevelled = specFromFlags(flags({ levels: ['age=1'], qi: ['age,zip'] }), { ...source(), base: spec });
    expect(relevelled.columns[0].transforms).toEqual([{ kind: 'generalize', hierarchy: 'age', level: 1 }]);
    expect(relevelled.columns.map((c) => [c.name, c.role])).toEqual([['age', 'quasi'], ['zip', 'quasi']]);
  });

  it('--qi replaces the quasi-identifiers a preset or spec chose', () => {
    const base = specFromFlags(flags({ qi: ['sex,zip'] }), source());
    const spec = specFromFlags(flags({ qi: ['sex'] }), { ...source(), base });
    expect(spec.columns.map((c) => [c.name, c.role])).toEqual([['sex', 'quasi'], ['zip', 'other']]);
  });

  it('refuses what cannot be meant, naming the column', () => {
    expect(messageOf(() => specFromFlags(flags({ qi: ['sex,agee'] }), source()))).toContain('"agee"');
    expect(messageOf(() => specFromFlags(flags({ qi: ['sex'], sensitive: 'sex' }), source()))).toContain('both');
    expect(messageOf(() => specFromFlags(flags({ levels: ['age=1'] }), source()))).toContain('no generalization hierarchy');
    expect(messageOf(() => specFromFlags(flags({ hierarchy: ['age=age.csv'], levels: ['age=3'] }), source({ 'age.csv': AGE_CSV })))).toContain('levels 0 to 2');
  });
});

describe('risk, search and apply usage errors (in-process)', () => {
  writeFileSync(join(work, 'small.csv'), 'id,sex,age\n1,F,30\n2,M,41\n3,F,30\n');

  it('exit 2 with the problem named, in the user’s language', async () => {
    const cases: [string[], string][] = [
      [['risk', 'small.csv', '--qi', 'sex', '--suppression', '2'], '--suppression'],
      [['risk', 'small.csv', '--qi', 'sex', '--l-variant', 'entropy'], '--l'],
      [['risk', 'small.csv', '--qi', 'nope'], 'nope'],
      [['risk', 'small.csv', '--qi', 'sex', '--threshold', '0'], '--threshold'],
      [['search', 'small.csv', '--qi', 'sex', '--k', '2', '--metric', 'precision'], 'precision'],
      [['apply', 'small.csv', '--preset', 'anonymized'], '--out'],
      [['risk'], 'ファイル'],
    ];
    for (const [args, mention] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^エラー: /);
      expect(r.stderr).toContain(mention);
    }
    const en = await run(['risk', 'small.csv', '--qi', 'sex,age', '--sensitive', 'age', '--lang', 'en']);
    expect(en.stderr).toMatch(/^Error: The column "age" is given both as a quasi-identifier/);
  });

  it('a risk without quasi-identifiers, or a search without a model, is explained', async () => {
    const noQi = await run(['risk', 'small.csv']);
    expect(noQi.code).toBe(1);
    expect(noQi.stderr).toContain('準識別子が選ばれていません');
    const noModel = await run(['search', 'small.csv', '--qi', 'sex', '--lang', 'en']);
    expect(noModel.code).toBe(1);
    expect(noModel.stderr).toContain('No privacy model');
  });
});
