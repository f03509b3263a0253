import { findColumn } from '../../../core/spec/edit.ts';
import type { ReleaseSpec } from '../../../core/spec/schema.ts';

/** The day a column's age hierarchy counts ages on, so an age condition means what the release's bands mean. */
export function ageReferenceDate(spec: ReleaseSpec | null, table: string, column: string): string | null {
  if (!spec) return null;
  for (const t of findColumn(spec, table, column)?.transforms ?? []) {
    if (t.kind !== 'generalize') continue;
    const h = spec.hierarchies.find((x) => x.name === t.hierarchy);
    if (h?.kind === 'age') return h.referenceDate;
  }
  return null;
}

/** Today as YYYY-MM-DD in local time (the default day ages are counted on). */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A whole number of at least 1, typed in the threshold field; null otherwise. */
export function parseThreshold(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 ? n : null;
}
