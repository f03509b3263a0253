import { describe, expect, it } from 'vitest';
import { histogramSeries, parseInstant, topBars } from '../../../src/ui/components/profile-view.ts';

describe('histogramSeries', () => {
  it('reads numeric bins as numbers', () => {
    const s = histogramSeries('DOUBLE', [
      { lo: '5.0', hi: '6.5', count: 3 },
      { lo: '6.5', hi: '8.0', count: 7 },
    ]);
    expect(s.scale).toBe('linear');
    expect(s.bins.map((b) => ('x1' in b ? [b.x1, b.x2, b.count] : null))).toEqual([
      [5, 6.5, 3],
      [6.5, 8, 7],
    ]);
  });

  it('reads date and timestamp bins as UTC instants', () => {
    const d = histogramSeries('DATE', [{ lo: '1950-01-01', hi: '1960-01-01', count: 1 }]);
    expect(d.scale).toBe('utc');
    if (d.scale === 'utc') expect(d.bins[0].x1.toISOString()).toBe('1950-01-01T00:00:00.000Z');
    const t = histogramSeries('TIMESTAMP', [{ lo: '2023-04-01 09:15:00', hi: '2023-05-01 00:00:00', count: 1 }]);
    expect(t.scale).toBe('utc');
    if (t.scale === 'utc') expect(t.bins[0].x1.toISOString()).toBe('2023-04-01T09:15:00.000Z');
  });

  it('falls back to labelled bars when bins cannot be read in the column type', () => {
    const s = histogramSeries('BIGINT', [{ lo: 'abc', hi: 'def', count: 2 }]);
    expect(s.scale).toBe('band');
    expect(s.bins[0]).toMatchObject({ label: 'abc', count: 2 });
    expect(histogramSeries('VARCHAR', [{ lo: '1', hi: '2', count: 1 }]).scale).toBe('band');
  });
});

describe('parseInstant', () => {
  it('accepts DuckDB date and timestamp text, rejects the rest', () => {
    expect(parseInstant('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseInstant('2024-02-29T10:11:12.345678')?.toISOString()).toBe('2024-02-29T10:11:12.345Z');
    expect(parseInstant('令和6年2月29日')).toBeNull();
    expect(parseInstant('')).toBeNull();
  });
});

describe('topBars', () => {
  it('scales bars to the most frequent value and limits the list', () => {
    const bars = topBars(
      [
        { value: '東京都', count: 200 },
        { value: '大阪府', count: 100 },
        { value: '沖縄県', count: 50 },
      ],
      2,
    );
    expect(bars).toEqual([
      { value: '東京都', count: 200, length: 1 },
      { value: '大阪府', count: 100, length: 0.5 },
    ]);
    expect(topBars([], 5)).toEqual([]);
  });
});
