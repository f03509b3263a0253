import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { TokumeiError } from '../../core/errors.ts';
import { t, type Lang } from '../../core/i18n/catalog.ts';
import { ReleaseBlockedError, type GateOverride } from '../../core/release/gates.ts';
import { buildPackage } from '../../core/release/package.ts';
import type { DataFormat } from '../../core/release/types.ts';
import { duckdbVersion, TOKUMEI_VERSION } from '../../core/version.ts';
import type { Command } from '../command.ts';
import { printJson, type CliContext } from '../context.ts';
import { FileSink } from '../file-sink.ts';
import { formatBytes, formatCount } from '../format.ts';
import { ensureKey, forgetKeyFile } from '../key-file.ts';
import { appendLedger, ledgerPath } from '../ledger-file.ts';
import { openInput, readInputFile, withSpecIssues } from '../open-input.ts';
import { encodeParquetStream } from '../parquet-write.ts';
import { INPUT_OPTIONS, SPEC_OPTIONS } from '../spec-flags.ts';
import { nodeHash } from '../node-hash.ts';
import { UsageError } from '../usage-error.ts';

const FORMATS: readonly DataFormat[] = ['csv', 'csv-cp932', 'parquet'];

/** SHA-256 of a file, read in 1 MiB pieces (sources may be larger than memory). */
export function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(1 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function createdAtOf(value: string | undefined, ctx: CliContext): string {
  if (value !== undefined) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new UsageError('cliRelease.error.createdAt', { value });
    return new Date(ms).toISOString();
  }
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^[0-9]+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  const now = new Date().toISOString();
  ctx.stderr(t(ctx.lang, 'cliRelease.createdAtNow', { createdAt: now }) + '\n');
  return now;
}

function overridesOf(values: string[]): GateOverride[] {
  return values.map((v) => {
    const at = v.indexOf('=');
    if (at <= 0) throw new UsageError('cliRelease.error.override', { value: v });
    return { id: v.slice(0, at), reason: v.slice(at + 1) };
  });
}

function formatsOf(value: string | undefined): DataFormat[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((f) => {
    const x = f.trim() as DataFormat;
    if (!FORMATS.includes(x)) throw new UsageError('cliRelease.error.format', { value: f });
    return x;
  });
}

function readProvision(ctx: CliContext, path: string | undefined): unknown {
  if (path === undefined) return undefined;
  const text = new TextDecoder().decode(readInputFile(ctx, path));
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TokumeiError('cliRelease.error.provisionJson', { path: resolve(ctx.cwd, path), detail: (e as Error).message });
  }
}

/** The gates that block, one per line, then how to pass the overridable ones. */
function printBlocked(ctx: CliContext, e: ReleaseBlockedError): void {
  const lines = [t(ctx.lang, 'cliRelease.blocked')];
  for (const g of e.gates) lines.push(t(ctx.lang, 'cliRelease.blockedGate', { id: g.id, message: t(ctx.lang, g.key, g.params) }));
  if (e.gates.some((g) => g.severity === 'overridable')) lines.push(t(ctx.lang, 'cliRelease.blockedHint'));
  ctx.stderr(lines.join('\n') + '\n');
}

/**
 * `tokumei release <file> --spec s.json --provision p.json --out pkg.zip`: the release package,
 * byte-identical to the browser's for the same input bytes, spec, key, provision and creation time.
 */
export const releaseCommand: Command = {
  name: 'release',
  summary: 'cliRelease.release.summary',
  usage: 'cliRelease.release.usage',
  options: {
    ...INPUT_OPTIONS,
    ...SPEC_OPTIONS,
    out: { type: 'string', value: 'FILE', help: 'cliRelease.opt.out' },
    provision: { type: 'string', value: 'FILE', help: 'cliRelease.opt.provision' },
    operator: { type: 'string', value: 'NAME', help: 'cliRelease.opt.operator' },
    approver: { type: 'string', value: 'NAME', help: 'cliRelease.opt.approver' },
    'created-at': { type: 'string', value: 'ISO', help: 'cliRelease.opt.createdAt' },
    seed: { type: 'string', value: 'S', help: 'cliRelease.opt.seed' },
    formats: { type: 'string', value: 'csv,parquet', help: 'cliRelease.opt.formats' },
    'report-lang': { type: 'string', value: 'ja|en', help: 'cliRelease.opt.reportLang' },
    override: { type: 'string', value: 'ID=REASON', help: 'cliRelease.opt.override', multiple: true },
    ledger: { type: 'string', value: 'FILE', help: 'cliRelease.opt.ledger' },
    'memory-limit': { type: 'string', value: '2GB', help: 'cliRelease.opt.memoryLimit' },
    'temp-dir': { type: 'string', value: 'DIR', help: 'cliRelease.opt.tempDir' },
    threshold: { type: 'string', value: '0.2', help: 'cliRelease.opt.threshold' },
    population: { type: 'string', value: 'N', help: 'cliRelease.opt.population' },
  },
  run: (args, ctx) =>
    withSpecIssues(ctx, async () => {
      const o = args.options;
      const outOpt = o.out as string | undefined;
      if (!outOpt) throw new UsageError('cli.error.missingOption', { option: '--out', usage: t(ctx.lang, 'cliRelease.release.usage') });
      if (o.provision === undefined) throw new UsageError('cli.error.missingOption', { option: '--provision', usage: t(ctx.lang, 'cliRelease.release.usage') });
      if (o.spec === undefined && o.preset === undefined) throw new UsageError('cli.error.applyNeedsSpec');
      const reportLang = (o['report-lang'] as string | undefined) ?? 'ja';
      if (reportLang !== 'ja' && reportLang !== 'en') throw new UsageError('cliRelease.error.reportLang', { value: reportLang });
      const out = resolve(ctx.cwd, outOpt);
      const provision = readProvision(ctx, o.provision as string);
      const overrides = overridesOf((o.override as string[] | undefined) ?? []);
      const formats = formatsOf(o.formats as string | undefined);
      const createdAt = createdAtOf(o['created-at'] as string | undefined, ctx);
      const num = (name: string) => (o[name] === undefined ? undefined : Number(o[name]));

      const started = performance.now();
      const input = await openInput(args, ctx, 'cliRelease.release.usage', {
        memoryLimit: o['memory-limit'] as string | undefined,
        tempDirectory: o['temp-dir'] === undefined ? undefined : resolve(ctx.cwd, o['temp-dir'] as string),
      });
      let keyFile: string | null = null;
      let sink: FileSink | null = null;
      try {
        mkdirSync(dirname(out), { recursive: true });
        const key = await ensureKey(input, out);
        keyFile = key.generatedFile;
        sink = new FileSink(out);
        const result = await buildPackage(
          input.engine,
          {
            table: input.table,
            spec: input.spec,
            sourceSha256: fileSha256(input.path),
            exclusions: input.exclusions,
            key: key.key,
            subjectColumn: input.subjectColumn,
            provision,
            operator: (o.operator as string | undefined) ?? userInfo().username,
            approver: (o.approver as string | undefined) ?? null,
            createdAt,
            seed: o.seed as string | undefined,
            formats,
            lang: reportLang as Lang,
            overrides,
            versions: { tokumei: TOKUMEI_VERSION, duckdb: await duckdbVersion(input.engine) },
            parquet: encodeParquetStream,
            newHash: nodeHash,
            threshold: num('threshold'),
            population: num('population'),
          },
          sink,
        );
        sink.commit();
        sink = null;
        const ledger = ledgerPath(ctx.cwd, o.ledger as string | undefined);
        appendLedger(ledger, result.ledger);
        const ms = Math.round(performance.now() - started);
        const summary = {
          file: input.path,
          out,
          packageSha256: result.packageSha256,
          bytes: result.packageBytes,
          rows: result.rows,
          files: result.entries,
          seed: result.facts.seed,
          createdAt,
          overrides: result.facts.overrides.map((x) => ({ id: x.id, reason: x.reason })),
          keyFile: key.generatedFile ?? key.givenFile,
          keyGenerated: key.generatedFile !== null,
          ledger,
          ms,
          peakRssBytes: process.resourceUsage().maxRSS * 1024,
        };
        if (ctx.json) printJson(ctx, summary);
        else {
          const lines = [
            t(ctx.lang, 'cliRelease.done', { out, rows: formatCount(result.rows), files: result.entries.length + 1, size: formatBytes(result.packageBytes), seconds: (ms / 1000).toFixed(1), sha256: result.packageSha256 }),
          ];
          if (summary.overrides.length) lines.push(t(ctx.lang, 'cliRelease.overridden', { ids: summary.overrides.map((x) => x.id).join(', ') }));
          if (key.generatedFile) lines.push(t(ctx.lang, 'cliRelease.keyGenerated', { path: key.generatedFile }));
          lines.push(t(ctx.lang, 'cliRelease.ledgerAdded', { path: ledger }));
          ctx.stdout(lines.join('\n') + '\n');
        }
        return 0;
      } catch (e) {
        sink?.abandon();
        // A key made for a package that was never written would only mislead later runs.
        if (keyFile) forgetKeyFile(keyFile);
        if (e instanceof ReleaseBlockedError) {
          printBlocked(ctx, e);
          return 1;
        }
        throw e;
      } finally {
        input.engine.close();
      }
    }),
};
