import { describe, expect, it } from 'vitest';
import { displayWidth, formatBytes, formatCount, renderTable, truncate } from '../../../src/cli/format.ts';
import { delimiterOption, encodingOption } from '../../../src/cli/commands/profile.ts';
import { langFromEnv } from '../../../src/cli/main.ts';

describe('terminal text', () => {
  it('counts wide characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('患者ID')).toBe(6);
    expect(displayWidth('ｱｲｳ')).toBe(3); // half-width katakana
    expect(displayWidth('サトウ\u3000ハナコ')).toBe(14);
  });

  it('truncates by display width and flattens line breaks', () => {
    expect(truncate('東京都千代田区', 7)).toBe('東京都…');
    expect(displayWidth(truncate('東京都千代田区', 7))).toBeLessThanOrEqual(7);
    expect(truncate('a\nb', 10)).toBe('a b');
    expect(truncate('short', 10)).toBe('short');
  });

  it('aligns table columns whatever the script', () => {
    const lines = renderTable(['列', 'n'], [['患者ID', '10'], ['x', '2,000']], [false, true]).trimEnd().split('\n');
    const ends = lines.map((l) => displayWidth(l));
    expect(new Set([ends[0], ends[2], ends[3]]).size).toBe(1);
    expect(lines[3]).toBe('x       2,000');
  });

  it('formats counts and sizes', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_620_000)).toBe('1.6 MB');
    expect(formatBytes(162_000_000)).toBe('162 MB');
  });
});

describe('option values', () => {
  it('understands tab, encodings by common names, and the language of the environment', () => {
    expect(delimiterOption('\\t')).toBe('\t');
    expect(delimiterOption('tab')).toBe('\t');
    expect(delimiterOption(';')).toBe(';');
    expect(() => delimiterOption(';;')).toThrow();
    expect(encodingOption('CP932')).toBe('shift_jis');
    expect(encodingOption('UTF-8')).toBe('utf-8');
    expect(() => encodingOption('latin1')).toThrow();
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(langFromEnv({ LC_ALL: 'en_GB.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('ja');
    expect(langFromEnv({})).toBe('ja');
  });
});
