export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** The focused element's tag and type, to leave text fields their own undo. */
  target: { tagName?: string; type?: string; isContentEditable?: boolean } | null;
}

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'date', 'email', 'url', 'tel', 'password', '']);

/** Whether typing in the target has its own undo (a text field), which the spec's undo must not take over. */
function editsText(t: KeyLike['target']): boolean {
  if (!t) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName?.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && TEXT_INPUTS.has((t.type ?? '').toLowerCase());
}

/**
 * Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (⌘ on a Mac), except inside a text field,
 * where the browser's own text undo applies.
 */
export function undoRedoKey(e: KeyLike): 'undo' | 'redo' | null {
  if (e.altKey || !(e.ctrlKey || e.metaKey) || editsText(e.target)) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}
