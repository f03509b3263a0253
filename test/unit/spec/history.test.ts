import { describe, expect, it } from 'vitest';
import {
  applyEdit,
  canRedo,
  canUndo,
  commit,
  createHistory,
  emptySpec,
  redo,
  serializeSpec,
  undo,
  type ReleaseSpec,
} from '../../../src/core/spec/index.ts';

const setK = (k: number) => (s: ReleaseSpec) => applyEdit(s, { op: 'setModel', model: { k } });

describe('SpecHistory', () => {
  it('undoes and redoes edits in order', () => {
    let h = createHistory(emptySpec());
    expect(canUndo(h)).toBe(false);
    h = commit(h, setK(2));
    h = commit(h, setK(5));
    expect(h.present.model.k).toBe(5);
    h = undo(h);
    expect(h.present.model.k).toBe(2);
    expect(canRedo(h)).toBe(true);
    h = undo(h);
    expect(h.present.model.k).toBeUndefined();
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present.model.k).toBe(5);
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it('drops the redo branch when a new edit is made after undo', () => {
    let h = commit(commit(createHistory(emptySpec()), setK(2)), setK(3));
    h = commit(undo(h), setK(7));
    expect(h.present.model.k).toBe(7);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present.model.k).toBe(2);
  });

  it('keeps at most `cap` undo steps', () => {
    let h = createHistory(emptySpec(), 3);
    for (let k = 1; k <= 10; k++) h = commit(h, setK(k));
    expect(h.past.map((s) => s.model.k)).toEqual([7, 8, 9]);
    h = undo(undo(undo(h)));
    expect(h.present.model.k).toBe(7);
    expect(canUndo(h)).toBe(false);
  });

  it('does not record a no-op edit', () => {
    const h = createHistory(emptySpec());
    expect(commit(h, h.present)).toBe(h);
    const sameBytes = (a: ReleaseSpec, b: ReleaseSpec) => serializeSpec(a) === serializeSpec(b);
    expect(commit(h, (s) => ({ ...s }), sameBytes)).toBe(h);
    expect(commit(h, setK(1), sameBytes)).not.toBe(h);
  });

  it('freezes snapshots so the past cannot be rewritten in place', () => {
    const h = commit(createHistory(emptySpec()), setK(4));
    expect(() => {
      (h.present.model as { k?: number }).k = 99;
    }).toThrow(TypeError);
    expect(() => {
      (h.past[0].columns as unknown[]).push({});
    }).toThrow(TypeError);
    expect(h.present.model.k).toBe(4);
  });

  it('shares unchanged parts between snapshots', () => {
    const h = commit(createHistory(emptySpec()), setK(4));
    expect(h.present.columns).toBe(h.past[0].columns);
    expect(h.present.model).not.toBe(h.past[0].model);
  });
});
