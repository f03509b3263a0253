import type { DetectionResult } from '../core/detect/types.ts';
import type { SqlValue } from '../core/engine.ts';
import type { Hierarchy } from '../core/hierarchy/types.ts';
import type { HierarchySpec, ReleaseSpec } from '../core/spec/index.ts';
import type { HierarchyPreview, PreviewPage, PreviewResult } from '../../workers/engine/spec-api.ts';
import type { EngineClient } from './engine-client.svelte.ts';

export type { HierarchyGroup, HierarchyPreview, PreviewColumn, PreviewIssue, PreviewPage, PreviewResult, PreviewSummary } from '../../workers/engine/spec-api.ts';

/** What the spec calls need from the engine client (a fake in tests). */
export type SpecCaller = Pick<EngineClient, 'call' | 'keep'>;

export const detectRoles = (c: SpecCaller, table: string): Promise<DetectionResult> => c.call((api) => api.specDetect(table));

export const previewSpec = (c: SpecCaller, spec: ReleaseSpec, table: string): Promise<PreviewResult> => c.call((api) => api.specPreview(spec, table));

export const previewPage = (c: SpecCaller, id: number, offset: number, limit: number): Promise<PreviewPage> =>
  c.call((api) => api.specPreviewPage(id, offset, limit));

export const previewHierarchy = (c: SpecCaller, table: string, column: string, h: HierarchySpec, level: number, k?: number): Promise<HierarchyPreview> =>
  c.call((api) => api.specHierarchyPreview(table, column, h, level, k));

export const hierarchyTable = (c: SpecCaller, table: string, column: string, h: HierarchySpec): Promise<Hierarchy> =>
  c.call((api) => api.specHierarchyTable(table, column, h));

export const keyFingerprint = (c: SpecCaller): Promise<string> => c.call((api) => api.specKeyFingerprint());

/**
 * Hand an exclusion list to the worker (the IDs stay there); resolves to the digest and count the spec records.
 * The client keeps the file to hand it over again should the worker be restarted.
 */
export const useExclusionList = (c: SpecCaller, file: Blob): Promise<{ sha256: string; count: number }> =>
  c.keep('exclusions', async (api) => api.specUseExclusions(await file.text()));

/**
 * Hand a key file to the worker; resolves to the new fingerprint. Its bytes are read afresh for
 * each hand-over (also after a worker restart, so pseudonyms do not change under the user).
 */
export const useKeyFile = (c: SpecCaller, file: Blob): Promise<string> =>
  c.keep('key', async (api) => api.specUseKey(new Uint8Array(await file.arrayBuffer())));

/**
 * Runs only what is still wanted: while one call runs, a newer request replaces the one
 * waiting, and a call that has been overtaken resolves to `undefined`. Live previews use it
 * so a burst of edits costs one or two engine runs, never a queue of stale ones.
 */
export function latestOnly<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  let latest = 0;
  let running: Promise<unknown> = Promise.resolve();
  return (...args: A) => {
    const ticket = ++latest;
    const run = running.then(async () => {
      if (ticket !== latest) return undefined;
      const result = await fn(...args);
      return ticket === latest ? result : undefined;
    });
    running = run.catch(() => undefined);
    return run;
  };
}

export interface RowStatus {
  /** Text of the status cell for a record that stays, and for one the spec removes. */
  kept: string;
  removed: string;
}

/**
 * One worker call per page feeds both grids of the before/after view, so the two sides
 * always show the same source rows. A removed record shows as empty cells on the after
 * side; with `status`, a leading column says which records are removed.
 */
export class PairedPages {
  private readonly pages = new Map<string, Promise<PreviewPage>>();

  constructor(
    private readonly fetch: (offset: number, limit: number) => Promise<PreviewPage>,
    private readonly width: number,
    private readonly status?: RowStatus,
    /** Pages kept; the grids' own cache holds what is on screen. */
    private readonly keep = 8,
  ) {}

  private page(offset: number, limit: number): Promise<PreviewPage> {
    const k = `${offset}:${limit}`;
    let p = this.pages.get(k);
    if (!p) {
      p = this.fetch(offset, limit);
      this.pages.set(k, p);
      p.catch(() => this.pages.delete(k));
      while (this.pages.size > this.keep) this.pages.delete(this.pages.keys().next().value!);
    }
    return p;
  }

  async before(offset: number, limit: number): Promise<SqlValue[][]> {
    return (await this.page(offset, limit)).before;
  }

  async after(offset: number, limit: number): Promise<SqlValue[][]> {
    const empty = (): SqlValue[] => Array.from({ length: this.width }, () => null);
    return (await this.page(offset, limit)).after.map((r) => {
      if (!this.status) return r ?? empty();
      return r ? [this.status.kept, ...r] : [this.status.removed, ...empty()];
    });
  }
}

/** Drops the preview's view and mapping tables (they hold source values) when no view shows it. */
export const disposePreview = (c: SpecCaller): Promise<void> => c.call((api) => api.specPreviewDispose());
