import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident, num, str } from '../sql/quote.ts';
import type { CellSuppressionResult, KeyCombos } from './types.ts';

/** Rows per INSERT, as in hierarchy/sql.ts. */
const CHUNK = 1000;

/** The distinct key combinations of a relation (values as VARCHAR, NULL kept) with their record counts. */
export async function loadKeyCombos(engine: SqlEngine, relation: string, keys: readonly string[]): Promise<KeyCombos> {
  if (keys.length === 0) throw new TokumeiError('search.cell.noKeys');
  const select = keys.map((k, i) => `CAST(${ident(k)} AS VARCHAR) AS ${ident(`k${i}`)}`);
  const rows = await engine.rows(`SELECT ${select.join(', ')}, count(*) AS ${ident('n')} FROM ${ident(relation)} GROUP BY ALL`);
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    keys,
    values: rows.map((r) => keys.map((_, i) => text(r[`k${i}`]))),
    counts: rows.map((r) => Number(r.n)),
  };
}

/**
 * Statements that create `into` as a view of `relation` with the blanked cells set to NULL: the
 * combinations that lose cells go into a small table `{into}__cells` (their key values and a
 * bit mask of the keys to blank), joined back on the key values (NULL matching NULL). Every
 * other column, and the column order and types, stay as they are.
 */
export function cellSuppressionSql(relation: string, combos: KeyCombos, result: CellSuppressionResult, into: string): string[] {
  const keys = combos.keys;
  const cells = cellsTableOf(into);
  const cols = keys.map((_, i) => `${ident(`k${i}`)} VARCHAR`);
  const out = [`CREATE OR REPLACE TABLE ${ident(cells)} (${[...cols, `${ident('blank')} BIGINT`].join(', ')})`];
  const tuples: string[] = [];
  combos.values.forEach((values, i) => {
    const b = result.blanked[i];
    if (b === 0) return;
    tuples.push(`(${[...values.map((v) => (v === null ? 'NULL' : str(v))), num(b)].join(', ')})`);
  });
  for (let i = 0; i < tuples.length; i += CHUNK) {
    out.push(`INSERT INTO ${ident(cells)} VALUES ${tuples.slice(i, i + CHUNK).join(', ')}`);
  }
  const s = ident('s');
  const c = ident('c');
  const replace = keys.map(
    (k, i) => `CASE WHEN coalesce(${c}.${ident('blank')}, 0) & ${num(2 ** i)} <> 0 THEN NULL ELSE ${s}.${ident(k)} END AS ${ident(k)}`,
  );
  const on = keys.map((k, i) => `CAST(${s}.${ident(k)} AS VARCHAR) IS NOT DISTINCT FROM ${c}.${ident(`k${i}`)}`).join(' AND ');
  out.push(
    `CREATE OR REPLACE VIEW ${ident(into)} AS SELECT ${s}.* REPLACE (${replace.join(', ')}) FROM ${ident(relation)} AS ${s} LEFT JOIN ${ident(cells)} AS ${c} ON ${on}`,
  );
  return out;
}

/** The table of blanked combinations behind the view `into`. */
export function cellsTableOf(into: string): string {
  return `${into}__cells`;
}

export async function applyCellSuppression(
  engine: SqlEngine,
  relation: string,
  combos: KeyCombos,
  result: CellSuppressionResult,
  into: string,
): Promise<void> {
  for (const sql of cellSuppressionSql(relation, combos, result, into)) await engine.exec(sql);
}
