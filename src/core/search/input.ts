import { TokumeiError } from '../errors.ts';
import type { SearchColumn, SearchInput } from './types.ts';

/** One distinct combination of quasi-identifier values (as text; null = missing) and its records. */
export interface Combination {
  values: readonly (string | null)[];
  /** The sensitive value, when the input has a sensitive column. */
  sensitive?: string | null;
  count: number;
}

/**
 * Codes the combinations by the hierarchies (code r = row r; NULL = number of rows) and puts
 * them in a fixed order (by codes), so that sums over them are the same whatever order the
 * engine returned them in. Values a hierarchy lacks are refused with examples.
 */
export function buildSearchInput(columns: readonly SearchColumn[], combos: readonly Combination[], sensitiveColumn?: string): SearchInput {
  if (columns.length === 0) throw new TokumeiError('search.noColumns');
  const m = combos.length;
  const codes = columns.map(() => new Int32Array(m));
  columns.forEach(({ column, hierarchy }, d) => {
    const codeOf = new Map<string, number>(hierarchy.rows.map((r, i) => [r[0], i]));
    const nullCode = hierarchy.rows.length;
    const missing = new Set<string>();
    const out = codes[d];
    for (let i = 0; i < m; i++) {
      const v = combos[i].values[d];
      if (v === null) {
        out[i] = nullCode;
        continue;
      }
      const c = codeOf.get(v);
      if (c === undefined) missing.add(v);
      else out[i] = c;
    }
    if (missing.size > 0) {
      const examples = [...missing].sort().slice(0, 5);
      throw new TokumeiError('risk.hierarchy.missingValues', {
        column,
        count: missing.size,
        examples: examples.map((v) => JSON.stringify(v)).join(', '),
      });
    }
  });
  const counts = Int32Array.from(combos, (c) => c.count);

  let sensCodes: Int32Array | undefined;
  let sensValues: (string | null)[] = [];
  if (sensitiveColumn !== undefined) {
    sensValues = [...new Set(combos.map((c) => c.sensitive ?? null))].sort(compareNullLast);
    const codeOf = new Map(sensValues.map((v, i) => [v, i]));
    sensCodes = Int32Array.from(combos, (c) => codeOf.get(c.sensitive ?? null)!);
  }

  const order = [...Array(m).keys()].sort((a, b) => {
    for (const c of codes) if (c[a] !== c[b]) return c[a] - c[b];
    return sensCodes ? sensCodes[a] - sensCodes[b] : 0;
  });
  const permute = (a: Int32Array) => Int32Array.from(order, (i) => a[i]);
  let records = 0;
  for (let i = 0; i < m; i++) records += counts[i];
  return {
    columns,
    codes: codes.map(permute),
    counts: permute(counts),
    records,
    sensitive: sensCodes && { column: sensitiveColumn!, values: sensValues, codes: permute(sensCodes) },
  };
}

function compareNullLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
