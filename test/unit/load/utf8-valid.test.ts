import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isUtf8 } from '../../../src/core/load/utf8-valid.ts';

const fatalDecodes = (b: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

describe('isUtf8', () => {
  it('agrees with the fatal WHATWG decoder on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => isUtf8(b) === fatalDecodes(b)), { numRuns: 5000, seed: 7 });
  });

  it('agrees on mutated real text (the hard cases sit next to valid sequences)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new TextEncoder().encode(s));
    const mutated = fc.tuple(text, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([b, at, v]) => {
      const c = b.slice();
      if (c.length) c[at % c.length] = v;
      return c;
    });
    fc.assert(fc.property(mutated, (b) => isUtf8(b) === fatalDecodes(b)), { numRuns: 5000, seed: 11 });
  });

  it.each([
    ['overlong slash', [0xc0, 0xaf], false],
    ['overlong 3-byte', [0xe0, 0x80, 0xaf], false],
    ['surrogate', [0xed, 0xa0, 0x80], false],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], false],
    ['cut off at the end', [0xe6, 0x9d], false],
    ['東', [0xe6, 0x9d, 0xb1], true],
    ['U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf], true],
  ])('%s', (_, bytes, valid) => {
    expect(isUtf8(new Uint8Array(bytes))).toBe(valid);
    expect(fatalDecodes(new Uint8Array(bytes))).toBe(valid);
  });
});
