import { describe, expect, it } from 'vitest';
import { applyEdits, emptySpec, findColumn, parseSpec, type SpecEdit } from '../../../src/core/spec/index.ts';

describe('spec edits', () => {
  const edits: SpecEdit[] = [
    { op: 'setSource', source: { name: '患者', subjectColumn: '患者ID' } },
    { op: 'setColumn', column: { name: '患者ID', role: 'identifier', transforms: [{ kind: 'pseudonymize' }] } },
    { op: 'setColumn', column: { name: '氏名', role: 'quasi', transforms: [] } },
    { op: 'setColumn', column: { table: '受診', name: '氏名', role: 'other', transforms: [] } },
    // Replaces the first 氏名 entry in place (same table and name), keeping column order.
    { op: 'setColumn', column: { name: '氏名', role: 'identifier', transforms: [{ kind: 'drop' }] } },
    { op: 'setHierarchy', hierarchy: { name: 'cal', kind: 'date', levels: ['month'] } },
    { op: 'setHierarchy', hierarchy: { name: 'cal', kind: 'date', levels: ['month', 'year'] } },
    { op: 'setModel', model: { k: 5, suppressionLimit: 0.02 } },
    { op: 'setModel', model: { k: undefined } },
    { op: 'setRelease', release: { requestId: 'REQ-1' } },
    { op: 'setExclusions', exclusions: { sha256: 'c'.repeat(64), count: 2 } },
    { op: 'setPeculiarReview', review: true },
    { op: 'decidePeculiar', decision: { column: '体重', value: 131, action: 'keep', reason: '確認済み' } },
    { op: 'decidePeculiar', decision: { column: '体重', value: 131, action: 'suppressRecord', reason: '特異値' } },
  ];

  it('applies edits by natural key without modifying the input', () => {
    const start = emptySpec();
    const before = structuredClone(start);
    const spec = applyEdits(start, edits);
    expect(start).toEqual(before);
    expect(spec.columns.map((c) => [c.table, c.name, c.role])).toEqual([
      [undefined, '患者ID', 'identifier'],
      [undefined, '氏名', 'identifier'],
      ['受診', '氏名', 'other'],
    ]);
    expect(spec.hierarchies).toEqual([{ name: 'cal', kind: 'date', levels: ['month', 'year'] }]);
    expect(spec.model).toEqual({ suppressionLimit: 0.02 });
    expect(spec.release).toEqual({ mode: 'anonymized', restriction: 'none', formats: ['csv'], requestId: 'REQ-1' });
    expect(spec.sources).toEqual({ tables: [{ name: '患者', subjectColumn: '患者ID' }], exclusions: { sha256: 'c'.repeat(64), count: 2 } });
    expect(spec.peculiar).toEqual({ review: true, decisions: [{ column: '体重', value: 131, action: 'suppressRecord', reason: '特異値' }] });
    expect(parseSpec(spec)).toEqual(spec);
  });

  it('removes entries and finds the entry that governs a column', () => {
    const spec = applyEdits(emptySpec(), [
      ...edits.slice(0, 4),
      { op: 'removeHierarchy', name: 'cal' },
      { op: 'removeColumn', name: '患者ID' },
    ]);
    expect(spec.columns.map((c) => c.name)).toEqual(['氏名', '氏名']);
    expect(findColumn(spec, '受診', '氏名')?.role).toBe('other');
    expect(findColumn(spec, '患者', '氏名')?.role).toBe('quasi');
    expect(findColumn(spec, '患者', '患者ID')).toBeUndefined();
  });
});
