import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectRoles } from '../core/detect/detect.ts';
import { columnValues } from '../core/hierarchy/column-values.ts';
import type { DetectionResult } from '../core/detect/types.ts';
import { TokumeiError } from '../core/errors.ts';
import { t } from '../core/i18n/catalog.ts';
import { PseudonymKey } from '../core/pseudonymize/key.ts';
import { ident } from '../core/sql/quote.ts';
import { parseExclusionList } from '../core/spec/digest.ts';
import { SpecError, renderIssue } from '../core/spec/issues.ts';
import { parseSpecJson } from '../core/spec/parse.ts';
import type { ReleaseSpec } from '../core/spec/schema.ts';
import type { MessageKey } from '../core/i18n/catalog.ts';
import type { ParsedArgs } from './args.ts';
import type { CliContext } from './context.ts';
import { loadFile, type LoadedFile } from './load-file.ts';
import { NativeEngine, type NativeEngineOptions } from './native-engine.ts';
import { readInputFlags, readSpecFlags, type SpecFlags } from './spec-flags.ts';
import { grcFiles, specFromFlags } from './spec-from-flags.ts';
import { UsageError } from './usage-error.ts';

/** A file loaded into native DuckDB together with the spec, exclusion list and key the flags name. */
export interface OpenedInput {
  engine: NativeEngine;
  path: string;
  loaded: LoadedFile;
  /** The table name the spec knows the data by. */
  table: string;
  columns: { name: string; type: string }[];
  spec: ReleaseSpec;
  flags: SpecFlags;
  exclusions?: string[];
  /** --subject, or the one detected subject-ID column when an exclusion list needs one and the spec names none. */
  subjectColumn?: string;
  /** From --key, and the path of that file. */
  key?: PseudonymKey;
  keyFile?: string;
}

/** Bytes of a file named on the command line, with the CLI's messages for a missing or unreadable file. */
export function readInputFile(ctx: CliContext, name: string): Uint8Array {
  const path = resolve(ctx.cwd, name);
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new TokumeiError('cli.error.fileNotFound', { path });
  }
  if (!isFile) throw new TokumeiError('cli.error.notAFile', { path });
  try {
    const b = readFileSync(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    throw new TokumeiError('cli.error.readFailed', { path, detail: (e as Error).message }, { cause: e });
  }
}

function readText(ctx: CliContext, name: string, key: MessageKey): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readInputFile(ctx, name));
  } catch (e) {
    if (e instanceof TokumeiError) throw e;
    throw new TokumeiError(key, { path: resolve(ctx.cwd, name) }, { cause: e });
  }
}

/**
 * The common start of apply, risk and search: the positional file, the spec (file, preset or
 * flags), loaded into a fresh native engine. The caller closes `engine`.
 */
export async function openInput(args: ParsedArgs, ctx: CliContext, usage: MessageKey, engineOptions: NativeEngineOptions = {}): Promise<OpenedInput> {
  const [file, ...extra] = args.positionals;
  if (!file) throw new UsageError('cli.error.missingArgument', { name: t(ctx.lang, 'cli.profile.arg.file'), usage: t(ctx.lang, usage) });
  if (extra.length > 0) throw new UsageError('cli.error.extraArgument', { value: extra[0] });
  const input = readInputFlags(args);
  const flags = readSpecFlags(args);
  const base = flags.specPath === undefined ? undefined : parseSpecJson(readText(ctx, flags.specPath, 'cli.error.notUtf8'));
  const exclusions = flags.excludePath === undefined ? undefined : parseExclusionList(readText(ctx, flags.excludePath, 'cli.error.notUtf8'));
  const keyBytes = flags.keyPath === undefined ? undefined : readInputFile(ctx, flags.keyPath);
  const path = resolve(ctx.cwd, file);

  const engine = await NativeEngine.create(engineOptions);
  try {
    const loaded = await loadFile(engine, path, input);
    const table = await nameTableAsSpec(engine, loaded.table, base);
    const columns = (await engine.rows(`DESCRIBE ${ident(table)}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    const specSubject = base?.sources.tables.find((x) => x.name === table)?.subjectColumn;
    const needSubject = exclusions !== undefined && flags.subject === undefined && specSubject === undefined;
    let detection: DetectionResult | undefined;
    if (flags.preset !== undefined || needSubject) detection = await detectRoles(engine, table);
    // μ-ARGUS recodes become a table hierarchy over the values the column holds.
    const values = new Map<string, string[]>();
    for (const h of flags.hierarchies) {
      if (grcFiles(h.path) && columns.some((c) => c.name === h.column)) values.set(h.column, await columnValues(engine, table, h.column));
    }
    const spec = specFromFlags(flags, { table, columns, base, detection, readFile: (p) => readInputFile(ctx, p), values: (c) => values.get(c) ?? [] });
    let subjectColumn = flags.subject;
    if (needSubject) {
      const candidates = detection!.columns.filter((c) => c.category === 'subjectId').map((c) => c.name);
      if (candidates.length !== 1) throw new UsageError('cli.error.needsSubject', { found: candidates.join(', ') || '—' });
      subjectColumn = candidates[0];
    }
    const key = keyBytes === undefined ? undefined : await PseudonymKey.fromBytes(keyBytes);
    keyBytes?.fill(0);
    return { engine, path, loaded, table, columns, spec, flags, exclusions, subjectColumn, key, keyFile: flags.keyPath === undefined ? undefined : resolve(ctx.cwd, flags.keyPath) };
  } catch (e) {
    engine.close();
    throw e;
  }
}

/**
 * A spec names its source tables (e.g. 患者) while the file's name gives another (patients):
 * a spec for one table applies to the file whatever it is called; with several, the file's
 * table name must be one of them.
 */
async function nameTableAsSpec(engine: NativeEngine, loaded: string, spec: ReleaseSpec | undefined): Promise<string> {
  const tables = spec?.sources.tables.map((x) => x.name) ?? [];
  if (tables.length === 0 || tables.includes(loaded)) return loaded;
  if (tables.length > 1) throw new UsageError('cli.error.tableNotInSpec', { table: loaded, tables: tables.join(', ') });
  await engine.exec(`ALTER TABLE ${ident(loaded)} RENAME TO ${ident(tables[0])}`);
  return tables[0];
}

/**
 * A spec with several problems: all of them on stderr, one per line with its JSON path, and
 * exit code 1 (main shows a single problem by itself).
 */
export async function withSpecIssues(ctx: CliContext, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof SpecError) || e.issues.length < 2) throw e;
    const lines = e.issues.map((i) => `  - ${renderIssue(ctx.lang, i)}`);
    ctx.stderr(t(ctx.lang, 'cli.error.prefix', { message: t(ctx.lang, 'cli.error.specIssues', { count: e.issues.length }) }) + '\n' + lines.join('\n') + '\n');
    return 1;
  }
}
