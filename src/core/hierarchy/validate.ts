import { TokumeiError } from '../errors.ts';
import type { Hierarchy } from './types.ts';

/**
 * Throws a TokumeiError on the first structural problem: no rows, rows of different length,
 * an original value listed twice, or a value that splits into two parents at the next level
 * (generalization must form a tree, otherwise classes would not nest from level to level).
 * Row numbers in messages are 1-based, as a spreadsheet shows them.
 */
export function validateHierarchy(h: Hierarchy, column: string): void {
  if (h.rows.length === 0 || h.levels === 0) throw new TokumeiError('risk.hierarchy.empty', { column });
  const firstRow = new Map<string, number>();
  h.rows.forEach((r, i) => {
    if (r.length !== h.levels) {
      throw new TokumeiError('risk.hierarchy.ragged', { column, row: i + 1, expected: h.levels, found: r.length });
    }
    const seen = firstRow.get(r[0]);
    if (seen !== undefined) {
      throw new TokumeiError('risk.hierarchy.duplicateValue', { column, value: r[0], row: i + 1, firstRow: seen });
    }
    firstRow.set(r[0], i + 1);
  });
  for (let level = 1; level + 1 < h.levels; level++) {
    const parent = new Map<string, string>();
    for (const r of h.rows) {
      const p = parent.get(r[level]);
      if (p === undefined) parent.set(r[level], r[level + 1]);
      else if (p !== r[level + 1]) {
        throw new TokumeiError('risk.hierarchy.notMonotonic', {
          column,
          level,
          nextLevel: level + 1,
          value: r[level],
          first: p,
          second: r[level + 1],
        });
      }
    }
  }
}

/**
 * Distinct data values (NULLs ignored: they stay NULL at every level) that the hierarchy
 * does not list, in the order given. A separate check from validateHierarchy because it
 * needs the data.
 */
export function missingValues(h: Hierarchy, distinctValues: Iterable<string | null>): string[] {
  const known = new Set(h.rows.map((r) => r[0]));
  const missing: string[] = [];
  for (const v of distinctValues) if (v !== null && !known.has(v)) missing.push(v);
  return missing;
}

/** missingValues as an error the user can act on; shows at most five examples. */
export function assertNoMissingValues(h: Hierarchy, distinctValues: Iterable<string | null>, column: string): void {
  const missing = missingValues(h, distinctValues);
  if (missing.length > 0) {
    throw new TokumeiError('risk.hierarchy.missingValues', {
      column,
      count: missing.length,
      examples: missing.slice(0, 5).map((v) => JSON.stringify(v)).join(', '),
    });
  }
}
