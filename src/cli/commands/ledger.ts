import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TokumeiError } from '../../core/errors.ts';
import { t } from '../../core/i18n/catalog.ts';
import { utf8WithBom } from '../../core/release/csv-text.ts';
import { ledgerCsv, searchLedger, type LedgerQuery } from '../../core/release/ledger.ts';
import type { Command } from '../command.ts';
import { printJson } from '../context.ts';
import { formatCount } from '../format.ts';
import { ledgerPath, readLedger } from '../ledger-file.ts';
import { UsageError } from '../usage-error.ts';

/** Japan Standard Time: "created on" a day means the local day of the producer. */
const JST_MINUTES = 540;

/** `tokumei ledger`: which packages went where, until when, made from which extract. */
export const ledgerCommand: Command = {
  name: 'ledger',
  summary: 'cliRelease.ledger.summary',
  usage: 'cliRelease.ledger.usage',
  options: {
    ledger: { type: 'string', value: 'FILE', help: 'cliRelease.opt.ledger' },
    search: { type: 'string', value: 'WORDS', help: 'cliRelease.ledger.opt.search' },
    'deadline-by': { type: 'string', value: 'YYYY-MM-DD', help: 'cliRelease.ledger.opt.deadlineBy' },
    source: { type: 'string', value: 'SHA', help: 'cliRelease.ledger.opt.source' },
    package: { type: 'string', value: 'SHA', help: 'cliRelease.ledger.opt.package' },
    csv: { type: 'string', value: 'FILE', help: 'cliRelease.ledger.opt.csv' },
  },
  async run(args, ctx) {
    if (args.positionals.length) throw new UsageError('cli.error.extraArgument', { value: args.positionals[0] });
    const o = args.options;
    const path = ledgerPath(ctx.cwd, o.ledger as string | undefined);
    const query: LedgerQuery = {
      text: o.search as string | undefined,
      deadlineBy: o['deadline-by'] as string | undefined,
      sourceSha256: o.source as string | undefined,
      packageSha256: o.package as string | undefined,
      utcOffsetMinutes: JST_MINUTES,
    };
    const entries = searchLedger(readLedger(path), query);
    if (o.csv !== undefined) {
      const out = resolve(ctx.cwd, o.csv as string);
      try {
        writeFileSync(out, utf8WithBom(ledgerCsv(entries, { header: ctx.lang })));
      } catch (e) {
        throw new TokumeiError('cli.error.writeFailed', { path: out, detail: (e as Error).message }, { cause: e });
      }
      if (!ctx.json) ctx.stdout(t(ctx.lang, 'cliRelease.ledger.csvWritten', { count: formatCount(entries.length), path: out }) + '\n');
    }
    if (ctx.json) printJson(ctx, { ledger: path, entries });
    else if (o.csv === undefined) {
      const lines = entries.map((e) =>
        t(ctx.lang, 'cliRelease.ledger.line', { createdAt: e.createdAt, recipient: e.recipient, requestId: e.requestId, deadline: e.deletionDeadline, rows: formatCount(e.rows), sha: e.packageSha256.slice(0, 16) }),
      );
      ctx.stdout((lines.length ? lines.join('\n') : t(ctx.lang, 'cliRelease.ledger.empty')) + '\n');
    }
    return 0;
  },
};
