import { describe, expect, it } from 'vitest';
import { criteriaForm, DEFAULT_K, modelOfForm, sameModel } from '../../../src/core/search/criteria-form.ts';
import { levelEdits, searchSignature, searchSpecPlan } from '../../../src/core/search/spec-plan.ts';
import { applyEdits, emptySpec } from '../../../src/core/spec/edit.ts';
import type { ReleaseSpec } from '../../../src/core/spec/schema.ts';

describe('criteria form', () => {
  it('is filled from the spec’s model and reads back to the same model', () => {
    const model = { k: 3, l: { value: 2, variant: 'recursive' as const, c: 1.5 }, t: { value: 0.2, variant: 'ordered' as const }, maxRisk: 0.1, suppressionLimit: 0.04 };
    const form = criteriaForm(model, 'entropy');
    expect(form).toMatchObject({ k: '3', l: '2', lVariant: 'recursive', c: '1.5', t: '0.2', tVariant: 'ordered', maxRisk: '0.1', suppressionPercent: '4', metric: 'entropy' });
    const back = modelOfForm(form);
    expect(back.issues).toEqual([]);
    expect(back.model).toEqual(model);
    expect(sameModel(back.model, model)).toBe(true);
  });

  it('starts with k = 5 when the spec names no criterion, and reads full-width digits', () => {
    const form = criteriaForm({ suppressionLimit: 0 });
    expect(form.k).toBe(String(DEFAULT_K));
    expect(modelOfForm({ ...form, k: '１０', suppressionPercent: '２．５' }).model).toEqual({ k: 10, suppressionLimit: 0.025 });
  });

  it('names each field that is wrong', () => {
    const base = criteriaForm({ suppressionLimit: 0 });
    const issues = (patch: Partial<typeof base>) => modelOfForm({ ...base, ...patch }).issues.map((i) => [i.field, i.key]);
    expect(issues({ k: '2.5' })).toEqual([['k', 'uiSearch.issue.k']]);
    expect(issues({ k: '0' })).toEqual([['k', 'uiSearch.issue.k']]);
    expect(issues({ l: '2.5' })).toEqual([['l', 'uiSearch.issue.l']]);
    expect(issues({ l: '2.5', lVariant: 'entropy' })).toEqual([]);
    expect(issues({ l: '2', lVariant: 'recursive', c: '' })).toEqual([['c', 'uiSearch.issue.c']]);
    expect(issues({ t: '0' })).toEqual([['t', 'uiSearch.issue.t']]);
    expect(issues({ t: '1.5' })).toEqual([['t', 'uiSearch.issue.t']]);
    expect(issues({ maxRisk: '2' })).toEqual([['maxRisk', 'uiSearch.issue.maxRisk']]);
    expect(issues({ suppressionPercent: '101' })).toEqual([['suppressionPercent', 'uiSearch.issue.suppression']]);
    expect(issues({ suppressionPercent: '' })).toEqual([['suppressionPercent', 'uiSearch.issue.suppression']]);
    expect(issues({ k: '' })).toEqual([['k', 'uiSearch.issue.noCriterion']]);
    expect(issues({ k: '', maxRisk: '0.2' })).toEqual([]);
    expect(sameModel({ k: 5, suppressionLimit: 0 }, { k: 5, suppressionLimit: 0.01 })).toBe(false);
  });
});

const spec: ReleaseSpec = applyEdits(emptySpec(), [
  { op: 'setHierarchy', hierarchy: { name: 'postal', kind: 'prefix', levels: [{ keep: 3 }, { keep: 1 }] } },
  { op: 'setColumn', column: { name: '郵便番号', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'postal', level: 1 }] } },
  { op: 'setColumn', column: { name: '性別', role: 'quasi', transforms: [] } },
  { op: 'setColumn', column: { name: '身長', role: 'quasi', transforms: [{ kind: 'round', to: 5 }] } },
  { op: 'setColumn', column: { table: '患者', name: '年齢', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'nowhere', level: 1 }] } },
  { op: 'setColumn', column: { name: '氏名', role: 'quasi', transforms: [{ kind: 'drop' }] } },
  { op: 'setColumn', column: { name: '主病名', role: 'sensitive', transforms: [] } },
]);
const names = ['氏名', '年齢', '性別', '郵便番号', '身長', '主病名', '備考'];

describe('what the search reads from the spec', () => {
  it('lists released quasi-identifiers in table order, and says why one is held fixed', () => {
    const plan = searchSpecPlan(spec, '患者', names);
    expect(plan.qis).toEqual([
      { column: '年齢', hierarchy: null, level: null, problem: 'missingHierarchy' },
      { column: '性別', hierarchy: null, level: null, problem: 'noHierarchy' },
      { column: '郵便番号', hierarchy: 'postal', level: 1, problem: null },
      { column: '身長', hierarchy: null, level: null, problem: 'otherTransforms' },
    ]);
    expect(plan.sensitive).toEqual(['主病名']);
    // The table-specific entry only applies to its table.
    expect(searchSpecPlan(spec, '他', names).qis.map((q) => q.column)).toEqual(['性別', '郵便番号', '身長']);
  });

  it('turns levels into edits of the searched generalizations only', () => {
    const edits = levelEdits(spec, '患者', { 郵便番号: 2, 性別: 0, 身長: 0, 年齢: 0 });
    expect(edits).toEqual([
      { op: 'setColumn', column: { name: '郵便番号', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'postal', level: 2 }] } },
    ]);
    const after = applyEdits(spec, edits);
    expect(searchSpecPlan(after, '患者', names).qis.find((q) => q.column === '郵便番号')!.level).toBe(2);
    expect(levelEdits(after, '患者', { 郵便番号: 2 })).toEqual([]);
    // Level 0 keeps the generalization (and with it the hierarchy) in the spec.
    const zero = applyEdits(after, levelEdits(after, '患者', { 郵便番号: 0 }));
    expect(searchSpecPlan(zero, '患者', names).qis.find((q) => q.column === '郵便番号')).toMatchObject({ hierarchy: 'postal', level: 0 });
  });

  it('signs what a result depends on: not the levels, but the quasi-identifiers and hierarchies', () => {
    const sign = (s: ReleaseSpec) => searchSignature(s, '患者', names);
    expect(sign(applyEdits(spec, levelEdits(spec, '患者', { 郵便番号: 2 })))).toBe(sign(spec));
    expect(sign(applyEdits(spec, [{ op: 'setHierarchy', hierarchy: { name: 'postal', kind: 'prefix', levels: [{ keep: 2 }] } }]))).not.toBe(sign(spec));
    expect(sign(applyEdits(spec, [{ op: 'setColumn', column: { name: '備考', role: 'quasi', transforms: [] } }]))).not.toBe(sign(spec));
    expect(sign(applyEdits(spec, [{ op: 'setColumn', column: { name: '性別', role: 'other', transforms: [] } }]))).not.toBe(sign(spec));
  });
});
