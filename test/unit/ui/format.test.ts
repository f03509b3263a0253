import { describe, expect, it } from 'vitest';
import { formatBytes, formatCompact, formatCount, formatSeconds, formatShare } from '../../../src/ui/components/format.ts';

describe('format', () => {
  it('groups counts in both languages', () => {
    expect(formatCount('ja', 1234567)).toBe('1,234,567');
    expect(formatCount('en', 1234567)).toBe('1,234,567');
  });

  it('shows shares without hiding tiny non-zero ones as 0%', () => {
    expect(formatShare('en', 0, 100)).toBe('0%');
    expect(formatShare('en', 100, 100)).toBe('100%');
    expect(formatShare('en', 1, 3)).toBe('33%');
    expect(formatShare('en', 5, 100)).toBe('5%');
    expect(formatShare('en', 55, 1000)).toBe('5.5%');
    expect(formatShare('en', 4, 1_000_000)).toBe('0.0004%');
    expect(formatShare('en', 995, 1000)).toBe('99.5%');
    expect(formatShare('en', 1, 0)).toBe('–');
  });

  it('formats sizes in binary units', () => {
    expect(formatBytes('en', 0)).toBe('0 B');
    expect(formatBytes('en', 1536)).toBe('1.5 KB');
    expect(formatBytes('en', 104_857_600)).toBe('100 MB');
    expect(formatBytes('ja', 3 * 1024 ** 3)).toBe('3 GB');
  });

  it('formats seconds with one decimal', () => {
    expect(formatSeconds('en', 1234)).toBe('1.2');
    expect(formatSeconds('ja', 0)).toBe('0.0');
  });

  it('abbreviates axis counts per language', () => {
    expect(formatCompact('ja', 200_000)).toBe('20万');
    expect(formatCompact('en', 200_000)).toBe('200K');
  });
});
