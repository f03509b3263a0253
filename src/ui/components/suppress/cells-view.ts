import type { ReleaseSpec } from '../../../core/spec/schema.ts';

/** Importance a slider offers: 1 (blanked first) to 10 (kept longest). */
export const IMPORTANCE_MIN = 1;
export const IMPORTANCE_MAX = 10;

/** The importance of each quasi-identifier: the panel's choice, else the spec's, else 1. */
export function importanceOf(qis: readonly string[], spec: ReleaseSpec | null, chosen: Readonly<Record<string, number>> | undefined): Record<string, number> {
  return Object.fromEntries(qis.map((q) => [q, chosen?.[q] ?? spec?.model.importance?.[q] ?? 1]));
}

/** What the spec records: only the columns that differ from the default 1, or nothing when none does. */
export function importanceForSpec(importance: Readonly<Record<string, number>>): Record<string, number> | undefined {
  const kept = Object.entries(importance).filter(([, v]) => v !== 1);
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/** Whether the spec already releases with cell suppression at this k and importance. */
export function specUsesCells(spec: ReleaseSpec | null, k: number | null, importance: Readonly<Record<string, number>>): boolean {
  if (!spec || spec.model.suppression !== 'cells' || spec.model.k !== k) return false;
  return sameImportance(spec.model.importance ?? {}, importanceForSpec(importance) ?? {});
}

function sameImportance(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? 1) === (b[key] ?? 1));
}

/** A k for cell suppression typed by the user: a whole number ≥ 2, or null. */
export function parseCellK(text: string): number | null {
  const t = text.trim();
  if (!/^[0-9]+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) && n >= 2 ? n : null;
}

/**
 * What a result depends on, as text: the table, k, importance and the spec apart from its own k
 * step (the run uses the panel's k and importance, so writing them into the spec does not make
 * the result out of date).
 */
export function requestKey(req: { table: string; spec: ReleaseSpec | null; k: number; importance: Readonly<Record<string, number>> }): string {
  const spec = req.spec && { ...req.spec, model: { ...req.spec.model, k: undefined, suppression: undefined, importance: undefined } };
  return JSON.stringify({ table: req.table, k: req.k, importance: req.importance, spec });
}
