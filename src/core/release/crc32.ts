/**
 * CRC-32 (IEEE 802.3, the zip checksum), incremental. Slicing-by-8: eight lookup tables
 * let the loop consume 8 bytes per step, which keeps the CRC cheap next to SHA-256
 * and deflate when a gigabyte-sized data file streams through the zip writer.
 */

let tables: Int32Array[] | null = null;

function buildTables(): Int32Array[] {
  const t = Array.from({ length: 8 }, () => new Int32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0][n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let s = 1; s < 8; s++) t[s][n] = t[0][t[s - 1][n] & 0xff] ^ (t[s - 1][n] >>> 8);
  }
  return t;
}

export class Crc32 {
  private crc = -1;

  update(d: Uint8Array): this {
    const [t0, t1, t2, t3, t4, t5, t6, t7] = (tables ??= buildTables());
    let c = this.crc;
    let i = 0;
    const whole = d.length - (d.length & 7);
    for (; i < whole; i += 8) {
      const lo = c ^ (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24));
      c =
        t7[lo & 0xff] ^ t6[(lo >>> 8) & 0xff] ^ t5[(lo >>> 16) & 0xff] ^ t4[lo >>> 24] ^
        t3[d[i + 4]] ^ t2[d[i + 5]] ^ t1[d[i + 6]] ^ t0[d[i + 7]];
    }
    for (; i < d.length; i++) c = t0[(c ^ d[i]) & 0xff] ^ (c >>> 8);
    this.crc = c;
    return this;
  }

  /** The checksum as an unsigned 32-bit number. Does not finish: more updates may follow. */
  value(): number {
    return ~this.crc >>> 0;
  }
}

export function crc32(bytes: Uint8Array): number {
  return new Crc32().update(bytes).value();
}
