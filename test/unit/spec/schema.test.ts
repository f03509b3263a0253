import { describe, expect, it } from 'vitest';
import { t } from '../../../src/core/i18n/catalog.ts';
import {
  parseSpec,
  parseSpecJson,
  renderIssue,
  serializeSpec,
  SpecError,
  validateSpec,
  type ReleaseSpecInput,
  type SpecMigration,
} from '../../../src/core/spec/index.ts';

const base = (): ReleaseSpecInput => ({ version: 1, release: { mode: 'anonymized' } });

function issuesOf(json: unknown, migrations?: SpecMigration[]) {
  const r = validateSpec(json, migrations);
  if (r.ok) throw new Error('expected the spec to be invalid');
  return r.issues;
}

describe('ReleaseSpec validation', () => {
  it('fills defaults for a minimal spec', () => {
    expect(parseSpec(base())).toEqual({
      version: 1,
      sources: { tables: [] },
      columns: [],
      hierarchies: [],
      model: { suppressionLimit: 0 },
      peculiar: { review: false, decisions: [] },
      release: { mode: 'anonymized', restriction: 'none', formats: ['csv'] },
    });
  });

  it('names the JSON path and the problem in Japanese and English', () => {
    const spec = {
      ...base(),
      columns: [
        { name: 'a', role: 'quasi' },
        { name: 'b', role: 'quasi' },
        { name: 'c', role: 'quasi' },
        { name: 'd', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'h', level: -1 }] },
      ],
    };
    const [issue, ...rest] = issuesOf(spec);
    expect(rest).toEqual([]);
    expect(issue.path).toBe('columns[3].transforms[0].level');
    expect(renderIssue('ja', issue)).toBe('columns[3].transforms[0].level: 0 以上の整数が必要です。');
    expect(renderIssue('en', issue)).toBe('columns[3].transforms[0].level: a whole number of at least 0 is required.');
    // A fraction gets the same message as a negative number: both fail "whole number ≥ 0".
    const [fractional] = issuesOf({ ...spec, columns: [{ name: 'd', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'h', level: 1.5 }] }] });
    expect(renderIssue('ja', fractional)).toBe('columns[0].transforms[0].level: 0 以上の整数が必要です。');
  });

  it('reports every problem, each with its own path', () => {
    const issues = issuesOf({
      version: 1,
      colums: [],
      columns: [{ name: '', role: 'secret', transforms: [{ kind: 'blur' }] }],
      model: { k: 0, suppressionLimit: 1.5 },
      release: { mode: 'anonymized', formats: ['xlsx'] },
    });
    const byPath = Object.fromEntries(issues.map((i) => [i.path, renderIssue('en', i)]));
    expect(byPath).toEqual({
      '(spec)': '(spec): unknown field(s) "colums" (check the spelling).',
      'columns[0].name': 'columns[0].name: must not be empty.',
      'columns[0].role': 'columns[0].role: must be one of "identifier", "quasi", "sensitive", "other".',
      'columns[0].transforms[0].kind': expect.stringMatching(/^columns\[0\]\.transforms\[0\]\.kind: must be one of "drop", "pseudonymize", /),
      'model.k': 'model.k: a whole number of at least 1 is required.',
      'model.suppressionLimit': 'model.suppressionLimit: a number from 0 to 1 is required.',
      'release.formats[0]': 'release.formats[0]: must be one of "csv", "parquet", "arrow".',
    });
    expect(renderIssue('ja', issues.find((i) => i.path === 'columns[0].role')!)).toBe(
      'columns[0].role: 次のいずれかを指定してください: "identifier", "quasi", "sensitive", "other"',
    );
  });

  it('reports missing fields and wrong types', () => {
    const issues = issuesOf({ version: 1, columns: [{ name: 3, transforms: [{ kind: 'generalize', hierarchy: 'h' }, {}] }], release: {} });
    expect(issues.map((i) => renderIssue('en', i))).toEqual([
      'columns[0].name: a string is required.',
      'columns[0].role: this field is required.',
      'columns[0].transforms[0].level: this field is required.',
      // A missing discriminator lists the choices, which helps more than "required".
      expect.stringMatching(/^columns\[0\]\.transforms\[1\]\.kind: must be one of "drop", "pseudonymize", "generalize", /),
      'release.mode: this field is required.',
    ]);
  });

  it('checks references and nesting across fields', () => {
    const issues = issuesOf({
      ...base(),
      hierarchies: [
        { name: 'age', kind: 'interval', levels: [{ width: 5 }, { width: 12 }], top: { at: 10 }, bottom: { at: 20 } },
        { name: 'zip', kind: 'prefix', levels: [{ keep: 3 }, { keep: 5 }] },
        { name: 'd', kind: 'date', levels: ['year', 'month'] },
        { name: 'icd', kind: 'table', rows: [['E11.9', 'E11'], ['E11.9', 'E12']] },
        { name: 'zip', kind: 'prefix', levels: [{ keep: 1 }] },
      ],
      columns: [
        { name: 'x', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'nope', level: 1 }] },
        { name: 'y', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 3 }] },
        { name: 'id', role: 'identifier', transforms: [{ kind: 'drop' }, { kind: 'round', to: 1 }] },
        { name: 'y', role: 'quasi' },
        { name: 'd1', role: 'quasi', transforms: [{ kind: 'dateShift', maxDays: 30 }] },
        { name: 'd2', role: 'quasi', transforms: [{ kind: 'dateShift', maxDays: 60 }] },
      ],
      model: { l: { value: 2, variant: 'recursive' } },
      release: { mode: 'pseudonymized', restriction: 'none' },
    });
    expect(issues.map((i) => [i.path, i.key])).toEqual([
      ['hierarchies[0].levels[1].width', 'spec.issue.widthNotNested'],
      ['hierarchies[0].top.at', 'spec.issue.topBelowBottom'],
      ['hierarchies[1].levels[1].keep', 'spec.issue.keepNotDecreasing'],
      ['hierarchies[2].levels[1]', 'spec.issue.unitsNotIncreasing'],
      ['hierarchies[3].rows', 'risk.hierarchy.duplicateValue'],
      ['hierarchies[4].name', 'spec.issue.duplicateHierarchy'],
      ['columns[0].transforms[0].hierarchy', 'spec.issue.unknownHierarchy'],
      ['columns[1].transforms[0].level', 'spec.issue.levelTooHigh'],
      ['columns[2].transforms[0]', 'spec.issue.mustBeAlone'],
      ['columns[3].name', 'spec.issue.duplicateColumn'],
      ['columns[5].transforms[0].maxDays', 'spec.issue.dateShiftMismatch'],
      ['model.l.c', 'spec.issue.recursiveNeedsC'],
      ['release.restriction', 'spec.issue.pseudonymizedRestriction'],
    ]);
    const level = issues.find((i) => i.key === 'spec.issue.levelTooHigh')!;
    expect(renderIssue('ja', level)).toBe('columns[1].transforms[0].level: 階層「age」のレベルは 0〜2 です。');
  });

  it('rejects impossible dates and a bad digest', () => {
    const issues = issuesOf({
      ...base(),
      hierarchies: [{ name: 'a', kind: 'age', referenceDate: '2023-02-29', levels: [{ width: 5 }] }],
      sources: { tables: [{ name: 't', sha256: 'ABC' }] },
    });
    expect(issues.map((i) => renderIssue('en', i))).toEqual([
      'sources.tables[0].sha256: a SHA-256 digest (64 lowercase hex digits) is required.',
      'hierarchies[0].referenceDate: a real date written as YYYY-MM-DD is required.',
    ]);
  });

  it('throws a SpecError whose message is the first issue and which lists all', () => {
    let caught: unknown;
    try {
      parseSpec({ version: 1, release: { mode: 'x' }, model: { k: -2 } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SpecError);
    const err = caught as SpecError;
    expect(err.issues).toHaveLength(2);
    expect(t('ja', err.key, err.params)).toBe('model.k: 1 以上の整数が必要です。');
  });
});

describe('spec versions', () => {
  // A made-up v0 where the mode lived at the top level and columns were an object keyed by name.
  const v0: SpecMigration = {
    from: 0,
    up(old) {
      const columns = Object.entries(old.columns as Record<string, string>).map(([name, role]) => ({ name, role }));
      return { release: { mode: old.mode }, columns };
    },
  };

  it('upgrades an older spec through the migration hook without touching the input', () => {
    const old = { version: 0, mode: 'anonymized', columns: { 氏名: 'identifier', 年齢: 'quasi' } };
    const before = structuredClone(old);
    const spec = parseSpec(old, [v0]);
    expect(spec.version).toBe(1);
    expect(spec.release.mode).toBe('anonymized');
    expect(spec.columns).toEqual([
      { name: '氏名', role: 'identifier', transforms: [] },
      { name: '年齢', role: 'quasi', transforms: [] },
    ]);
    expect(old).toEqual(before);
  });

  it('refuses versions it cannot read, saying why', () => {
    const [tooNew] = issuesOf({ version: 2, release: { mode: 'anonymized' } });
    expect(renderIssue('ja', tooNew)).toBe('version: この仕様はバージョン 2 で、この Tokumei が扱えるのは 1 までです。Tokumei を更新してください。');
    const [noPath] = issuesOf({ version: 0, release: { mode: 'anonymized' } });
    expect(renderIssue('en', noPath)).toBe('version: a version 0 spec cannot be upgraded to version 1.');
    const [missing] = issuesOf({ release: { mode: 'anonymized' } });
    expect(missing.key).toBe('spec.version.missing');
    const [notObject] = issuesOf([1, 2]);
    expect(renderIssue('en', notObject)).toBe('(spec): an object ({…}) is required.');
  });
});

describe('spec files', () => {
  const full: ReleaseSpecInput = {
    version: 1,
    title: '糖尿病 市販後調査',
    sources: { tables: [{ name: '患者', sha256: 'a'.repeat(64), rows: 3, subjectColumn: '患者ID' }], exclusions: { sha256: 'b'.repeat(64), count: 37 } },
    columns: [
      { name: '患者ID', role: 'identifier', transforms: [{ kind: 'pseudonymize', length: 20 }] },
      { table: '患者', name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 2 }] },
      { name: '所見', role: 'sensitive', freeText: true, cleared: true, note: '確認済み' },
    ],
    hierarchies: [{ name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 1 }, { width: 5 }], top: { at: 90, label: '90以上' } }],
    model: { k: 5, l: { value: 2, variant: 'distinct' }, t: { value: 0.2, variant: 'ordered' }, maxRisk: 0.2, suppressionLimit: 0.02 },
    peculiar: { review: true, decisions: [{ column: '体重', value: 131, action: 'suppressRecord', reason: '特異値' }] },
    release: { mode: 'anonymized', recipient: '製薬会社A', purpose: '市販後調査', requestId: 'REQ-2024-001', formats: ['csv', 'parquet'] },
  };

  /** The same object with every object's keys in reverse order. */
  function reversedKeys(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(reversedKeys);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversedKeys(x)]));
    return v;
  }

  it('round-trips through JSON text unchanged', () => {
    const text = serializeSpec(full);
    expect(parseSpecJson(text)).toEqual(parseSpec(full));
    expect(serializeSpec(parseSpecJson(text))).toBe(text);
  });

  it('writes the same bytes whatever order keys were given in', () => {
    const text = serializeSpec(full);
    expect(serializeSpec(reversedKeys(full) as ReleaseSpecInput)).toBe(text);
    expect(text.startsWith('{\n  "version": 1,\n  "title": "糖尿病 市販後調査",\n  "sources": {')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('reads a file with a BOM and reports broken JSON', () => {
    expect(parseSpecJson('\ufeff' + JSON.stringify(base())).release.mode).toBe('anonymized');
    let caught: unknown;
    try {
      parseSpecJson('{"version": 1,');
    } catch (e) {
      caught = e;
    }
    expect((caught as SpecError).key).toBe('spec.json.syntax');
  });
});

describe('the documented example', () => {
  it('is a valid spec that compiles for both of its tables', async () => {
    const { readFileSync } = await import('node:fs');
    const { compileSpec } = await import('../../../src/core/compile/index.ts');
    const readme = readFileSync(new URL('../../../src/core/spec/README.md', import.meta.url), 'utf8');
    const json = readme.match(/```json\n([\s\S]*?)```/)![1];
    const spec = parseSpecJson(json);
    expect(serializeSpec(spec)).toBe(serializeSpec(JSON.parse(json)));
    const patients = compileSpec(spec, {
      table: '患者',
      columns: ['患者ID', '氏名', '生年月日', '性別', '郵便番号', '体重'].map((name) => ({ name, type: name === '生年月日' ? 'DATE' : name === '体重' ? 'DOUBLE' : 'VARCHAR' })),
      exclusions: true,
    });
    expect(patients.outputColumns.map((c) => c.name)).toEqual(['患者ID', '生年月日', '性別', '郵便番号', '体重']);
    const visits = compileSpec(spec, {
      table: '受診',
      columns: [{ name: '患者ID', type: 'VARCHAR' }, { name: '受診日', type: 'DATE' }, { name: '傷病名コード', type: 'VARCHAR' }, { name: '所見', type: 'VARCHAR' }],
      exclusions: true,
    });
    expect(visits.outputColumns.map((c) => c.name)).toEqual(['患者ID', '受診日', '傷病名コード']);
    // The 体重 decision belongs to 患者 only.
    expect(visits.selectSql).not.toContain('131');
    expect(patients.selectSql).toContain('131');
  });
});
