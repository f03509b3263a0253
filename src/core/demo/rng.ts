/**
 * Seeded randomness for the demo extract. Every patient draws from its own
 * sub-streams (derived from the seed, the patient's index and a stream tag), so a
 * table can be streamed on its own and still agree row for row with the others,
 * and Math.random never enters the picture.
 */

/** 32-bit avalanche (murmur3 finaliser): small input changes scatter over all bits. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed: turns any seed text into 32 bits. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

export function seedHash(seed: number | string): number {
  return hashText(String(seed));
}

/** sfc32: fast, statistically sound for these amounts, tiny state. */
export class Rng {
  // A typed array keeps the 32-bit state unboxed; plain fields above 2^30 become heap numbers.
  private readonly s = new Int32Array(4);
  private spare = 0;
  private hasSpare = false;

  constructor(base: number, index: number, stream: number) {
    const s = this.s;
    s[0] = mix32(base ^ 0x9e3779b9);
    s[1] = mix32(index + Math.imul(stream, 0x632be5ab));
    s[2] = mix32(s[0] ^ s[1] ^ Math.imul(stream + 1, 0x7f4a7c15));
    s[3] = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const s = this.s;
    const a = s[0], b = s[1], c = s[2], d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Standard normal (Marsaglia polar method; keeps the second value for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number, v: number, s: number;
    do {
      u = this.float() * 2 - 1;
      v = this.float() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.hasSpare = true;
    return u * m;
  }

  gauss(mean: number, sd: number): number {
    return mean + sd * this.normal();
  }

  /** Log-normal given its median and the sd of the underlying normal. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Poisson by inversion; fine for the small means used here. */
  poisson(mean: number): number {
    const l = Math.exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > l) {
      k++;
      p *= this.float();
    }
    return k;
  }
}

/** A weighted choice prepared once: cumulative weights, binary search per draw. */
export class Weighted<T> {
  readonly items: readonly T[];
  private readonly cum: Float64Array;
  readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map((e) => e[0]);
    this.cum = new Float64Array(entries.length);
    let s = 0;
    entries.forEach(([, w], i) => {
      if (!(w >= 0)) throw new Error(`bad weight ${w}`);
      s += w;
      this.cum[i] = s;
    });
    this.total = s;
  }

  draw(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
