import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash, randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { Sha256, sha256Hex } from '../../../src/core/release/sha256.ts';
import { Crc32, crc32 } from '../../../src/core/release/crc32.ts';

const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256', () => {
  it('matches node:crypto for every length around the block and padding boundaries', () => {
    for (let n = 0; n <= 200; n++) {
      const b = randomBytes(n);
      expect(sha256Hex(b), `length ${n}`).toBe(nodeSha(b));
    }
  });

  it('is independent of how the input is split into updates', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), fc.array(fc.nat(130), { maxLength: 12 }), (bytes, cuts) => {
        const h = new Sha256();
        let at = 0;
        for (const c of cuts) {
          h.update(bytes.subarray(at, Math.min(bytes.length, at + c)));
          at = Math.min(bytes.length, at + c);
        }
        h.update(bytes.subarray(at));
        expect(h.hex()).toBe(nodeSha(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('hashes a few megabytes fed in odd-sized chunks', () => {
    const b = randomBytes(3 * 1024 * 1024 + 17);
    const h = new Sha256();
    for (let i = 0; i < b.length; i += 65_531) h.update(b.subarray(i, i + 65_531));
    expect(h.hex()).toBe(nodeSha(b));
  });

  it('finishes once: hex() is stable and further updates are refused', () => {
    const h = new Sha256().update(new TextEncoder().encode('abc'));
    const first = h.hex();
    expect(h.hex()).toBe(first);
    expect(() => h.update(new Uint8Array(1))).toThrow();
  });
});

describe('crc32', () => {
  // zlib.crc32 exists from Node 20.15; the engines field requires 20.19.
  it('matches zlib for random inputs and any split', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (bytes, cut) => {
        const c = new Crc32().update(bytes.subarray(0, cut)).update(bytes.subarray(cut));
        expect(c.value()).toBe(zlib.crc32(bytes));
        expect(crc32(bytes)).toBe(zlib.crc32(bytes));
      }),
      { numRuns: 300 },
    );
    const big = randomBytes(1 << 20);
    expect(crc32(big)).toBe(zlib.crc32(big));
  });
});
