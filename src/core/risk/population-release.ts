import { applySpec, type AppliedSpec } from '../compile/apply.ts';
import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import type { PseudonymKey } from '../pseudonymize/key.ts';
import { ident } from '../sql/quote.ts';
import type { ReleaseSpec } from '../spec/schema.ts';

export interface PopulationView extends Pick<AppliedSpec, 'dispose'> {
  view: string;
  /** Records of the population table (all of them: a population loses none). */
  records: number;
}

/**
 * A population table generalized as the release generalizes the sample, for journalist risk
 * (population-table.ts pairs the two): the quasi-identifiers get the transforms the spec gives
 * them, cell suppressions included, so equal people land in equal classes on both sides. What
 * removes records from the release (exclusion list, record suppression, k) is not applied: it
 * decides what the sample releases, not who lives in the population. `released` is the
 * measurement spec of the sample (measure-spec.ts), whose entries name no table.
 */
export async function generalizePopulation(
  engine: SqlEngine,
  released: ReleaseSpec,
  opts: { sample: string; population: string; qis: readonly string[]; prefix: string; key?: PseudonymKey },
): Promise<PopulationView> {
  const names = new Set((await engine.rows(`DESCRIBE ${ident(opts.population)}`)).map((r) => String(r.column_name)));
  const missing = opts.qis.filter((q) => !names.has(q));
  if (missing.length) throw new TokumeiError('riskPopulation.error.missingColumns', { table: opts.population, columns: missing.join(', ') });
  const spec: ReleaseSpec = {
    ...released,
    sources: { tables: [] },
    columns: released.columns
      .filter((c) => opts.qis.includes(c.name))
      .map((c) => ({ name: c.name, role: c.role, transforms: c.transforms.filter((t) => t.kind !== 'suppressRecord') })),
    peculiar: {
      ...released.peculiar,
      decisions: released.peculiar.decisions
        .filter((d) => d.action === 'suppressCell' && (d.table === undefined || d.table === opts.sample))
        .map(({ table: _, ...d }) => d),
    },
    model: { suppressionLimit: 0 },
  };
  const applied = await applySpec(engine, spec, { table: opts.population, view: `${opts.prefix}population`, prefix: `${opts.prefix}p_`, key: opts.key, unlisted: 'drop' });
  try {
    const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM ${ident(applied.view)}`);
    return { view: applied.view, records: Number(n), dispose: applied.dispose };
  } catch (e) {
    await applied.dispose().catch(() => undefined);
    throw e;
  }
}
