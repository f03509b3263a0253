import { resolve } from 'node:path';
import { t } from '../../core/i18n/catalog.ts';
import { profileTable } from '../../core/profile/profile.ts';
import type { TextEncoding } from '../../core/load/index.ts';
import { choiceOption } from '../args.ts';
import type { Command } from '../command.ts';
import { printJson } from '../context.ts';
import { formatCount } from '../format.ts';
import { loadFile } from '../load-file.ts';
import { NativeEngine } from '../native-engine.ts';
import { renderProfile } from '../render-profile.ts';
import { UsageError } from '../usage-error.ts';

const ENCODINGS = ['utf-8', 'shift_jis', 'euc-jp'] as const;
const ENCODING_ALIASES: Readonly<Record<string, TextEncoding>> = { utf8: 'utf-8', sjis: 'shift_jis', cp932: 'shift_jis', 'shift-jis': 'shift_jis', eucjp: 'euc-jp' };

/** `\t` and `tab` as typed on a command line mean a tab character. */
export function delimiterOption(value: string): string {
  const d = value === '\\t' || value.toLowerCase() === 'tab' ? '\t' : value;
  if ([...d].length !== 1) throw new UsageError('cli.error.invalidDelimiter', { value });
  return d;
}

export function encodingOption(value: string): TextEncoding {
  return ENCODING_ALIASES[value.toLowerCase()] ?? choiceOption(value, '--encoding', ENCODINGS);
}

const shownDelimiter = (d: string) => (d === '\t' ? '\\t' : d);

/** `tokumei profile <file>`: load into native DuckDB and describe every column. */
export const profileCommand: Command = {
  name: 'profile',
  summary: 'cli.profile.summary',
  usage: 'cli.profile.usage',
  options: {
    encoding: { type: 'string', value: 'ENC', help: 'cli.profile.opt.encoding' },
    delimiter: { type: 'string', value: 'X', help: 'cli.profile.opt.delimiter' },
  },
  async run(args, ctx) {
    const [file, ...extra] = args.positionals;
    if (!file) throw new UsageError('cli.error.missingArgument', { name: t(ctx.lang, 'cli.profile.arg.file'), usage: t(ctx.lang, 'cli.profile.usage') });
    if (extra.length > 0) throw new UsageError('cli.error.extraArgument', { value: extra[0] });
    const encoding = args.options.encoding === undefined ? undefined : encodingOption(args.options.encoding as string);
    const delimiter = args.options.delimiter === undefined ? undefined : delimiterOption(args.options.delimiter as string);
    const path = resolve(ctx.cwd, file);

    const engine = await NativeEngine.create();
    try {
      const loaded = await loadFile(engine, path, { encoding, delimiter });
      const profile = await profileTable(engine, loaded.table);
      const load = {
        format: loaded.format,
        gzip: loaded.gzip,
        ...(loaded.encoding ? { encoding: loaded.encoding.encoding } : {}),
        ...(loaded.dialect ? { delimiter: loaded.dialect.delimiter, hasHeader: loaded.dialect.hasHeader } : {}),
        typing: loaded.typing.map((x) => ({ column: x.column, target: x.target, reason: x.reason })),
      };
      if (ctx.json) {
        printJson(ctx, { file: path, ...profile, load });
        return 0;
      }
      const lines = [t(ctx.lang, 'cli.profile.heading', { file, rows: formatCount(profile.rows), columns: profile.columns.length })];
      if (loaded.format === 'csv') {
        lines.push(
          t(ctx.lang, 'cli.profile.loadedAs', {
            format: loaded.gzip ? 'CSV (gzip)' : 'CSV',
            encoding: loaded.encoding?.encoding ?? '',
            delimiter: shownDelimiter(loaded.dialect?.delimiter ?? ','),
          }),
        );
      }
      ctx.stdout(lines.join('\n') + '\n\n' + renderProfile(ctx.lang, profile));
      return 0;
    } finally {
      engine.close();
    }
  },
};
