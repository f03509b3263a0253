import { applySpec } from '../compile/apply.ts';
import type { SqlEngine } from '../engine.ts';
import type { Lang } from '../i18n/catalog.ts';
import type { PseudonymKey } from '../pseudonymize/key.ts';
import { assessRisk, type RiskAssessment } from '../risk/assess.ts';
import { classSizeHistogram } from '../risk/histogram.ts';
import { findingValues, undecidedPeculiar } from '../risk/peculiar-decisions.ts';
import { releasedPeculiarWithSources } from '../risk/peculiar-sources.ts';
import { releasedRecordsSql } from '../risk/record-suppression.ts';
import { serializeSpec } from '../spec/parse.ts';
import type { ReleaseSpec } from '../spec/schema.ts';
import { ident } from '../sql/quote.ts';
import { csvChunks } from './csv.ts';
import { openReleasedRows, type ReleasedRows } from './data-export.ts';
import { packageDocuments } from './documents.ts';
import { peculiarOutcomes, releasedColumnFacts, specSha256, validateProvision, type PackageFacts, type Provision } from './facts.ts';
import { applyOverrides, assertReleasable, releaseGates, type Gate, type GateOverride, type OverrideResult } from './gates.ts';
import { ledgerEntry, type LedgerEntry } from './ledger.ts';
import { listedCellCounts, releasedDistributions } from './package-facts.ts';
import { formatManifest } from './manifest.ts';
import { arrowIpcBatch } from './arrow-data.ts';
import type { ParquetStreamEncoder } from './parquet-encode.ts';
import { Sha256 } from './sha256.ts';
import { redactSpec } from './spec-redact.ts';
import { PACKAGE_PATHS, type ByteSink, type DataFormat, type WrittenEntry } from './types.ts';
import { ZipWriter, type IncrementalHash } from './zip.ts';

/** What one release needs besides the engine: the same request gives the same package bytes in every host. */
export interface PackageRequest {
  /** The source table in the engine. */
  table: string;
  spec: ReleaseSpec;
  /** SHA-256 of the input file's bytes (the host hashes the file it loaded). */
  sourceSha256: string;
  exclusions?: readonly string[];
  key?: PseudonymKey;
  subjectColumn?: string;
  /** The provision (提供) as entered; validated here, an invalid one is a gate that cannot be overridden. */
  provision: unknown;
  operator: string;
  approver: string | null;
  /** ISO 8601 UTC instant of the release decision: an input, never read from a clock here. */
  createdAt: string;
  /** Row-shuffle seed; by default derived from the spec and source hashes (see defaultSeed). */
  seed?: string;
  /** Data files to write; the spec's formats when absent (csv → UTF-8 with BOM). */
  formats?: readonly DataFormat[];
  /** Language of the report. */
  lang: Lang;
  overrides?: readonly GateOverride[];
  versions: { tokumei: string; duckdb: string };
  /** The host's Parquet writer (parquet-wasm in both hosts); required for the parquet format. */
  parquet?: ParquetStreamEncoder;
  /** A faster SHA-256 the host may inject (node:crypto); the digests are the same. */
  newHash?: () => IncrementalHash;
  /** Risk threshold for "records at risk" (strictly above). */
  threshold?: number;
  population?: number;
  /** Peculiar values still undecided (from the risk panel's listing), for the review gate. */
  peculiarFindings?: readonly { table?: string; column: string; value: string | number }[];
  /** Rows per page read from the engine while writing data files. */
  pageRows?: number;
}

export interface PackagePlan {
  gates: Gate[];
  result: OverrideResult;
  risk: RiskAssessment;
  provision: Provision | null;
  /** The source table's column names. */
  sourceColumns: string[];
}

export interface PackageResult {
  entries: WrittenEntry[];
  /** SHA-256 of the whole zip: what the provision ledger records. */
  packageSha256: string;
  packageBytes: number;
  rows: number;
  facts: PackageFacts;
  ledger: LedgerEntry;
}

const FORMAT_PATHS: Record<DataFormat, string> = {
  csv: PACKAGE_PATHS.dataCsv,
  'csv-cp932': PACKAGE_PATHS.dataCsvCp932,
  parquet: PACKAGE_PATHS.dataParquet,
};

/** The spec's `release.formats` as data files: `csv` is UTF-8 with BOM; `arrow` has no package form and is left out. */
export function packageFormats(spec: ReleaseSpec): DataFormat[] {
  const out = spec.release.formats.filter((f): f is 'csv' | 'parquet' => f === 'csv' || f === 'parquet');
  return out.length ? out : ['csv'];
}

/**
 * The seed when none is given: a function of what is released (spec and source hashes), so the
 * same command gives the same row order, and the order says nothing about the source's order.
 */
export async function defaultSeed(specHash: string, sourceSha256: string): Promise<string> {
  const h = new Sha256().update(new TextEncoder().encode(`tokumei-shuffle\n${specHash}\n${sourceSha256}`)).hex();
  return h.slice(0, 16);
}

function riskOptions(req: PackageRequest) {
  return {
    table: req.table,
    exclusions: req.exclusions,
    key: req.key,
    subjectColumn: req.subjectColumn,
    threshold: req.threshold,
    population: req.population,
    // SUDA2 is the slowest figure and not a release criterion; the risk panel shows it.
    suda: false,
  };
}

/**
 * Measures the release and decides its gates; the export form shows these before anything is
 * written. `measured` reuses an earlier measurement of the same spec and data (overrides do not
 * change it).
 */
export async function planPackage(engine: SqlEngine, req: PackageRequest, measured?: RiskAssessment): Promise<PackagePlan> {
  const risk = measured ?? (await assessRisk(engine, req.spec, riskOptions(req)));
  const columns = (await engine.rows(`DESCRIBE ${ident(req.table)}`)).map((r) => String(r.column_name));
  const peculiarFindings = req.peculiarFindings ?? (await listPeculiar(engine, req));
  const gates = releaseGates(req.spec, { risk, peculiarFindings, sourceColumns: columns }, req.provision);
  const result = applyOverrides(gates, req.overrides ?? []);
  const v = validateProvision(req.provision);
  return { gates, result, risk, provision: v.ok ? v.provision : null, sourceColumns: columns };
}

/**
 * With the spec's peculiar-value review on, the values still undecided, listed as the risk panel
 * lists them (each finding by the source values behind it); findings cut from the listing count
 * as undecided too, so they block as well.
 */
async function listPeculiar(engine: SqlEngine, req: PackageRequest): Promise<PackageRequest['peculiarFindings']> {
  if (!req.spec.peculiar.review) return undefined;
  const listing = await releasedPeculiarWithSources(engine, req.spec, { table: req.table, exclusions: req.exclusions, key: req.key, subjectColumn: req.subjectColumn });
  const open = undecidedPeculiar(listing, req.spec, req.table);
  const values = open.findings.flatMap((f) => findingValues(f).map((value) => ({ column: f.column, value })));
  // A cut-off finding has no value to name: stand in for it with a value no decision can match.
  for (let i = 0; i < open.omitted; i++) values.push({ column: '…', value: `\u0000omitted ${i}` });
  return values;
}

/** A sink that passes bytes on and hashes and counts them on the way. */
function teeSink(sink: ByteSink, hash: IncrementalHash): ByteSink & { bytes: number } {
  const tee = {
    bytes: 0,
    async write(chunk: Uint8Array) {
      hash.update(chunk);
      tee.bytes += chunk.length;
      await sink.write(chunk);
    },
  };
  return tee;
}

async function* arrowPages(rows: ReleasedRows): AsyncIterable<Uint8Array> {
  let first = 1;
  for await (const batch of rows.batches()) {
    yield arrowIpcBatch(rows.columns, batch, first);
    first += batch.length;
  }
}

/**
 * Writes a release package to `sink`: gates first (nothing is written while one blocks), then
 * spec.json (redacted: listed values are suppressed values), the documents, the data files and
 * MANIFEST. Every table and view made on the way is dropped again. `measured`: as planPackage.
 */
export async function buildPackage(engine: SqlEngine, req: PackageRequest, sink: ByteSink, measured?: RiskAssessment): Promise<PackageResult> {
  const plan = await planPackage(engine, req, measured);
  assertReleasable(plan.result);
  const provision = plan.provision!;
  const spec = req.spec;

  const specBytes = new TextEncoder().encode(serializeSpec(redactSpec(spec)));
  const specHash = await specSha256(specBytes);
  const seed = req.seed ?? (await defaultSeed(specHash, req.sourceSha256));

  const [{ n: rowsBefore }] = await engine.rows(`SELECT count(*) AS n FROM ${ident(req.table)}`);
  const sourceColumns = plan.sourceColumns.length;
  const applied = await applySpec(engine, spec, {
    table: req.table,
    exclusions: req.exclusions,
    key: req.key,
    subjectColumn: req.subjectColumn,
    view: `__tokumei_pkg_view`,
    prefix: `__tokumei_pkg_`,
  });
  let rows: ReleasedRows | null = null;
  let records: Awaited<ReturnType<typeof releasedRecordsSql>> | null = null;
  try {
    const names = applied.outputColumns.map((c) => c.name);
    const qis = applied.outputColumns.filter((c) => c.role === 'quasi').map((c) => c.name);
    records = await releasedRecordsSql(engine, applied.view, names, qis, spec.model);
    // Materialized once (openReleasedRows' table): the aggregates below read exactly the rows written.
    rows = await openReleasedRows(engine, records.sql, { seed, pageRows: req.pageRows });
    const released = rows.relation;
    const types = Object.fromEntries(rows.columns.map((c) => [c.name, c.type]));
    const columns = releasedColumnFacts(spec, req.table, applied.outputColumns, types);
    const ex = applied.exclusions;
    const facts: PackageFacts = {
      spec,
      specSha256: specHash,
      columns,
      sources: [{ name: req.table, sha256: req.sourceSha256, rows: Number(rowsBefore), columns: sourceColumns }],
      exclusion: ex ? { sha256: ex.sha256, count: ex.listed, recordsRemoved: ex.records, subjects: ex.subjects } : null,
      data: { rowsBefore: Number(rowsBefore), rowsAfter: rows.rows, columnsBefore: sourceColumns, columnsAfter: rows.columns.length },
      listedCells: await listedCellCounts(engine, spec, req, applied.view, names),
      risk: plan.risk,
      classSizes: (await classSizeHistogram(engine, released, qis)).entries,
      distributions: await releasedDistributions(engine, released, qis),
      peculiar: peculiarOutcomes(spec),
      overrides: plan.result.applied,
      seed,
      operator: req.operator,
      approver: req.approver,
      createdAt: req.createdAt,
      versions: req.versions,
    };

    const packageHash = req.newHash?.() ?? new Sha256();
    const out = teeSink(sink, packageHash);
    const zip = new ZipWriter(out, { newHash: req.newHash });
    const entries: WrittenEntry[] = [];
    entries.push(await zip.add(PACKAGE_PATHS.spec, specBytes));
    for (const doc of packageDocuments(facts, provision, { lang: req.lang })) entries.push(await zip.add(doc.path, doc.content));
    const data = rows;
    for (const format of req.formats ?? packageFormats(spec)) {
      const path = FORMAT_PATHS[format];
      if (format === 'parquet') {
        if (!req.parquet) throw new Error('buildPackage: parquet requested without a Parquet encoder');
        // Deflated although Parquet compresses its own pages: Java's streaming zip reader refuses
        // stored entries with a trailing data descriptor, and the cost is small.
        entries.push(await zip.add(path, req.parquet(arrowPages(data))));
      } else {
        entries.push(await zip.add(path, csvChunks(data.columns, data.batches(), { encoding: format === 'csv' ? 'utf8-bom' : 'cp932' })));
      }
    }
    await zip.add(PACKAGE_PATHS.manifest, new TextEncoder().encode(formatManifest(entries)));
    await zip.close();
    const packageSha256 = packageHash.hex();
    return { entries, packageSha256, packageBytes: out.bytes, rows: data.rows, facts, ledger: ledgerEntry(facts, provision, packageSha256) };
  } finally {
    await rows?.dispose().catch(() => undefined);
    await records?.dispose().catch(() => undefined);
    await applied.dispose().catch(() => undefined);
  }
}
