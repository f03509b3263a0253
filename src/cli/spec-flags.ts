import type { TextEncoding } from '../core/load/index.ts';
import type { PresetId } from '../core/spec/presets.ts';
import { SUPPRESSION_METHODS, type SuppressionMethod } from '../core/spec/schema.ts';
import { choiceOption, integerOption, type OptionSpec, type ParsedArgs } from './args.ts';
import { delimiterOption, encodingOption } from './commands/profile.ts';
import { UsageError } from './usage-error.ts';

/**
 * The flags shared by the commands that read a file under a release spec (apply, risk, search):
 * one definition, so every command spells and checks them alike (DESIGN.md "Command line").
 */
export const INPUT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  encoding: { type: 'string', value: 'ENC', help: 'cli.profile.opt.encoding' },
  delimiter: { type: 'string', value: 'X', help: 'cli.profile.opt.delimiter' },
};

export const SPEC_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  spec: { type: 'string', value: 'FILE', help: 'cli.opt.spec' },
  preset: { type: 'string', value: 'anonymized|pseudonymized|hipaa', help: 'cli.opt.preset' },
  qi: { type: 'string', value: 'a,b,c', help: 'cli.opt.qi', multiple: true },
  hierarchy: { type: 'string', value: 'COL=FILE', help: 'cli.opt.hierarchy', multiple: true },
  levels: { type: 'string', value: 'COL=N,…', help: 'cli.opt.levels', multiple: true },
  sensitive: { type: 'string', value: 'COL', help: 'cli.opt.sensitive' },
  k: { type: 'string', value: 'N', help: 'cli.opt.k' },
  suppression: { type: 'string', value: '0.04', help: 'cli.opt.suppression' },
  'suppression-method': { type: 'string', value: 'records|cells', help: 'cells.opt.method' },
  importance: { type: 'string', value: 'COL=N,…', help: 'cells.opt.importance', multiple: true },
  l: { type: 'string', value: 'N', help: 'cli.opt.l' },
  'l-variant': { type: 'string', value: 'distinct|entropy|recursive', help: 'cli.opt.lVariant' },
  c: { type: 'string', value: 'N', help: 'cli.opt.c' },
  t: { type: 'string', value: '0.2', help: 'cli.opt.t' },
  't-variant': { type: 'string', value: 'equal|ordered', help: 'cli.opt.tVariant' },
  exclude: { type: 'string', value: 'FILE', help: 'cli.opt.exclude' },
  subject: { type: 'string', value: 'COL', help: 'cli.opt.subject' },
  key: { type: 'string', value: 'FILE', help: 'cli.opt.key' },
};

export interface InputFlags {
  encoding?: TextEncoding;
  delimiter?: string;
}

/** What the spec flags ask for, checked and typed; files are read later, relative to the working directory. */
export interface SpecFlags {
  specPath?: string;
  preset?: PresetId;
  qi?: string[];
  hierarchies: { column: string; path: string }[];
  levels: Map<string, number>;
  sensitive?: string;
  k?: number;
  suppression?: number;
  /** --suppression-method: how k is reached (model.suppression). */
  suppressionMethod?: SuppressionMethod;
  /** --importance: per quasi-identifier, for cell suppression (model.importance). */
  importance: Map<string, number>;
  l?: { value: number; variant: 'distinct' | 'entropy' | 'recursive'; c?: number };
  t?: { value: number; variant: 'equal' | 'ordered' };
  excludePath?: string;
  subject?: string;
  keyPath?: string;
}

const str = (args: ParsedArgs, name: string) => args.options[name] as string | undefined;
const list = (args: ParsedArgs, name: string) => (args.options[name] as string[] | undefined) ?? [];

export function readInputFlags(args: ParsedArgs): InputFlags {
  const encoding = str(args, 'encoding');
  const delimiter = str(args, 'delimiter');
  return {
    ...(encoding !== undefined ? { encoding: encodingOption(encoding) } : {}),
    ...(delimiter !== undefined ? { delimiter: delimiterOption(delimiter) } : {}),
  };
}

/**
 * A decimal number within bounds; `%` at the end divides by 100 (so --suppression 4% = 0.04).
 * `minOpen` excludes the lower bound itself (t and thresholds must be above 0).
 */
export function numberOption(value: string, option: string, min: number, max: number, minOpen = false): number {
  const clean = value.trim();
  const percent = clean.endsWith('%');
  const body = percent ? clean.slice(0, -1) : clean;
  const n = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(body) ? Number(body) / (percent ? 100 : 1) : NaN;
  if (!Number.isFinite(n) || n < min || n > max || (minOpen && n === min)) {
    throw new UsageError(minOpen ? 'cli.error.invalidNumberOpen' : 'cli.error.invalidNumber', { option, value, min, max });
  }
  return n;
}

/** `a,b,c`, possibly given several times; blanks around names are trimmed, empty names refused. */
export function columnList(values: readonly string[], option: string): string[] {
  const out: string[] = [];
  for (const v of values) {
    for (const part of v.split(',')) {
      const name = part.trim();
      if (name === '') throw new UsageError('cli.error.emptyColumn', { option, value: v });
      if (!out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** `col=value` pairs: `a=1,b=2` or repeated flags; a pair's value may hold commas only when alone in its flag. */
export function pairList(values: readonly string[], option: string): [string, string][] {
  const out: [string, string][] = [];
  for (const v of values) {
    const parts = v.split(',');
    const items = parts.every((p) => p.includes('=')) ? parts : [v];
    for (const item of items) {
      const eq = item.indexOf('=');
      const name = eq < 0 ? '' : item.slice(0, eq).trim();
      const value = eq < 0 ? '' : item.slice(eq + 1).trim();
      if (name === '' || value === '') throw new UsageError('cli.error.invalidPair', { option, value: item });
      if (out.some(([n]) => n === name)) throw new UsageError('cli.error.repeatedColumn', { option, column: name });
      out.push([name, value]);
    }
  }
  return out;
}

const PRESETS = ['anonymized', 'pseudonymized', 'hipaa'] as const;

export function readSpecFlags(args: ParsedArgs): SpecFlags {
  const flags: SpecFlags = { hierarchies: [], levels: new Map(), importance: new Map() };
  if (str(args, 'spec') !== undefined) flags.specPath = str(args, 'spec');
  if (str(args, 'preset') !== undefined) flags.preset = choiceOption(str(args, 'preset')!, '--preset', PRESETS);
  if (flags.specPath !== undefined && flags.preset !== undefined) throw new UsageError('cli.error.specAndPreset');
  if (list(args, 'qi').length) flags.qi = columnList(list(args, 'qi'), '--qi');
  flags.hierarchies = pairList(list(args, 'hierarchy'), '--hierarchy').map(([column, path]) => ({ column, path }));
  for (const [column, level] of pairList(list(args, 'levels'), '--levels')) {
    flags.levels.set(column, integerOption(level, `--levels ${column}`, 0, 1000));
  }
  if (str(args, 'sensitive') !== undefined) {
    const [s, ...more] = columnList([str(args, 'sensitive')!], '--sensitive');
    if (more.length) throw new UsageError('cli.error.oneSensitive', { value: str(args, 'sensitive')! });
    flags.sensitive = s;
  }
  if (str(args, 'k') !== undefined) flags.k = integerOption(str(args, 'k')!, '--k', 1, 1_000_000_000);
  if (str(args, 'suppression') !== undefined) flags.suppression = numberOption(str(args, 'suppression')!, '--suppression', 0, 1);
  if (str(args, 'suppression-method') !== undefined) {
    flags.suppressionMethod = choiceOption(str(args, 'suppression-method')!, '--suppression-method', SUPPRESSION_METHODS);
  }
  for (const [column, value] of pairList(list(args, 'importance'), '--importance')) {
    flags.importance.set(column, numberOption(value, `--importance ${column}`, 0, 1_000_000, true));
  }

  const lVariant = str(args, 'l-variant');
  const c = str(args, 'c');
  if (str(args, 'l') !== undefined) {
    const variant = lVariant === undefined ? 'distinct' : choiceOption(lVariant, '--l-variant', ['distinct', 'entropy', 'recursive'] as const);
    const value = numberOption(str(args, 'l')!, '--l', 1, 1_000_000);
    if (variant !== 'entropy' && !Number.isInteger(value)) throw new UsageError('cli.error.lNotWhole', { value: str(args, 'l')!, variant });
    if (variant === 'recursive' && c === undefined) throw new UsageError('cli.error.recursiveNeedsC');
    if (variant !== 'recursive' && c !== undefined) throw new UsageError('cli.error.cWithoutRecursive');
    flags.l = { value, variant, ...(c !== undefined ? { c: numberOption(c, '--c', 0, 1_000_000, true) } : {}) };
  } else if (lVariant !== undefined || c !== undefined) {
    throw new UsageError('cli.error.needsL', { option: lVariant !== undefined ? '--l-variant' : '--c' });
  }
  const tVariant = str(args, 't-variant');
  if (str(args, 't') !== undefined) {
    const variant = tVariant === undefined ? 'equal' : choiceOption(tVariant, '--t-variant', ['equal', 'ordered'] as const);
    flags.t = { value: numberOption(str(args, 't')!, '--t', 0, 1, true), variant };
  } else if (tVariant !== undefined) {
    throw new UsageError('cli.error.needsT');
  }
  if (str(args, 'exclude') !== undefined) flags.excludePath = str(args, 'exclude');
  if (str(args, 'subject') !== undefined) flags.subject = str(args, 'subject');
  if (str(args, 'key') !== undefined) flags.keyPath = str(args, 'key');
  return flags;
}
