import { materializeHierarchy } from '../../src/core/compile/index.ts';
import { detectRoles, type DetectionResult } from '../../src/core/detect/index.ts';
import type { SqlEngine } from '../../src/core/engine.ts';
import type { Hierarchy } from '../../src/core/hierarchy/types.ts';
import { PseudonymKey } from '../../src/core/pseudonymize/key.ts';
import { exclusionDigest, parseExclusionList, type HierarchySpec, type ReleaseSpec } from '../../src/core/spec/index.ts';
import { previewHierarchy, type HierarchyPreview } from './spec-hierarchy.ts';
import { SpecPreviewer, type PreviewPage, type PreviewResult } from './spec-preview.ts';

export type { HierarchyPreview, HierarchyGroup } from './spec-hierarchy.ts';
export type { PreviewColumn, PreviewIssue, PreviewPage, PreviewResult, PreviewSummary } from './spec-preview.ts';

/** The exclusion list last handed to the worker, for the worker's other parts (it is never sent back to the page). */
let sessionExclusions: string[] | null = null;
export const currentExclusions = (): readonly string[] | null => sessionExclusions;

/**
 * The session's pseudonymization key, shared by the worker's parts (preview, release): made on
 * first use as a non-extractable WebCrypto key, or the key of a key file (specUseKey).
 */
let key: Promise<PseudonymKey> | null = null;
let keyFromFile = false;
export const sessionKey = (): Promise<PseudonymKey> => (key ??= PseudonymKey.generate({ extractable: false }));
/** Whether the key came from a key file (then `tokumei` with the same file gives the same pseudonyms). */
export const sessionKeyFromFile = (): boolean => keyFromFile;

/**
 * The Classify and Transform views' part of the engine worker, merged into engineApi.
 *
 * The pseudonymization key is made here, on first use, as a non-extractable WebCrypto key:
 * it stays in this worker for the session, never crosses to the page, and never enters a
 * spec. Only its one-way fingerprint can be read, to tell keys apart. A restarted worker has
 * a new key, so pseudonyms and date shifts change with it.
 */
export function specApi(engine: () => SqlEngine) {
  const previewer = new SpecPreviewer(engine, sessionKey);
  /** The exclusion list (提供停止・削除の求め): its IDs stay in this worker; the spec records only digest and count. */
  let exclusions: string[] | null = null;

  return {
    /** Suggested role per column, with the reason. */
    async specDetect(table: string): Promise<DetectionResult> {
      return detectRoles(engine(), table);
    },

    /** Applies the spec to `table` as the release would; blockers come back as data, with their JSON paths. */
    async specPreview(spec: ReleaseSpec, table: string, ids?: string[]): Promise<PreviewResult> {
      return previewer.run(spec, table, ids ?? exclusions ?? undefined);
    },

    /** Read an exclusion list (one subject ID per line); returns what the spec records about it. */
    async specUseExclusions(text: string): Promise<{ sha256: string; count: number }> {
      const ids = parseExclusionList(text);
      const digest = await exclusionDigest(ids);
      exclusions = ids;
      sessionExclusions = ids;
      return digest;
    },

    /** Rows [offset, offset + limit) of a preview, before and after. */
    async specPreviewPage(id: number, offset: number, limit: number): Promise<PreviewPage> {
      return previewer.page(id, offset, limit);
    },

    async specPreviewDispose(): Promise<void> {
      await previewer.dispose();
    },

    /** Groups and value → generalized value of one column under a hierarchy at one level (and, with k, the groups smaller than k). */
    async specHierarchyPreview(table: string, column: string, hierarchy: HierarchySpec, level: number, k?: number): Promise<HierarchyPreview> {
      return previewHierarchy(engine(), table, column, hierarchy, level, k);
    },

    /** The hierarchy in ARX table form for the values the column holds (for export as ARX CSV). */
    async specHierarchyTable(table: string, column: string, hierarchy: HierarchySpec): Promise<Hierarchy> {
      return materializeHierarchy(engine(), table, column, hierarchy);
    },

    /**
     * Use the key of a key file (the raw bytes `tokumei apply --key` reads and writes), so the
     * browser's pseudonyms and date shifts equal the command line's. Kept non-extractable.
     */
    async specUseKey(bytes: Uint8Array): Promise<string> {
      const next = PseudonymKey.fromBytes(bytes, { extractable: false });
      await next;
      key = next;
      keyFromFile = true;
      return (await next).fingerprint();
    },

    /** The session key's one-way fingerprint (16 hex digits); the key itself never leaves the worker. */
    async specKeyFingerprint(): Promise<string> {
      return (await sessionKey()).fingerprint();
    },
  };
}

export type SpecApi = ReturnType<typeof specApi>;
