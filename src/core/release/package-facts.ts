import { applySpec } from '../compile/apply.ts';
import type { SqlEngine } from '../engine.ts';
import type { PseudonymKey } from '../pseudonymize/key.ts';
import type { ReleaseSpec } from '../spec/schema.ts';
import { ident } from '../sql/quote.ts';
import type { FactDistribution } from './facts.ts';

/** What the measurements below need to apply a spec again. */
interface ApplyInputs {
  table: string;
  exclusions?: readonly string[];
  key?: PseudonymKey;
  subjectColumn?: string;
}

/** The spec without its listed cell values (suppressCell transforms, suppressCell decisions). */
export function withoutListedCells(spec: ReleaseSpec): ReleaseSpec {
  return {
    ...spec,
    columns: spec.columns.map((c) => ({ ...c, transforms: c.transforms.filter((t) => t.kind !== 'suppressCell') })),
    peculiar: { ...spec.peculiar, decisions: spec.peculiar.decisions.filter((d) => d.action !== 'suppressCell') },
  };
}

const hasListedCells = (spec: ReleaseSpec) =>
  spec.columns.some((c) => c.transforms.some((t) => t.kind === 'suppressCell')) || spec.peculiar.decisions.some((d) => d.action === 'suppressCell');

/**
 * Cells blanked because their value was listed, per column: the same records released with and
 * without the listings differ only in those cells (blanking removes no record), so the count is
 * the difference of their NULL counts. Counted before the k step, which the risk figures report.
 */
export async function listedCellCounts(
  engine: SqlEngine,
  spec: ReleaseSpec,
  inputs: ApplyInputs,
  view: string,
  columns: readonly string[],
): Promise<{ column: string; cells: number }[]> {
  if (!hasListedCells(spec) || columns.length === 0) return [];
  const plain = await applySpec(engine, withoutListedCells(spec), {
    table: inputs.table,
    exclusions: inputs.exclusions,
    key: inputs.key,
    subjectColumn: inputs.subjectColumn,
    view: '__tokumei_pkg_unlisted',
    prefix: '__tokumei_pkg_u_',
  });
  try {
    const nulls = (rel: string) => `SELECT ${columns.map((c, i) => `count(*) FILTER (WHERE ${ident(c)} IS NULL) AS ${ident(`n${i}`)}`).join(', ')} FROM ${ident(rel)}`;
    const [withListed] = await engine.rows(nulls(view));
    const [without] = await engine.rows(nulls(plain.view));
    return columns
      .map((column, i) => ({ column, cells: Number(withListed[`n${i}`]) - Number(without[`n${i}`]) }))
      .filter((c) => c.cells > 0);
  } finally {
    await plain.dispose().catch(() => undefined);
  }
}

/** Value counts of the released quasi-identifiers (the released relation only: no source value appears). */
export async function releasedDistributions(engine: SqlEngine, relation: string, qis: readonly string[]): Promise<FactDistribution[]> {
  const out: FactDistribution[] = [];
  for (const q of qis) {
    const rows = await engine.rows(
      `SELECT CAST(${ident(q)} AS VARCHAR) AS v, count(*) AS n FROM ${ident(relation)} GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST`,
    );
    out.push({ column: q, values: rows.map((r) => ({ value: r.v === null ? null : String(r.v), count: Number(r.n) })) });
  }
  return out;
}
