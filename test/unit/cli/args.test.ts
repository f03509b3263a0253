import { describe, expect, it } from 'vitest';
import { integerOption, choiceOption, parseArgs, type OptionSpec } from '../../../src/cli/args.ts';
import { UsageError } from '../../../src/cli/usage-error.ts';

const SPEC: Record<string, OptionSpec> = {
  json: { type: 'boolean', help: 'cli.help.json' },
  out: { type: 'string', help: 'cli.demo.opt.out' },
  qi: { type: 'string', help: 'cli.demo.opt.out', multiple: true },
  help: { type: 'boolean', help: 'cli.help.help' },
};

const usageKey = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof UsageError ? e.key : `not a usage error: ${e}`;
  }
  return 'no error';
};

describe('argument parsing', () => {
  it('reads options in both spellings, flags and positionals in order', () => {
    expect(parseArgs(['a.csv', '--out', 'dir', '--json', 'b.csv'], SPEC, 'x')).toEqual({ positionals: ['a.csv', 'b.csv'], options: { out: 'dir', json: true } });
    expect(parseArgs(['--out=d=1'], SPEC, 'x').options.out).toBe('d=1');
    expect(parseArgs(['--out', '-'], SPEC, 'x').options.out).toBe('-');
    expect(parseArgs(['--qi', 'a', '--qi=b'], SPEC, 'x').options.qi).toEqual(['a', 'b']);
    expect(parseArgs(['--', '--json'], SPEC, 'x')).toEqual({ positionals: ['--json'], options: {} });
    expect(parseArgs(['-h'], SPEC, 'x').options.help).toBe(true);
    expect(parseArgs(['患者.csv'], SPEC, 'x').positionals).toEqual(['患者.csv']);
  });

  it('refuses unknown, incomplete and repeated options', () => {
    expect(usageKey(() => parseArgs(['--outt', 'x'], SPEC, 'demo'))).toBe('cli.error.unknownOption');
    expect(usageKey(() => parseArgs(['-x'], SPEC, 'demo'))).toBe('cli.error.unknownOption');
    expect(usageKey(() => parseArgs(['--json=yes'], SPEC, 'demo'))).toBe('cli.error.unknownOption');
    expect(usageKey(() => parseArgs(['--out'], SPEC, 'demo'))).toBe('cli.error.missingValue');
    expect(usageKey(() => parseArgs(['--out', 'a', '--out', 'b'], SPEC, 'demo'))).toBe('cli.error.repeatedOption');
  });

  it('checks integers and choices', () => {
    expect(integerOption('1_000_000', '--rows', 0, 10 ** 8)).toBe(1_000_000);
    expect(integerOption('1,000', '--rows', 0, 10 ** 8)).toBe(1000);
    for (const bad of ['1.5', '-3', '1e6', 'abc', '', '999999999']) expect(usageKey(() => integerOption(bad, '--rows', 0, 10 ** 8))).toBe('cli.error.invalidInteger');
    expect(choiceOption('EN', '--lang', ['ja', 'en'] as const)).toBe('en');
    expect(usageKey(() => choiceOption('fr', '--lang', ['ja', 'en'] as const))).toBe('cli.error.invalidChoice');
  });
});
