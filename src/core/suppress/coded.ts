import { TokumeiError } from '../errors.ts';
import type { KeyCombos } from './types.ts';

/** Key bits must fit a 32-bit mask. */
export const MAX_KEYS = 30;

/** Key combinations as integer codes per key (−1 = missing) with a present-key bit mask. */
export interface CodedCombos {
  keys: number;
  codes: Int32Array[];
  counts: Float64Array;
  /** Bit d set = key d has a value. */
  masks: Uint32Array;
  /** Codes per key (for packing projections). */
  cardinality: number[];
  records: number;
}

export function codeCombos(combos: KeyCombos): CodedCombos {
  const keys = combos.keys.length;
  if (keys === 0) throw new TokumeiError('search.cell.noKeys');
  if (keys > MAX_KEYS) throw new TokumeiError('search.cell.tooManyKeys', { count: keys, max: MAX_KEYS });
  const m = combos.values.length;
  const codes = combos.keys.map(() => new Int32Array(m));
  const cardinality: number[] = [];
  for (let d = 0; d < keys; d++) {
    const dict = new Map<string, number>();
    for (let i = 0; i < m; i++) {
      const v = combos.values[i][d];
      if (v === null) {
        codes[d][i] = -1;
        continue;
      }
      let c = dict.get(v);
      if (c === undefined) dict.set(v, (c = dict.size));
      codes[d][i] = c;
    }
    cardinality.push(Math.max(dict.size, 1));
  }
  const masks = new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    let mask = 0;
    for (let d = 0; d < keys; d++) if (codes[d][i] >= 0) mask |= 1 << d;
    masks[i] = mask >>> 0;
  }
  const counts = Float64Array.from(combos.counts);
  const records = counts.reduce((s, n) => s + n, 0);
  return { keys, codes, counts, masks, cardinality, records };
}

/**
 * Packs the values of combination i on the keys of `mask` into one number (mixed radix), or a
 * string when the radix product would leave the exact range of doubles.
 */
export function projector(c: CodedCombos, mask: number): (i: number) => number | string {
  const dims: number[] = [];
  let product = 1;
  for (let d = 0; d < c.keys; d++) {
    if (mask & (1 << d)) {
      dims.push(d);
      product *= c.cardinality[d];
    }
  }
  const codes = dims.map((d) => c.codes[d]);
  if (product < 2 ** 53) {
    const radix = dims.map((d) => c.cardinality[d]);
    return (i) => {
      let key = 0;
      for (let j = 0; j < codes.length; j++) key = key * radix[j] + codes[j][i];
      return key;
    };
  }
  return (i) => codes.map((a) => a[i]).join(',');
}

/** Popcount of a 32-bit mask. */
export function bits(mask: number): number {
  let m = mask - ((mask >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return (((m + (m >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
