import { applySpec } from '../compile/apply.ts';
import { materializeHierarchy } from '../compile/materialize.ts';
import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import type { Hierarchy } from '../hierarchy/types.ts';
import type { PseudonymKey } from '../pseudonymize/key.ts';
import { loadSearchInput, type SearchInput, type SearchModel } from '../search/index.ts';
import { ident } from '../sql/quote.ts';
import type { ReleaseSpec } from '../spec/schema.ts';
import { plainGeneralization, planMeasurement } from './measure-spec.ts';

export interface SearchFromSpecOptions {
  table: string;
  /** Sensitive attribute for l and t. Default: the spec's sensitive column, if it has exactly one. */
  sensitive?: string;
  exclusions?: Iterable<string>;
  subjectColumn?: string;
  key?: PseudonymKey;
  prefix?: string;
}

export interface SearchFromSpec {
  input: SearchInput;
  /** The spec's privacy model and suppression limit in the search's terms (metric left to the caller). */
  model: SearchModel;
  qis: string[];
}

let seq = 0;

/**
 * What the optimal-generalization search needs, read from a spec: the spec's quasi-identifiers
 * with their original values (after the exclusion list and record-level transforms), a hierarchy
 * per quasi-identifier (the one its generalization names; a column released as it is, or by other
 * transforms, gets a one-level hierarchy of its released values, so it stays fixed), and the model.
 * The levels the spec gives are ignored: finding them is the search's job.
 */
export async function searchFromSpec(engine: SqlEngine, spec: ReleaseSpec, opts: SearchFromSpecOptions): Promise<SearchFromSpec> {
  const { table } = opts;
  const needsSensitive = spec.model.l !== undefined || spec.model.t !== undefined;
  const plan = await planMeasurement(engine, spec, table, { sensitive: opts.sensitive, key: opts.key });
  if (needsSensitive && plan.sensitive === null) throw new TokumeiError('search.sensitiveRequired');
  const prefix = opts.prefix ?? `__tokumei_search_${++seq}_`;
  const applied = await applySpec(engine, plan.original, {
    table,
    view: `${prefix}original`,
    prefix: `${prefix}o_`,
    exclusions: opts.exclusions === undefined ? undefined : [...opts.exclusions],
    subjectColumn: opts.subjectColumn,
    key: plan.key,
    unlisted: 'drop',
  });
  try {
    const hierarchies: Record<string, Hierarchy> = {};
    for (const column of plan.qis) {
      const g = plainGeneralization(spec, table, column);
      hierarchies[column] = g ? await materializeHierarchy(engine, table, column, g.hierarchy) : await identityHierarchy(engine, applied.view, column);
    }
    const input = await loadSearchInput(engine, applied.view, plan.qis, hierarchies, needsSensitive ? plan.sensitive! : undefined);
    const m = spec.model;
    const model: SearchModel = {
      ...(m.k !== undefined ? { k: m.k } : {}),
      ...(m.l ? { l: { l: m.l.value, variant: m.l.variant, ...(m.l.c !== undefined ? { c: m.l.c } : {}) } } : {}),
      ...(m.t ? { t: { t: m.t.value, variant: m.t.variant } } : {}),
      ...(m.maxRisk !== undefined ? { maxRisk: m.maxRisk } : {}),
      suppressionLimit: m.suppressionLimit,
    };
    return { input, model, qis: plan.qis };
  } finally {
    await applied.dispose();
  }
}

/** A one-level hierarchy: the column's distinct released values (as text), so the search leaves it as it is. */
async function identityHierarchy(engine: SqlEngine, relation: string, column: string): Promise<Hierarchy> {
  const c = ident(column);
  const rows = await engine.rows(`SELECT DISTINCT CAST(${c} AS VARCHAR) AS v FROM ${ident(relation)} WHERE ${c} IS NOT NULL ORDER BY 1`);
  return { levels: 1, rows: rows.map((r) => [String(r.v)]) };
}
