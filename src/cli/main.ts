import { isTokumeiError } from '../core/errors.ts';
import { pickLang, t, type Lang } from '../core/i18n/catalog.ts';
import { choiceOption, parseArgs, type OptionSpec } from './args.ts';
import type { Command } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import type { CliContext } from './context.ts';
import { padEnd } from './format.ts';
import { UsageError } from './usage-error.ts';

const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', help: 'cli.help.json' },
  lang: { type: 'string', value: 'ja|en', help: 'cli.help.lang' },
  help: { type: 'boolean', help: 'cli.help.help' },
};

export interface MainIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

const processIo = (): MainIo => ({
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
});

/** LC_ALL, then LC_MESSAGES, then LANG, as POSIX ranks them; Japanese when none says ja or en. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  return pickLang([env.LC_ALL, env.LC_MESSAGES, env.LANG].filter((v): v is string => !!v));
}

function mainHelp(lang: Lang): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const commands = COMMANDS.map((c) => `  ${padEnd(c.name, width)} ${t(lang, c.summary)}`).join('\n');
  return t(lang, 'cli.help.main', { commands }) + '\n';
}

function commandHelp(lang: Lang, c: Command): string {
  const all = { ...c.options, ...GLOBAL_OPTIONS };
  const flags = Object.entries(all).map(([name, o]) => `--${name}${o.type === 'string' ? ` ${o.value ?? 'X'}` : ''}`);
  const width = Math.max(...flags.map((f) => f.length)) + 2;
  const lines = [t(lang, c.summary), '', t(lang, 'cli.help.usage', { usage: t(lang, c.usage) }), '', t(lang, 'cli.help.options')];
  Object.values(all).forEach((o, i) => lines.push(`  ${padEnd(flags[i], width)} ${t(lang, o.help)}`));
  return lines.join('\n') + '\n';
}

/** Pull --lang out first, so even an error about the other arguments is in the asked-for language. */
function earlyLang(argv: readonly string[], env: MainIo['env']): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'ja' || v === 'en') return v;
  }
  return langFromEnv(env);
}

/** Runs one command line; returns the exit code (0 ok, 1 failed, 2 wrong usage). */
export async function main(argv: readonly string[], io: MainIo = processIo()): Promise<number> {
  let lang = earlyLang(argv, io.env);
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      if (name === undefined) {
        io.stderr(mainHelp(lang));
        return 2;
      }
      io.stdout(mainHelp(lang));
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      if (name.startsWith('-')) throw new UsageError('cli.error.noCommand');
      throw new UsageError('cli.error.unknownCommand', { command: name });
    }
    const args = parseArgs(rest, { ...command.options, ...GLOBAL_OPTIONS }, command.name);
    if (args.options.lang !== undefined) lang = choiceOption(args.options.lang as string, '--lang', ['ja', 'en'] as const);
    if (args.options.help) {
      io.stdout(commandHelp(lang, command));
      return 0;
    }
    const ctx: CliContext = { lang, json: args.options.json === true, cwd: io.cwd, stdout: io.stdout, stderr: io.stderr };
    return await command.run(args, ctx);
  } catch (e) {
    if (isTokumeiError(e)) {
      io.stderr(t(lang, 'cli.error.prefix', { message: t(lang, e.key, e.params) }) + '\n');
      return e instanceof UsageError ? 2 : 1;
    }
    const detail = e instanceof Error ? e.message : String(e);
    io.stderr(t(lang, 'cli.error.prefix', { message: t(lang, 'error.unknown', { detail }) }) + '\n');
    if (io.env.TOKUMEI_DEBUG && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    return 1;
  }
}
