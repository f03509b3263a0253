import { describe, expect, it } from 'vitest';
import { t } from '../../../src/core/i18n/catalog.ts';
import { emptySpec, serializeSpec } from '../../../src/core/spec/index.ts';
import { openSpecText } from '../../../src/ui/components/spec/spec-file.ts';
import { undoRedoKey, type KeyLike } from '../../../src/ui/components/spec/undo-keys.ts';

describe('openSpecText', () => {
  it('opens what serializeSpec saved', () => {
    const spec = { ...emptySpec(), columns: [{ name: '氏名', role: 'identifier' as const, transforms: [{ kind: 'drop' as const }] }] };
    const opened = openSpecText(serializeSpec(spec));
    expect(opened).toEqual({ ok: true, spec });
  });

  it('lists every problem of a bad spec with its JSON path, in both languages', () => {
    const text = JSON.stringify({
      version: 1,
      columns: [{ name: '氏名', role: 'boss', transforms: [{ kind: 'round', to: -1 }] }],
      release: { mode: 'anonymized' },
    });
    const opened = openSpecText(text);
    if (opened.ok) throw new Error('expected problems');
    expect(opened.issues.map((i) => i.path).sort()).toEqual(['columns[0].role', 'columns[0].transforms[0].to']);
    for (const i of opened.issues) {
      expect(t('ja', i.key, i.params).startsWith(`${i.path}: `)).toBe(true);
      expect(t('en', i.key, i.params).startsWith(`${i.path}: `)).toBe(true);
    }
  });

  it('reports a file that is not JSON at all', () => {
    const opened = openSpecText('{"version": 1,');
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.issues).toEqual([expect.objectContaining({ path: '', key: 'spec.json.syntax' })]);
  });
});

describe('undoRedoKey', () => {
  const key = (k: Partial<KeyLike>): KeyLike => ({ key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false, target: { tagName: 'BODY' }, ...k });
  it('maps Ctrl/⌘+Z to undo and Ctrl+Shift+Z, Ctrl+Y to redo', () => {
    expect(undoRedoKey(key({}))).toBe('undo');
    expect(undoRedoKey(key({ key: 'Z', shiftKey: true }))).toBe('redo');
    expect(undoRedoKey(key({ key: 'y' }))).toBe('redo');
    expect(undoRedoKey(key({ ctrlKey: false, metaKey: true }))).toBe('undo');
    expect(undoRedoKey(key({ ctrlKey: false }))).toBeNull();
    expect(undoRedoKey(key({ altKey: true }))).toBeNull();
  });

  it('leaves text fields their own undo, but not selects or checkboxes', () => {
    expect(undoRedoKey(key({ target: { tagName: 'INPUT', type: 'text' } }))).toBeNull();
    expect(undoRedoKey(key({ target: { tagName: 'TEXTAREA' } }))).toBeNull();
    expect(undoRedoKey(key({ target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull();
    expect(undoRedoKey(key({ target: { tagName: 'SELECT' } }))).toBe('undo');
    expect(undoRedoKey(key({ target: { tagName: 'INPUT', type: 'checkbox' } }))).toBe('undo');
  });
});
