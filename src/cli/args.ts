import type { MessageKey } from '../core/i18n/catalog.ts';
import { UsageError } from './usage-error.ts';

export interface OptionSpec {
  type: 'boolean' | 'string';
  /** Help text for --help. */
  help: MessageKey;
  /** Placeholder shown in help, e.g. N, DIR. */
  value?: string;
  /** May be given several times (values collected in order). */
  multiple?: boolean;
}

export type OptionValue = string | boolean | string[];

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, OptionValue | undefined>;
}

/**
 * `--name value`, `--name=value`, boolean `--flag`, `-h`, and `--` to end options.
 * Kept dependency-free and strict: an unknown option is an error rather than
 * silently ignored, so a typo in a script cannot change what gets released.
 */
export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>, command: string): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, OptionValue | undefined> = {};
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (arg === '-h') {
      options.help = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError('cli.error.unknownOption', { option: arg, command });
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const o = spec[name];
    if (!o) throw new UsageError('cli.error.unknownOption', { option: `--${name}`, command });
    if (o.type === 'boolean') {
      if (eq >= 0) throw new UsageError('cli.error.unknownOption', { option: arg, command });
      options[name] = true;
      continue;
    }
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError('cli.error.missingValue', { option: `--${name}` });
      value = argv[++i];
    }
    if (o.multiple) options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    else if (options[name] !== undefined) throw new UsageError('cli.error.repeatedOption', { option: `--${name}` });
    else options[name] = value;
  }
  return { positionals, options };
}

/** An integer option within bounds; accepts digit groups written as 1_000_000 or 1,000,000. */
export function integerOption(value: string, option: string, min: number, max: number): number {
  const clean = value.replace(/[_,]/g, '');
  const n = /^\d+$/.test(clean) ? Number(clean) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError('cli.error.invalidInteger', { option, value, min, max });
  }
  return n;
}

export function choiceOption<T extends string>(value: string, option: string, choices: readonly T[]): T {
  const v = value.toLowerCase();
  const hit = choices.find((c) => c === v);
  if (!hit) throw new UsageError('cli.error.invalidChoice', { option, value, choices: choices.join(', ') });
  return hit;
}
