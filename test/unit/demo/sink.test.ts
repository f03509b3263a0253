import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ByteSink } from '../../../src/core/demo/sink.ts';
import { isoDate } from '../../../src/core/demo/dates.ts';
import { formatAddress, type Address } from '../../../src/core/demo/patient.ts';
import { csvField } from '../../../src/core/demo/csv.ts';

/** Write one row with `fill`, return its text (without the newline). */
function row(fill: (s: ByteSink) => void): string {
  const s = new ByteSink(1 << 16);
  fill(s.beginRow());
  s.endRow();
  s.flush();
  return new TextDecoder().decode(s.ready[0].bytes).slice(0, -1);
}

describe('byte sink', () => {
  it('prints rounded numbers exactly as toFixed does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.double({ min: 0, max: 1e6, noNaN: true }), (d, raw) => {
        const x = Math.round(raw * 10 ** d) / 10 ** d;
        expect(row((s) => s.fixed(x, d))).toBe(x.toFixed(d));
      }),
      { numRuns: 2000 },
    );
    expect(row((s) => s.fixed(-1.5, 1))).toBe('-1.5');
  });

  it('prints zero-padded integers and ISO dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 12 }), (n, w) => {
        expect(row((s) => s.int(n, w))).toBe(String(n).padStart(w, '0'));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (d) => {
        expect(row((s) => s.date(d))).toBe(isoDate(d));
      }),
    );
  });

  it('writes mixed text and ends chunks only at row ends', () => {
    const s = new ByteSink(64);
    for (let i = 0; i < 50; i++) {
      s.beginRow().int(i, 3).comma().text('患者,"名"').comma().ascii('x');
      s.endRow();
    }
    s.flush();
    expect(s.ready.length).toBeGreaterThan(5);
    const text = s.ready.map((c) => new TextDecoder().decode(c.bytes)).join('');
    expect(s.ready.every((c) => c.bytes[c.bytes.length - 1] === 0x0a)).toBe(true);
    expect(s.ready.reduce((n, c) => n + c.rows, 0)).toBe(50);
    expect(text.split('\n')[7]).toBe('007,患者,"名",x');
  });
});

describe('addresses', () => {
  it('print with 丁目 or as 番地, with the building after a space or a comma', () => {
    const a: Address = { town: '栄町', chome: 2, ban: 14, go: 7, building: null, room: 0, comma: false };
    expect(formatAddress(a)).toBe('栄町2丁目14-7');
    expect(formatAddress({ ...a, chome: 0, ban: 1234, go: 5 })).toBe('栄町1234-5');
    expect(formatAddress({ ...a, building: 'ハイツ栄', room: 305 })).toBe('栄町2丁目14-7 ハイツ栄 305');
    const withComma = formatAddress({ ...a, building: 'ハイツ栄', room: 305, comma: true });
    expect(withComma).toBe('栄町2丁目14-7, ハイツ栄 305');
    expect(csvField(withComma)).toBe('"栄町2丁目14-7, ハイツ栄 305"');
  });
});
