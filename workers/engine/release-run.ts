import { guardedEngine } from './guarded.ts';
import { compileSpec } from '../../src/core/compile/index.ts';
import type { SqlEngine } from '../../src/core/engine.ts';
import { TokumeiError } from '../../src/core/errors.ts';
import type { Lang } from '../../src/core/i18n/catalog.ts';
import type { PseudonymKey } from '../../src/core/pseudonymize/key.ts';
import type { RiskAssessment } from '../../src/core/risk/assess.ts';
import { applyOverrides, releaseGates, type Gate, type GateOverride, type OverrideResult } from '../../src/core/release/gates.ts';
import type { LedgerEntry } from '../../src/core/release/ledger.ts';
import { buildPackage, planPackage, type PackageRequest } from '../../src/core/release/package.ts';
import type { ParquetStreamEncoder } from '../../src/core/release/parquet-encode.ts';
import type { DataFormat, WrittenEntry } from '../../src/core/release/types.ts';
import { serializeSpec } from '../../src/core/spec/parse.ts';
import type { ReleaseSpec } from '../../src/core/spec/schema.ts';
import { ident, str } from '../../src/core/sql/quote.ts';
import { duckdbVersion, TOKUMEI_VERSION } from '../../src/core/version.ts';
import { SourceHashes, type ReleaseSource } from './release-source.ts';

/**
 * The release (提供パッケージ) in the engine worker: the same buildPackage as `tokumei release`,
 * fed the same inputs, so the same source bytes, spec, key, provision and creation time give
 * the same zip. What the page sends is only what the CLI takes as flags; the key and the
 * exclusion list are the ones the worker already holds (spec-api.ts) and never cross back.
 */

/** What the export form sends: the CLI's --provision, --operator, --approver, --created-at, --formats, --report-lang, --override. */
export interface ReleaseInput {
  /** The provision as entered (validated by the gates: an invalid one blocks). */
  provision: unknown;
  operator: string;
  approver: string | null;
  /** ISO 8601 UTC instant, as it will be recorded. */
  createdAt: string;
  formats: DataFormat[];
  lang: Lang;
  overrides: GateOverride[];
}

export interface ReleasePlan {
  gates: Gate[];
  result: OverrideResult;
  risk: RiskAssessment;
  /** Released column names (the provision's items when none are entered); null when the spec does not compile. */
  columns: string[] | null;
  /** The table name the package records (the spec's, as the CLI names the loaded table). */
  tableAs: string;
  /** Whether a pseudonymize or dateShift transform needs the key, and where the key came from. */
  keyNeeded: boolean;
  keyFromFile: boolean;
  keyFingerprint: string;
  ms: number;
}

export interface ReleaseBuildSummary {
  entries: WrittenEntry[];
  packageSha256: string;
  packageBytes: number;
  rows: number;
  sourceSha256: string;
  seed: string;
  overrides: { id: string; reason: string }[];
  ledger: LedgerEntry;
  keyFromFile: boolean;
  ms: number;
}

export interface ReleaseDeps {
  key: () => Promise<PseudonymKey>;
  keyFromFile: () => boolean;
  exclusions: () => readonly string[] | null;
  parquet: ParquetStreamEncoder;
  /** Interrupts the query the engine runs now (WasmEngine.cancel). */
  interrupt?: () => Promise<void>;
}

interface PlanCache {
  id: string;
  key: PseudonymKey;
  exclusions: readonly string[] | null;
  risk: RiskAssessment;
  sourceColumns: string[];
  columns: string[] | null;
}

const needsKey = (spec: ReleaseSpec) => spec.columns.some((c) => c.transforms.some((t) => t.kind === 'pseudonymize' || t.kind === 'dateShift'));

const guarded = (inner: SqlEngine, signal: AbortSignal): SqlEngine => guardedEngine(inner, signal);

export class ReleaseSession {
  private cache: PlanCache | null = null;
  private readonly hashes = new SourceHashes();
  private running: AbortController | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly engine: () => SqlEngine,
    private readonly deps: ReleaseDeps,
  ) {}

  /**
   * A spec for one table applies to this table whatever the workspace calls it, as
   * `tokumei release` renames the loaded table to the spec's name: the package then records the
   * same table name. Here a temporary view carries the spec's name, unless a workspace table
   * already has it (then the user meant that table).
   */
  private async withSpecName<T>(engine: SqlEngine, table: string, spec: ReleaseSpec, run: (name: string) => Promise<T>): Promise<T> {
    const names = spec.sources.tables.map((t) => t.name);
    if (names.length !== 1 || names[0] === table) return run(table);
    const name = names[0];
    const taken = await engine.rows(`SELECT 1 AS x FROM duckdb_tables() WHERE NOT temporary AND table_name = ${str(name)}`);
    if (taken.length) throw new TokumeiError('uiRelease.error.specTable', { spec: name, table });
    await engine.exec(`CREATE OR REPLACE TEMP VIEW ${ident(name)} AS SELECT * FROM main.${ident(table)}`);
    try {
      return await run(name);
    } finally {
      await engine.exec(`DROP VIEW IF EXISTS ${ident(name)}`).catch(() => undefined);
    }
  }

  private request(name: string, spec: ReleaseSpec, input: ReleaseInput, key: PseudonymKey, sourceSha256: string, duckdb: string): PackageRequest {
    const exclusions = this.deps.exclusions();
    return {
      table: name,
      spec,
      sourceSha256,
      exclusions: exclusions ?? undefined,
      key,
      provision: input.provision,
      operator: input.operator,
      approver: input.approver,
      createdAt: input.createdAt,
      formats: input.formats,
      lang: input.lang,
      overrides: input.overrides,
      versions: { tokumei: TOKUMEI_VERSION, duckdb },
      parquet: this.deps.parquet,
    };
  }

  /**
   * The gates and the measured risk for the form. Measuring is the slow part and depends only on
   * the table, spec, key and exclusion list; while those stay the same, a change of the
   * provision or of an override reason only decides the gates again.
   */
  plan(table: string, spec: ReleaseSpec, input: ReleaseInput): Promise<ReleasePlan> {
    return this.exclusive(() => this.planNow(table, spec, input));
  }

  /** Plans and builds take turns: both name a temporary view after the spec's table. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async planNow(table: string, spec: ReleaseSpec, input: ReleaseInput): Promise<ReleasePlan> {
    const t0 = performance.now();
    const engine = this.engine();
    const key = await this.deps.key();
    const exclusions = this.deps.exclusions();
    // A table loaded again under the same name (another encoding) is measured again.
    const shape = await engine.rows(`SELECT (SELECT count(*) FROM ${ident(table)}) AS n, (SELECT string_agg(column_name || ' ' || column_type, ',') FROM (DESCRIBE ${ident(table)})) AS c`);
    const id = `${table}\u0000${shape[0].n}\u0000${shape[0].c}\u0000${serializeSpec(spec)}`;
    const c = this.cache;
    let tableAs = spec.sources.tables.length === 1 ? spec.sources.tables[0].name : table;
    let gates: Gate[];
    let result: OverrideResult;
    let risk: RiskAssessment;
    let columns: string[] | null;
    if (c && c.id === id && c.key === key && c.exclusions === exclusions) {
      gates = releaseGates(spec, { risk: c.risk, sourceColumns: c.sourceColumns }, input.provision);
      result = applyOverrides(gates, input.overrides);
      risk = c.risk;
      columns = c.columns;
    } else {
      const planned = await this.withSpecName(engine, table, spec, async (name) => {
        tableAs = name;
        const p = await planPackage(engine, this.request(name, spec, input, key, '', ''));
        const described = (await engine.rows(`DESCRIBE ${ident(name)}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
        let released: string[] | null = null;
        try {
          released = compileSpec(spec, { table: name, columns: described, exclusions: exclusions !== null }).outputColumns.map((o) => o.name);
        } catch {
          // The gates and the risk say what is wrong; the items hint just stays empty.
        }
        return { p, sourceColumns: described.map((d) => d.name), released };
      });
      gates = planned.p.gates;
      result = planned.p.result;
      risk = planned.p.risk;
      columns = planned.released;
      this.cache = { id, key, exclusions, risk, sourceColumns: planned.sourceColumns, columns };
    }
    return {
      gates,
      result,
      risk,
      columns,
      tableAs,
      keyNeeded: needsKey(spec),
      keyFromFile: this.deps.keyFromFile(),
      keyFingerprint: await key.fingerprint(),
      ms: performance.now() - t0,
    };
  }

  /** SHA-256 of the table's source bytes (the form shows it before anything is built). */
  sourceHash(table: string, source: ReleaseSource | null): Promise<string> {
    return this.hashes.of(table, source);
  }

  /** Writes the package into memory and returns its bytes with what the ledger and the page need. */
  build(table: string, spec: ReleaseSpec, input: ReleaseInput, source: ReleaseSource | null): Promise<{ bytes: Uint8Array; summary: ReleaseBuildSummary }> {
    this.running?.abort();
    const ctl = new AbortController();
    this.running = ctl;
    return this.exclusive(() => this.buildNow(table, spec, input, source, ctl));
  }

  private async buildNow(table: string, spec: ReleaseSpec, input: ReleaseInput, source: ReleaseSource | null, ctl: AbortController): Promise<{ bytes: Uint8Array; summary: ReleaseBuildSummary }> {
    const t0 = performance.now();
    const engine = guarded(this.engine(), ctl.signal);
    try {
      const sourceSha256 = await this.hashes.of(table, source, ctl.signal);
      const key = await this.deps.key();
      const duckdb = await duckdbVersion(engine);
      const parts: Uint8Array[] = [];
      let total = 0;
      const sink = {
        write(chunk: Uint8Array) {
          if (ctl.signal.aborted) throw new TokumeiError('engine.cancelled');
          // The writer may reuse its buffer after write returns.
          parts.push(chunk.slice());
          total += chunk.length;
        },
      };
      const result = await this.withSpecName(engine, table, spec, (name) => buildPackage(engine, this.request(name, spec, input, key, sourceSha256, duckdb), sink));
      const bytes = new Uint8Array(total);
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.length;
      }
      parts.length = 0;
      return {
        bytes,
        summary: {
          entries: result.entries,
          packageSha256: result.packageSha256,
          packageBytes: result.packageBytes,
          rows: result.rows,
          sourceSha256,
          seed: result.facts.seed,
          overrides: result.facts.overrides.map((o) => ({ id: o.id, reason: o.reason })),
          ledger: result.ledger,
          keyFromFile: this.deps.keyFromFile(),
          ms: performance.now() - t0,
        },
      };
    } finally {
      if (this.running === ctl) this.running = null;
    }
  }

  /** Stops a build at its next query or write; the query running now is interrupted. */
  async cancel(): Promise<void> {
    if (!this.running) return;
    this.running.abort();
    await this.deps.interrupt?.();
  }
}
