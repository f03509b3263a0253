import { describe, expect, it } from 'vitest';
import { measuredSpec } from '../../../src/core/risk/assess-parts.ts';
import { findColumn } from '../../../src/core/spec/edit.ts';
import { checkSpec } from '../../../src/core/spec/check.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';

const NAMES = ['患者ID', '生年月日', '性別', '郵便番号', '主病名', '体重'];
const spec = parseSpec({
  version: 1,
  sources: { tables: [{ name: '患者' }] },
  columns: [
    { name: '患者ID', role: 'identifier', transforms: [{ kind: 'drop' }] },
    { name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 1 }] },
    { name: '性別', role: 'quasi' },
    { name: '主病名', role: 'sensitive' },
  ],
  hierarchies: [{ name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 5 }] }],
  model: { k: 5, suppressionLimit: 0.02 },
  release: { mode: 'anonymized' },
});
const role = (s: typeof spec, name: string) => findColumn(s, '患者', name)?.role;

describe('measuredSpec', () => {
  it('leaves the spec as it is without an ad hoc choice', () => {
    expect(measuredSpec(spec, '患者', NAMES, {})).toBe(spec);
  });

  it('makes the chosen columns the quasi-identifiers, keeping their transforms', () => {
    const s = measuredSpec(spec, '患者', NAMES, { qis: ['生年月日', '郵便番号'] });
    expect(['生年月日', '性別', '郵便番号', '主病名'].map((n) => role(s, n))).toEqual(['quasi', 'other', 'quasi', 'sensitive']);
    expect(findColumn(s, '患者', '生年月日')?.transforms).toEqual([{ kind: 'generalize', hierarchy: 'age', level: 1 }]);
    expect(findColumn(s, '患者', '郵便番号')?.transforms).toEqual([]);
    expect(s.model).toEqual(spec.model);
    expect(checkSpec(s)).toEqual([]);
    // The input is not modified.
    expect(role(spec, '郵便番号')).toBeUndefined();
  });

  it('sets or clears the sensitive attribute', () => {
    expect(role(measuredSpec(spec, '患者', NAMES, { sensitive: '体重' }), '体重')).toBe('sensitive');
    expect(role(measuredSpec(spec, '患者', NAMES, { sensitive: '体重' }), '主病名')).toBe('other');
    expect(role(measuredSpec(spec, '患者', NAMES, { sensitive: null }), '主病名')).toBe('other');
  });

  it('starts from an empty spec when the spec is for another table, or there is none', () => {
    for (const base of [spec, null]) {
      const s = measuredSpec(base, '受診', NAMES, { qis: ['性別'] });
      expect(s.columns).toEqual([{ table: '受診', name: '性別', role: 'quasi', transforms: [] }]);
      expect(s.model.k).toBeUndefined();
    }
  });

  it('writes table-specific entries that win over table-less ones', () => {
    const s = measuredSpec(spec, '患者', NAMES, { qis: ['郵便番号'] });
    expect(s.columns.filter((c) => c.name === '性別')).toEqual([
      { name: '性別', role: 'quasi', transforms: [] },
      { table: '患者', name: '性別', role: 'other', transforms: [] },
    ]);
  });
});
