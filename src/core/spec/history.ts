/**
 * Undo/redo over immutable snapshots. Specs are small and edits rebuild only the path they
 * touch, so snapshots share everything else; a snapshot is frozen when it enters the
 * history, so a later in-place mutation fails loudly instead of rewriting the past.
 */
export interface SpecHistory<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** Most undo steps kept; older ones are forgotten. */
  readonly cap: number;
}

export function createHistory<T>(initial: T, cap = 200): SpecHistory<T> {
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`history cap must be a positive integer: ${cap}`);
  return Object.freeze({ past: [], present: deepFreeze(initial), future: [], cap });
}

/**
 * Records an edit. Committing the present itself (or a value `equals` calls equal) changes
 * nothing, so a no-op edit does not create an empty undo step. Any redo branch is dropped.
 */
export function commit<T>(
  h: SpecHistory<T>,
  next: T | ((present: T) => T),
  equals: (a: T, b: T) => boolean = Object.is,
): SpecHistory<T> {
  const value = typeof next === 'function' ? (next as (p: T) => T)(h.present) : next;
  if (equals(value, h.present)) return h;
  const past = [...h.past, h.present];
  return Object.freeze({ past: past.slice(Math.max(0, past.length - h.cap)), present: deepFreeze(value), future: [], cap: h.cap });
}

export const canUndo = <T>(h: SpecHistory<T>) => h.past.length > 0;
export const canRedo = <T>(h: SpecHistory<T>) => h.future.length > 0;

export function undo<T>(h: SpecHistory<T>): SpecHistory<T> {
  if (!canUndo(h)) return h;
  return Object.freeze({ past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future], cap: h.cap });
}

export function redo<T>(h: SpecHistory<T>): SpecHistory<T> {
  if (!canRedo(h)) return h;
  return Object.freeze({ past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1), cap: h.cap });
}

/** Freezes what is not frozen yet; shared, already frozen subtrees are not walked again. */
function deepFreeze<T>(v: T): T {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return v;
  for (const child of Object.values(v)) deepFreeze(child);
  return Object.freeze(v);
}
