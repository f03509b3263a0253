import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TokumeiError } from '../../core/errors.ts';
import { t } from '../../core/i18n/catalog.ts';
import { DEFAULT_SEED, DEMO_TABLES, demoChunks, type DemoTableKey } from '../../core/demo/index.ts';
import { integerOption } from '../args.ts';
import type { Command } from '../command.ts';
import { printJson } from '../context.ts';
import { displayWidth, formatBytes, formatCount, padEnd, padStart } from '../format.ts';
import { UsageError } from '../usage-error.ts';

const MAX_PATIENTS = 100_000_000;

/** `tokumei demo`: the synthetic extract written table by table as it is generated, so memory stays flat. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'cli.demo.summary',
  usage: 'cli.demo.usage',
  options: {
    rows: { type: 'string', value: 'N', help: 'cli.demo.opt.rows' },
    out: { type: 'string', value: 'DIR', help: 'cli.demo.opt.out' },
    seed: { type: 'string', value: 'S', help: 'cli.demo.opt.seed' },
  },
  async run(args, ctx) {
    if (args.positionals.length > 0) throw new UsageError('cli.error.extraArgument', { value: args.positionals[0] });
    const outOpt = args.options.out as string | undefined;
    if (!outOpt) throw new UsageError('cli.error.missingOption', { option: '--out', usage: t(ctx.lang, 'cli.demo.usage') });
    const patients = args.options.rows === undefined ? 10_000 : integerOption(args.options.rows as string, '--rows', 0, MAX_PATIENTS);
    const seed = (args.options.seed as string | undefined) ?? String(DEFAULT_SEED);
    const out = resolve(ctx.cwd, outOpt);

    const started = performance.now();
    const paths = Object.fromEntries(DEMO_TABLES.map((tb) => [tb.key, join(out, tb.fileName)])) as Record<DemoTableKey, string>;
    const fds: Partial<Record<DemoTableKey, number>> = {};
    const rows: Record<DemoTableKey, number> = { patients: 0, encounters: 0, labs: 0, prescriptions: 0 };
    const bytes: Record<DemoTableKey, number> = { patients: 0, encounters: 0, labs: 0, prescriptions: 0 };
    let current = out;
    try {
      mkdirSync(out, { recursive: true });
      for (const tb of DEMO_TABLES) {
        current = paths[tb.key];
        fds[tb.key] = openSync(current, 'w');
      }
      for (const c of demoChunks({ patients, seed })) {
        current = paths[c.table];
        let off = 0;
        while (off < c.bytes.length) off += writeSync(fds[c.table]!, c.bytes, off);
        rows[c.table] += c.rows;
        bytes[c.table] += c.bytes.length;
      }
    } catch (e) {
      if (e instanceof TokumeiError) throw e;
      throw new TokumeiError('cli.error.writeFailed', { path: current, detail: (e as Error).message }, { cause: e });
    } finally {
      for (const fd of Object.values(fds)) closeSync(fd);
    }
    const ms = Math.round(performance.now() - started);

    const tables = DEMO_TABLES.map((tb) => ({ key: tb.key, name: tb.name, file: tb.fileName, path: paths[tb.key], rows: rows[tb.key], bytes: bytes[tb.key] }));
    if (ctx.json) {
      printJson(ctx, { out, seed, patients, tables, ms });
      return 0;
    }
    const lines = [t(ctx.lang, 'cli.demo.done', { patients: formatCount(patients), seed, seconds: (ms / 1000).toFixed(1), out })];
    const cells = tables.map((tb) => [tb.name, tb.file, formatCount(tb.rows), formatBytes(tb.bytes)]);
    const width = (i: number) => Math.max(...cells.map((c) => displayWidth(c[i])));
    for (const [name, file, rowCount, size] of cells) {
      lines.push(t(ctx.lang, 'cli.demo.line', { name: padEnd(name, width(0)), file: padEnd(file, width(1)), rows: padStart(rowCount, width(2)), size: padStart(size, width(3)) }));
    }
    lines.push(t(ctx.lang, 'cli.demo.note'));
    ctx.stdout(lines.join('\n') + '\n');
    return 0;
  },
};
