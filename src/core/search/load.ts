import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import type { Hierarchy } from '../hierarchy/types.ts';
import { ident } from '../sql/quote.ts';
import { buildSearchInput } from './input.ts';
import type { SearchInput } from './types.ts';

/**
 * Fetches what a search needs with one GROUP BY over the relation: every distinct combination
 * of the quasi-identifiers' values (and the sensitive value, when given) with its number of
 * records. Values are compared as VARCHAR, like the hierarchy mapping tables. The raw data is
 * not read again: the search works on these combinations in memory.
 */
export async function loadSearchInput(
  engine: SqlEngine,
  relation: string,
  qis: readonly string[],
  hierarchies: Readonly<Record<string, Hierarchy>>,
  sensitive?: string,
): Promise<SearchInput> {
  if (qis.length === 0) throw new TokumeiError('search.noColumns');
  const columns = qis.map((column) => {
    const hierarchy = hierarchies[column];
    if (!hierarchy) throw new TokumeiError('search.noHierarchy', { column });
    return { column, hierarchy };
  });
  const select = qis.map((q, i) => `CAST(${ident(q)} AS VARCHAR) AS ${ident(`c${i}`)}`);
  if (sensitive !== undefined) select.push(`CAST(${ident(sensitive)} AS VARCHAR) AS ${ident('s')}`);
  const rows = await engine.rows(`SELECT ${select.join(', ')}, count(*) AS ${ident('n')} FROM ${ident(relation)} GROUP BY ALL`);
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const combos = rows.map((r) => ({
    values: qis.map((_, i) => text(r[`c${i}`])),
    sensitive: sensitive === undefined ? undefined : text(r.s),
    count: Number(r.n),
  }));
  return buildSearchInput(columns, combos, sensitive);
}
