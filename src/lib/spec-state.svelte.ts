import {
  applyEdits,
  canRedo,
  canUndo,
  commit,
  createHistory,
  emptySpec,
  parseSpecJson,
  redo,
  serializeSpec,
  undo,
  type ReleaseSpec,
  type SpecEdit,
  type SpecHistory,
} from '../core/spec/index.ts';

/**
 * The release spec being edited: the single source of truth the Classify, Transform
 * and Risk views read and change (Perspective style: a typed config object, saved and
 * opened as JSON). Every change goes through `edit`, so every change can be undone.
 * The spec is small and immutable, so it lives in $state.raw and is replaced whole.
 */
export class SpecState {
  history = $state.raw<SpecHistory<ReleaseSpec>>(createHistory(emptySpec('anonymized')));
  /** Which table of the workspace the spec is being built for. */
  table = $state<string | null>(null);

  get spec(): ReleaseSpec {
    return this.history.present;
  }
  get canUndo(): boolean {
    return canUndo(this.history);
  }
  get canRedo(): boolean {
    return canRedo(this.history);
  }

  edit(...edits: SpecEdit[]): void {
    this.history = commit(this.history, (s) => applyEdits(s, edits));
  }
  replace(spec: ReleaseSpec): void {
    this.history = commit(this.history, spec);
  }
  undo(): void {
    this.history = undo(this.history);
  }
  redo(): void {
    this.history = redo(this.history);
  }

  /** The spec file's bytes: stable key order, so the same spec is always the same file. */
  toJson(): string {
    return serializeSpec(this.spec);
  }
  /** Open a spec file; throws SpecError (with JSON paths, in both languages) when it is not valid. */
  openJson(text: string): void {
    this.replace(parseSpecJson(text));
  }
}
