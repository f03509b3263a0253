import type { DetectionResult } from '../../core/detect/types.ts';
import type { Reason } from '../../core/spec/index.ts';
import { isoDate } from '../../core/demo/dates.ts';
import { EXTRACT_DAY } from '../../core/demo/calendar.ts';
import { detectRoles, type SpecCaller } from '../../lib/spec-client.ts';

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

type TableLike = { name: string; rows: number; demo?: boolean; columns: readonly { name: string; type: string }[] };

const detecting = new Map<string, Promise<DetectionResult>>();

/**
 * Detection for a table, run once per table version however many views ask for it (it
 * scans the table); the result lands in specSession.detections.
 */
export function ensureDetection(client: SpecCaller, table: TableLike): Promise<DetectionResult> {
  const k = tableKey(table);
  const known = specSession.detections[k];
  if (known) return Promise.resolve(known);
  let running = detecting.get(k);
  if (!running) {
    running = detectRoles(client, table.name).then(
      (d) => {
        specSession.detections = { ...specSession.detections, [k]: d };
        return d;
      },
      (e) => {
        detecting.delete(k);
        throw e;
      },
    );
    detecting.set(k, running);
  }
  return running;
}

/** The date ages are computed at: the demo extract's own extract day, else none (the preset asks). */
export function referenceDateOf(table: { demo?: boolean }): string | undefined {
  return table.demo ? isoDate(EXTRACT_DAY) : undefined;
}

export function tableKey(t: { name: string; rows: number; columns: readonly { name: string; type: string }[] }): string {
  return `${t.name}\u0000${t.rows}\u0000${t.columns.map((c) => `${c.name}:${c.type}`).join(',')}`;
}
