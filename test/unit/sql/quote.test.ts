import { describe, expect, it, afterAll } from 'vitest';
import fc from 'fast-check';
import { ident, literal, num, str } from '../../../src/core/sql/quote.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

describe('quote', () => {
  it('doubles quotes in identifiers and strings', () => {
    expect(ident('a"b')).toBe('"a""b"');
    expect(str("it's")).toBe("'it''s'");
    expect(literal(null)).toBe('NULL');
  });
  it('renders numbers that read back exactly, exponents included', () => {
    expect(num(1e-10)).toBe('1e-10');
    expect(num(2.5e-20)).toBe('2.5e-20');
    expect(num(0.1)).toBe('1e-1');
    expect(num(0.009870288882985977)).toBe('9.870288882985977e-3');
    expect(num(-0)).toBe('0');
    expect(() => num(NaN)).toThrow();
  });
});

for (const host of ENGINE_HOSTS) {
  describe(`quote round-trips through ${host.name}`, () => {
    const engine = host.create();
    afterAll(async () => (await engine).close());
    it('any identifier and string survive (Japanese, quotes, newlines)', async () => {
      const e = await engine;
      await fc.assert(
        fc.asyncProperty(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('\u0000')), fc.string({ maxLength: 12 }).filter((s) => !s.includes('\u0000')), async (name, value) => {
          const [row] = await e.rows(`SELECT ${str(value)} AS ${ident(name)}`);
          expect(Object.keys(row)).toEqual([name]);
          expect(row[name]).toBe(value);
        }),
        { numRuns: 60 },
      );
    });
    it('doubles that DuckDB would read as DECIMAL first survive', async () => {
      const e = await engine;
      for (const x of [0.009870288882985977, 0.000009766224291692999, 0.1, 123.456]) {
        const [row] = await e.rows(`SELECT ${num(x)}::DOUBLE AS v`);
        expect(row.v).toBe(x);
      }
    });
    it('any double survives', async () => {
      const e = await engine;
      await fc.assert(
        fc.asyncProperty(fc.double({ noNaN: true, noDefaultInfinity: true }), async (x) => {
          const [row] = await e.rows(`SELECT ${num(x)}::DOUBLE AS v`);
          expect(row.v).toBe(Object.is(x, -0) ? 0 : x);
        }),
        { numRuns: 300 },
      );
    });
  });
}
