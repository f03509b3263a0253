import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { TokumeiError } from '../../core/errors.ts';
import { t } from '../../core/i18n/catalog.ts';
import { verifyPackage } from '../../core/release/verify.ts';
import type { Command } from '../command.ts';
import { printJson } from '../context.ts';
import { nodeHash } from '../node-hash.ts';
import { UsageError } from '../usage-error.ts';

/** `tokumei verify pkg.zip`: every file against MANIFEST; exit 0 only when all match and none is unlisted. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'cliRelease.verify.summary',
  usage: 'cliRelease.verify.usage',
  options: {},
  async run(args, ctx) {
    const [file, ...extra] = args.positionals;
    if (!file) throw new UsageError('cli.error.missingArgument', { name: 'pkg.zip', usage: t(ctx.lang, 'cliRelease.verify.usage') });
    if (extra.length) throw new UsageError('cli.error.extraArgument', { value: extra[0] });
    const path = resolve(ctx.cwd, file);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      throw new TokumeiError('cli.error.fileNotFound', { path });
    }
    try {
      // Random access: a package larger than memory (or than a Node buffer) is read piece by piece.
      const size = fstatSync(fd).size;
      const source = {
        size,
        read(offset: number, length: number) {
          const buf = new Uint8Array(length);
          let at = 0;
          while (at < length) {
            const n = readSync(fd, buf, at, length - at, offset + at);
            if (n === 0) break;
            at += n;
          }
          return buf.subarray(0, at);
        },
      };
      const report = verifyPackage(source, { newHash: nodeHash });
      const whole = createHash('sha256');
      for (let at = 0; at < size; at += 1 << 20) whole.update(source.read(at, Math.min(1 << 20, size - at)));
      return print(report, whole.digest('hex'));
    } finally {
      closeSync(fd);
    }

    function print(report: ReturnType<typeof verifyPackage>, packageSha256: string): number {
    if (ctx.json) printJson(ctx, { file: path, packageSha256, ...report });
    else {
      const lines = [report.ok ? t(ctx.lang, 'cliRelease.verify.ok', { path, files: report.files.length }) : t(ctx.lang, 'cliRelease.verify.failed', { path })];
      if (!report.ok) {
        for (const f of report.files) if (f.status !== 'ok') lines.push(t(ctx.lang, 'cliRelease.verify.file', { status: f.status, file: f.path }));
        for (const p of report.problems) lines.push('  ' + t(ctx.lang, p.key, p.params));
      }
      lines.push(`SHA-256: ${packageSha256}`);
      (report.ok ? ctx.stdout : ctx.stderr)(lines.join('\n') + '\n');
    }
    return report.ok ? 0 : 1;
    }
  },
};
