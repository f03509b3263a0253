import type { Hierarchy } from '../hierarchy/types.ts';

/**
 * ARX's domain share of a label at a level: the fraction of the hierarchy's rows (its whole
 * domain, also values absent from the data) that generalize to that label. An original value
 * has share 1/rows, the root share 1.
 */
export function domainShares(h: Hierarchy, level: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of h.rows) counts.set(r[level], (counts.get(r[level]) ?? 0) + 1);
  const shares = new Map<string, number>();
  for (const [label, n] of counts) shares.set(label, n / h.rows.length);
  return shares;
}
