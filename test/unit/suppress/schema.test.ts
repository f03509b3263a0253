import { describe, expect, it } from 'vitest';
import { applyEdit, parseSpec, renderIssue, serializeSpec, validateSpec, type ReleaseSpecInput } from '../../../src/core/spec/index.ts';

const base = (model: unknown): unknown => ({ version: 1, model, release: { mode: 'anonymized' } });

function issues(model: unknown) {
  const r = validateSpec(base(model));
  if (r.ok) throw new Error('expected the spec to be invalid');
  return r.issues.map((i) => ({ path: i.path, ja: renderIssue('ja', i), en: renderIssue('en', i) }));
}

describe('model.suppression and model.importance', () => {
  it('are optional: a spec without them (an older spec) stays valid, means records, and is written as before', () => {
    const old = parseSpec(base({ k: 5, suppressionLimit: 0.02 }));
    expect(old.model).toEqual({ k: 5, suppressionLimit: 0.02 });
    expect(serializeSpec(old)).not.toContain('suppression"');
    expect(serializeSpec(old)).not.toContain('importance');
  });

  it('take the cell method and importance per column, and round-trip', () => {
    const spec = parseSpec(base({ k: 3, suppression: 'cells', importance: { 性別: 3, 郵便番号: 0.5 } }));
    expect(spec.model).toEqual({ k: 3, suppressionLimit: 0, suppression: 'cells', importance: { 性別: 3, 郵便番号: 0.5 } });
    expect(parseSpec(JSON.parse(serializeSpec(spec)))).toEqual(spec);
    expect(parseSpec(base({ suppression: 'records' })).model.suppression).toBe('records');
  });

  it('explain invalid values in Japanese and English, with the path', () => {
    expect(issues({ suppression: 'cell' })).toEqual([
      {
        path: 'model.suppression',
        ja: 'model.suppression: "records"（レコードを削除）か "cells"（セルを空欄にする）を指定してください。',
        en: 'model.suppression: must be "records" (remove records) or "cells" (blank cells).',
      },
    ]);
    const bad = issues({ suppression: 'cells', importance: { 性別: 0, 年齢: -1, 職業: 'high', '': 2 } });
    expect(bad.map((i) => i.path)).toEqual(['model.importance["性別"]', 'model.importance["年齢"]', 'model.importance["職業"]', 'model.importance[""]']);
    expect(bad[0].ja).toBe('model.importance["性別"]: 重要度は 0 より大きい数値で指定してください（大きいほど値が残ります）。');
    expect(bad[2].en).toBe('model.importance["職業"]: importance must be a number greater than 0 (higher keeps the values longer).');
    expect(bad[3].ja).toContain('列名は空にできません');
    expect(issues({ importance: [3] })[0].en).toContain('importance must map column names to numbers');
  });

  it('are set and cleared through the edit API (what the UI undoes)', () => {
    const spec = parseSpec(base({ k: 5 }) as ReleaseSpecInput);
    const cells = applyEdit(spec, { op: 'setModel', model: { suppression: 'cells', importance: { 性別: 2 } } });
    expect(cells.model).toEqual({ k: 5, suppressionLimit: 0, suppression: 'cells', importance: { 性別: 2 } });
    expect(applyEdit(cells, { op: 'setModel', model: { suppression: undefined, importance: undefined } }).model).toEqual(spec.model);
  });
});
