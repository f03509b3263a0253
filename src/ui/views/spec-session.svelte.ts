import type { DetectionResult } from '../../core/detect/types.ts';
import type { Reason } from '../../core/spec/index.ts';

/**
 * What the Classify and Transform views remember while the user switches tabs: detection
 * results (they cost a scan), the explanation the last preset gave for each column, and
 * the column being edited. Nothing here is part of the spec.
 */
class SpecSession {
  /** Keyed by tableKey(): a table re-read under the same name is detected again. */
  detections = $state.raw<Record<string, DetectionResult>>({});
  /** Why the last applied preset chose what it did, per column name (and for the spec-wide settings). */
  reasons = $state.raw<Record<string, Reason>>({});
  /** The preset last applied, if any. */
  preset = $state<string | null>(null);
  /** The column open in the Transform view, per table. */
  column = $state.raw<Record<string, string>>({});
  /** The hierarchy open in the hierarchy editor. */
  hierarchy = $state<string | null>(null);
}

export const specSession = new SpecSession();

export function tableKey(t: { name: string; rows: number; columns: readonly { name: string; type: string }[] }): string {
  return `${t.name}\u0000${t.rows}\u0000${t.columns.map((c) => `${c.name}:${c.type}`).join(',')}`;
}
