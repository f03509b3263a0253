import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { dateShiftOffsets, pseudonymizeAll } from '../pseudonymize/hmac.ts';
import type { PseudonymKey } from '../pseudonymize/key.ts';
import { ident } from '../sql/quote.ts';
import { exclusionDigest, normalizeExclusionIds } from '../spec/digest.ts';
import type { ReleaseSpec } from '../spec/schema.ts';
import { compileSpec } from './compile.ts';
import { loadMappingTable } from './mapping-table.ts';
import type { CompileContext, CompiledSpec, MappingPlan, OutputColumn } from './types.ts';

export interface ApplyOptions extends Pick<CompileContext, 'view' | 'prefix' | 'subjectColumn' | 'unlisted'> {
  /** The source table in the engine. */
  table: string;
  /** The exclusion list's subject IDs (提供停止・削除の求め); required when the spec records one. */
  exclusions?: Iterable<string>;
  /** Required when the spec pseudonymizes or shifts dates. */
  key?: PseudonymKey;
}

export interface ExclusionReport {
  /** Distinct IDs on the list. */
  listed: number;
  /** Source records removed, and how many distinct listed subjects they belonged to. */
  records: number;
  subjects: number;
  /** Digest of the list as the spec records it (sources.exclusions). */
  sha256: string;
}

export interface AppliedSpec {
  compiled: CompiledSpec;
  view: string;
  outputColumns: OutputColumn[];
  exclusions: ExclusionReport | null;
  /** Drops the view and every auxiliary table (mapping tables hold source values). */
  dispose(): Promise<void>;
}

/**
 * Runs a spec on an engine: compiles it for `table`, loads the exclusion list, computes
 * pseudonyms and date shifts in JavaScript for the distinct values (the key never enters
 * SQL), creates the view, and checks explicit hierarchies cover every value. On failure
 * everything created so far is dropped again.
 */
export async function applySpec(engine: SqlEngine, spec: ReleaseSpec, opts: ApplyOptions): Promise<AppliedSpec> {
  const described = await engine.rows(`DESCRIBE ${ident(opts.table)}`);
  const columns = described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  const ids = opts.exclusions === undefined ? undefined : normalizeExclusionIds(opts.exclusions);
  const recorded = spec.sources.exclusions;
  if (recorded && ids === undefined) throw new TokumeiError('spec.exclusions.required', { count: recorded.count });
  const digest = ids ? await exclusionDigest(ids) : undefined;
  if (recorded && digest && recorded.sha256 !== digest.sha256) {
    throw new TokumeiError('spec.exclusions.mismatch', { expected: recorded.count, given: digest.count });
  }

  const compiled = compileSpec(spec, { ...opts, columns, exclusions: ids !== undefined });
  const needsKey = compiled.mappings.some((m) => m.kind !== 'exclusions');
  if (needsKey && !opts.key) throw new TokumeiError('spec.key.required');
  if (needsKey && opts.key && spec.release.keyFingerprint && spec.release.keyFingerprint !== (await opts.key.fingerprint())) {
    throw new TokumeiError('spec.key.mismatch');
  }

  const dispose = async () => {
    await engine.exec(`DROP VIEW IF EXISTS ${ident(compiled.view)}`);
    for (const t of compiled.auxiliaryTables) await engine.exec(`DROP TABLE IF EXISTS ${ident(t)}`);
  };
  try {
    for (const plan of compiled.mappings) await fill(engine, plan, ids ?? [], opts.key);
    for (const s of compiled.statements) await engine.exec(s);
    await engine.exec(compiled.viewSql);
    for (const check of compiled.checks) {
      const missing = (await engine.rows(check.sql)).map((r) => String(r.value));
      if (missing.length) {
        const examples = missing.slice(0, 5).map((v) => JSON.stringify(v)).join(', ') + (missing.length > 5 ? ', …' : '');
        throw new TokumeiError('spec.compile.hierarchyMissing', { column: check.column, hierarchy: check.hierarchy, examples });
      }
    }
    let exclusions: ExclusionReport | null = null;
    if (compiled.excludedCountSql && digest) {
      const [row] = await engine.rows(compiled.excludedCountSql);
      exclusions = { listed: digest.count, records: Number(row.records), subjects: Number(row.subjects), sha256: digest.sha256 };
    }
    return { compiled, view: compiled.view, outputColumns: compiled.outputColumns, exclusions, dispose };
  } catch (e) {
    await dispose().catch(() => undefined);
    throw e;
  }
}

async function fill(engine: SqlEngine, plan: MappingPlan, ids: readonly string[], key: PseudonymKey | undefined): Promise<void> {
  switch (plan.kind) {
    case 'exclusions':
      return loadMappingTable(engine, plan.table, [['id', 'VARCHAR']], ids.map((id) => [id]));
    case 'pseudonym': {
      const values = (await engine.rows(plan.valuesSql)).map((r) => String(r.value));
      const pseudonyms = await pseudonymizeAll(key!, values, { domain: plan.domain, length: plan.length });
      return loadMappingTable(engine, plan.table, [['value', 'VARCHAR'], ['pseudonym', 'VARCHAR']], values.map((v, i) => [v, pseudonyms[i]]));
    }
    case 'dateShift': {
      const subjects = (await engine.rows(plan.valuesSql)).map((r) => String(r.value));
      const days = await dateShiftOffsets(key!, subjects, plan.maxDays);
      return loadMappingTable(engine, plan.table, [['subject', 'VARCHAR'], ['days', 'INTEGER']], subjects.map((s, i) => [s, days[i]]));
    }
  }
}
