import { describe, expect, it } from 'vitest';
import { allMessageKeys, t } from '../../../src/core/i18n/catalog.ts';
import { applyEdits, checkSpec, emptySpec, presetEdits, type PresetColumn } from '../../../src/core/spec/index.ts';
import { acceptedEdits, presetOptions, proposals } from '../../../src/ui/components/spec/proposal.ts';

const COLUMNS: PresetColumn[] = [
  { name: '患者ID', type: 'VARCHAR', role: 'identifier', category: 'subjectId' },
  { name: '氏名', type: 'VARCHAR', role: 'identifier', category: 'name' },
  { name: '生年月日', type: 'DATE', role: 'quasi', category: 'birthDate' },
  { name: '郵便番号', type: 'VARCHAR', role: 'quasi', category: 'postalCode' },
];

describe('preset proposals', () => {
  const list = proposals(presetEdits('anonymized', COLUMNS, presetOptions({ k: 3, suppressionPercent: 2, referenceDate: '2024-04-01' })));

  it('describe every edit in both languages, with nothing left unfilled', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const p of list) {
      for (const text of [p.target, ...p.detail]) {
        expect(keys.has(text.key), text.key).toBe(true);
        for (const lang of ['ja', 'en'] as const) expect(t(lang, text.key, text.params)).not.toMatch(/\{\w+\}/);
      }
      expect(p.why).not.toBeNull();
    }
    const model = list.find((p) => p.edit.op === 'setModel')!;
    expect(model.detail.map((d) => t('ja', d.key, d.params))).toEqual(['k = 3', '削除上限 2%']);
    const postal = list.find((p) => p.edit.op === 'setColumn' && p.edit.column.name === '郵便番号')!;
    expect(postal.detail.map((d) => t('en', d.key, d.params))).toEqual(['Quasi-identifier', 'Generalize postal L2']);
    expect(postal.needs).toEqual(['postal']);
  });

  it('apply the ticked edits, with the hierarchies they need even when those were unticked', () => {
    const column = list.find((p) => p.edit.op === 'setColumn' && p.edit.column.name === '郵便番号')!;
    const edits = acceptedEdits(list, new Set([column.index]));
    expect(edits.map((e) => e.op)).toEqual(['setHierarchy', 'setColumn']);
    const spec = applyEdits(emptySpec(), edits);
    expect(spec.hierarchies.map((h) => h.name)).toEqual(['postal']);
    expect(checkSpec(spec)).toEqual([]);
    expect(acceptedEdits(list, new Set())).toEqual([]);
    const all = applyEdits(emptySpec(), acceptedEdits(list, new Set(list.map((p) => p.index))));
    expect(all.model).toEqual({ k: 3, suppressionLimit: 0.02 });
    expect(checkSpec(all)).toEqual([]);
  });

  it('take the form\'s options only when they make sense', () => {
    expect(presetOptions({ k: 5, suppressionPercent: 5, referenceDate: '2024-04-01' })).toEqual({ k: 5, suppressionLimit: 0.05, referenceDate: '2024-04-01' });
    expect(presetOptions({ k: 0, suppressionPercent: 7, referenceDate: '' })).toEqual({ suppressionLimit: 0.07 });
    expect(presetOptions({ k: 2.5, suppressionPercent: Number.NaN, referenceDate: '2024/04/01' })).toEqual({});
  });
});
