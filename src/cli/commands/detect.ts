import { resolve } from 'node:path';
import { detectRoles, renderDetection } from '../../core/detect/index.ts';
import { t } from '../../core/i18n/catalog.ts';
import type { Command } from '../command.ts';
import { printJson } from '../context.ts';
import { formatCount, renderTable, truncate } from '../format.ts';
import { loadFile } from '../load-file.ts';
import { NativeEngine } from '../native-engine.ts';
import { INPUT_OPTIONS, readInputFlags } from '../spec-flags.ts';
import { UsageError } from '../usage-error.ts';

/** `tokumei detect <file>`: the suggested role of every column, with the reason in the user's language. */
export const detectCommand: Command = {
  name: 'detect',
  summary: 'cli.detect.summary',
  usage: 'cli.detect.usage',
  options: INPUT_OPTIONS,
  async run(args, ctx) {
    const [file, ...extra] = args.positionals;
    if (!file) throw new UsageError('cli.error.missingArgument', { name: t(ctx.lang, 'cli.profile.arg.file'), usage: t(ctx.lang, 'cli.detect.usage') });
    if (extra.length > 0) throw new UsageError('cli.error.extraArgument', { value: extra[0] });
    const engine = await NativeEngine.create();
    try {
      const loaded = await loadFile(engine, resolve(ctx.cwd, file), readInputFlags(args));
      const result = await detectRoles(engine, loaded.table);
      const rendered = renderDetection(result, ctx.lang);
      const columns = rendered.columns.map((c, i) => ({ ...c, category: result.columns[i].category }));
      if (ctx.json) {
        printJson(ctx, { columns });
        return 0;
      }
      const heading = t(ctx.lang, 'cli.detect.heading', { file, columns: columns.length, rows: formatCount(result.sampleRows) });
      const header = (['name', 'role', 'reason'] as const).map((k) => t(ctx.lang, `cli.detect.col.${k}`));
      const rows = columns.map((c, i) => [truncate(c.name, 28), t(ctx.lang, `cli.role.${result.columns[i].role}`), c.reason]);
      ctx.stdout(heading + '\n\n' + renderTable(header, rows));
      return 0;
    } finally {
      engine.close();
    }
  },
};
