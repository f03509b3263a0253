/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, incremental. crypto.subtle cannot hash a
 * stream (it wants the whole buffer), and a release package's data file can be a
 * gigabyte, so MANIFEST hashes are computed here while the bytes stream past.
 * Written for V8: 32-bit integer arithmetic only, no allocation per block.
 */
import { compressBlocks } from './sha256-blocks.ts';

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

export class Sha256 {
  private readonly h = Int32Array.from(INITIAL);
  /** A partial block carried over between `update` calls. */
  private readonly tail = new Uint8Array(64);
  private tailLength = 0;
  /** Total length in bytes; a JS number is exact far beyond any package size. */
  private length = 0;
  private result: string | null = null;

  update(data: Uint8Array): this {
    if (this.result !== null) throw new Error('Sha256: update after hex()');
    this.length += data.length;
    let p = 0;
    if (this.tailLength > 0) {
      p = Math.min(64 - this.tailLength, data.length);
      this.tail.set(data.subarray(0, p), this.tailLength);
      this.tailLength += p;
      if (this.tailLength < 64) return this;
      compressBlocks(this.h, this.tail, 0, 64);
      this.tailLength = 0;
    }
    const whole = p + ((data.length - p) & ~63);
    compressBlocks(this.h, data, p, whole);
    this.tail.set(data.subarray(whole), 0);
    this.tailLength = data.length - whole;
    return this;
  }

  /** Lowercase hex digest. Finishes the hash; calling it again returns the same value. */
  hex(): string {
    if (this.result !== null) return this.result;
    const bits = this.length * 8;
    const pad = new Uint8Array(this.tailLength < 56 ? 64 : 128);
    pad.set(this.tail.subarray(0, this.tailLength));
    pad[this.tailLength] = 0x80;
    const hi = Math.floor(bits / 2 ** 32);
    const lo = bits >>> 0;
    const n = pad.length;
    pad[n - 8] = hi >>> 24; pad[n - 7] = hi >>> 16; pad[n - 6] = hi >>> 8; pad[n - 5] = hi;
    pad[n - 4] = lo >>> 24; pad[n - 3] = lo >>> 16; pad[n - 2] = lo >>> 8; pad[n - 1] = lo;
    compressBlocks(this.h, pad, 0, n);
    let out = '';
    for (const v of this.h) out += (v >>> 0).toString(16).padStart(8, '0');
    this.result = out;
    return out;
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return new Sha256().update(bytes).hex();
}
