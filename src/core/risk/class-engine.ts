import type { ClassDiversity, ClassSizeRow } from './class-scan.ts';

/**
 * Equivalence classes counted in JavaScript from dictionary codes, for the live risk panel: the
 * same answers as class-scan.ts's GROUP BY, without a hash aggregate over a million rows in SQL
 * (DuckDB-WASM is single-threaded, and GROUP BY over ~10⁶ classes costs it several hundred ms).
 *
 * Every column arrives as per-record source codes plus a map from source code to the code of
 * the released value, so equal released values have equal codes (NULL being one value of its
 * own) and two records share a class exactly when all their quasi-identifier codes agree.
 * The work is bound by memory traffic: few possible keys are counted in plain arrays, many in
 * cache-sized hash partitions over keys kept between counts (only changed columns touch them).
 */

/** One column of the relation: codes of the source values, and what each becomes when released. */
export interface CodedColumn {
  /** Per record, its source value's code. */
  codes: Int32Array;
  /**
   * Per source code, its released value's code: below `size`, and below the number of source
   * codes (each released value stands for at least one source value).
   */
  map: Int32Array;
  /** How many distinct released values there are. */
  size: number;
  /** The released code of NULL (a value of its own in ARX, a wildcard in sdcMicro); −1 or absent when none is NULL. */
  nullCode?: number;
}

export interface CodedRelation {
  records: number;
  /** The measured columns' names: the quasi-identifiers, then the sensitive column (when known). */
  names?: readonly string[];
  /** Per record, 1 when it is kept (record suppression and exclusions remove the others); all kept when null. */
  keep: Uint8Array | null;
  qis: readonly CodedColumn[];
  sensitive: CodedColumn | null;
  /** Further columns measured alongside (a sampling weight, the columns checked for peculiar values), in the order asked. */
  extra?: readonly CodedColumn[];
}

export interface CodedClasses {
  /** Ascending by size; as scanClasses reports it. */
  rows: ClassSizeRow[];
  /** Distinct and entropy l over the classes of at least `minSize` records (needs a sensitive column). */
  diversity(minSize: number): Omit<ClassDiversity, 'attribute'>;
}

/** Mixed-radix words below 2^52, so each is an exact double and a product never overflows. */
const WORD_LIMIT = 2 ** 52;
/** Up to this many possible keys a plain array counts the classes: no hashing at all. */
const DIRECT_MAX = 1 << 18;
/** Records per hash partition: small enough that a partition's table stays in cache. */
const PARTITION_ROWS = 4096;
/** Records per block while the keys are formed. */
const BLOCK = 4096;

/** Kept records: how many, and which (null when all are). */
function keptIndex(rel: CodedRelation): { n: number; index: Int32Array | null } {
  const keep = rel.keep;
  if (!keep) return { n: rel.records, index: null };
  let n = 0;
  for (let i = 0; i < rel.records; i++) n += keep[i];
  if (n === rel.records) return { n, index: null };
  const index = new Int32Array(n);
  for (let i = 0, j = 0; i < rel.records; i++) if (keep[i]) index[j++] = i;
  return { n, index };
}

/** Product of the released sizes: how many keys are possible. */
function releasedSpace(rel: CodedRelation): number {
  let space = 1;
  for (const c of rel.qis) space *= Math.max(c.size, 1);
  return space;
}

/**
 * Few possible keys: each kept record's key as one mixed-radix number over the released sizes,
 * formed block by block with the sensitive code alongside.
 */
class Keys {
  readonly n: number;
  private readonly index: Int32Array | null;
  private readonly mults: number[];
  private readonly word = new Float64Array(BLOCK);
  private readonly s = new Int32Array(BLOCK);

  constructor(private readonly rel: CodedRelation) {
    ({ n: this.n, index: this.index } = keptIndex(rel));
    let m = 1;
    this.mults = rel.qis.map((c) => {
      const at = m;
      m *= Math.max(c.size, 1);
      return at;
    });
  }

  /** Calls `visit` per block: key[j] and s[j] for kept records from … from + len − 1. */
  blocks(visit: (key: Float64Array, s: Int32Array, from: number, len: number) => void): void {
    const { index, word, s } = this;
    const sensitive = this.rel.sensitive;
    for (let from = 0; from < this.n; from += BLOCK) {
      const len = Math.min(BLOCK, this.n - from);
      word.fill(0, 0, len);
      this.rel.qis.forEach((c, i) => gather(word, c, this.mults[i], index, from, len));
      if (sensitive) {
        const { codes, map } = sensitive;
        if (index) for (let j = 0; j < len; j++) s[j] = map[codes[index[from + j]]];
        else for (let j = 0; j < len; j++) s[j] = map[codes[from + j]];
      }
      visit(word, s, from, len);
    }
  }
}

/**
 * Many possible keys: every record's key (kept or not) as mixed-radix words laid out by the
 * sizes of the source dictionaries, which stay as they are while the table does. A new spec
 * then costs one pass per column whose released values changed (adding what its new map
 * changes), not one per quasi-identifier. Kept in the Scratch between counts.
 */
class StoredKeys {
  private readonly maps: Int32Array[];
  private readonly word: number[] = [];
  private readonly mult: number[] = [];
  readonly words: Float64Array[];

  constructor(
    readonly codes: readonly Int32Array[],
    first: readonly CodedColumn[],
    records: number,
  ) {
    let space = 1;
    let w = -1;
    first.forEach((c) => {
      const size = Math.max(c.map.length, 1);
      if (w < 0 || space * size >= WORD_LIMIT) {
        w++;
        space = 1;
      }
      this.word.push(w);
      this.mult.push(space);
      space *= size;
    });
    this.words = Array.from({ length: Math.max(w + 1, 1) }, () => new Float64Array(records));
    this.maps = first.map((c) => new Int32Array(c.map.length));
    this.update(first);
  }

  /** Whether these keys are of the same columns, in the same order. */
  fits(qis: readonly CodedColumn[]): boolean {
    return qis.length === this.codes.length && qis.every((c, i) => c.codes === this.codes[i] && c.map.length === this.maps[i].length);
  }

  /** Brings the words to the released values of `qis`, column by column. */
  update(qis: readonly CodedColumn[]): void {
    qis.forEach((c, i) => {
      const old = this.maps[i];
      const mult = this.mult[i];
      const delta = new Float64Array(old.length);
      let changed = false;
      for (let k = 0; k < old.length; k++) {
        if (c.map[k] >= old.length) throw new Error('a released code must be below the number of source codes');
        if (c.map[k] !== old[k]) {
          delta[k] = (c.map[k] - old[k]) * mult;
          changed = true;
        }
      }
      if (!changed) return;
      const out = this.words[this.word[i]];
      const codes = c.codes;
      for (let r = 0; r < out.length; r++) out[r] += delta[codes[r]];
      old.set(c.map);
    });
  }
}

function gather(out: Float64Array, c: CodedColumn, mult: number, index: Int32Array | null, from: number, len: number): void {
  const { codes, map } = c;
  if (index) for (let j = 0; j < len; j++) out[j] += map[codes[index[from + j]]] * mult;
  else for (let j = 0; j < len; j++) out[j] += map[codes[from + j]] * mult;
}

/** Histogram being filled: classes and pure classes per size. */
class SizeTally {
  private readonly small = new Int32Array(4096 * 2);
  private readonly large = new Map<number, { classes: number; pure: number }>();

  add(size: number, pure: number): void {
    if (size < 4096) {
      this.small[size * 2]++;
      this.small[size * 2 + 1] += pure;
    } else {
      const e = this.large.get(size) ?? { classes: 0, pure: 0 };
      e.classes++;
      e.pure += pure;
      this.large.set(size, e);
    }
  }

  /** Classes 0 … count − 1 of these sizes; a class is pure when `mixed` says 0 (never without it). */
  addAll(sizes: Int32Array, mixed: Uint8Array | null, count: number): void {
    const small = this.small;
    for (let c = 0; c < count; c++) {
      const size = sizes[c];
      const pure = mixed !== null && mixed[c] === 0 ? 1 : 0;
      if (size < 4096) {
        small[size * 2]++;
        small[size * 2 + 1] += pure;
      } else this.add(size, pure);
    }
  }

  rows(): ClassSizeRow[] {
    const rows: ClassSizeRow[] = [];
    for (let size = 1; size < 4096; size++) {
      if (this.small[size * 2] > 0) rows.push({ size, classes: this.small[size * 2], pure: this.small[size * 2 + 1] });
    }
    for (const [size, e] of [...this.large].sort((x, y) => x[0] - y[0])) rows.push({ size, classes: e.classes, pure: e.pure });
    return rows;
  }
}

/** l-diversity gathered class by class: the fewest distinct values and the lowest entropy exponent. */
class DiversityTally {
  classes = 0;
  private distinct = Infinity;
  private h = Infinity;
  private readonly freq: Int32Array;
  private readonly seen: Int32Array;

  constructor(
    sensitiveSize: number,
    private readonly minSize: number,
  ) {
    this.freq = new Int32Array(sensitiveSize);
    this.seen = new Int32Array(sensitiveSize);
  }

  /** One class, whose records' sensitive codes are values[from … to − 1]. As scanDiversity: min m, min(log2 n − Σ f·log2 f / n). */
  add(values: Int32Array, from: number, to: number): void {
    const n = to - from;
    if (n === 0 || n < this.minSize) return;
    const { freq, seen } = this;
    let m = 0;
    for (let j = from; j < to; j++) {
      const v = values[j];
      if (freq[v]++ === 0) seen[m++] = v;
    }
    let sf = 0;
    for (let i = 0; i < m; i++) {
      const f = freq[seen[i]];
      sf += f * Math.log2(f);
      freq[seen[i]] = 0;
    }
    this.classes++;
    if (m < this.distinct) this.distinct = m;
    const h = Math.log2(n) - sf / n;
    if (h < this.h) this.h = h;
  }

  result(): Omit<ClassDiversity, 'attribute'> {
    if (this.classes === 0) return { classes: 0, distinct: null, entropy: null };
    return { classes: this.classes, distinct: this.distinct, entropy: 2 ** this.h };
  }
}

/** Records grouped by class id (a counting sort), then each class's sensitive codes handed to the tally. */
function tallyByClass(cls: Int32Array, s: Int32Array, n: number, classes: number, tally: DiversityTally, ends: Int32Array, grouped: Int32Array): void {
  ends.fill(0, 0, classes + 1);
  for (let j = 0; j < n; j++) ends[cls[j] + 1]++;
  for (let c = 0; c < classes; c++) ends[c + 1] += ends[c];
  for (let j = 0; j < n; j++) grouped[ends[cls[j]]++] = s[j];
  // ends[c] is now where class c ends; it begins where the one before ended.
  let from = 0;
  for (let c = 0; c < classes; c++) {
    tally.add(grouped, from, ends[c]);
    from = ends[c];
  }
}

/** Few possible keys: the key is the class id, and plain arrays count. */
function countDirect(keys: Keys, space: number, sensitive: boolean): ClassSizeRow[] {
  const sizes = new Int32Array(space);
  const first = new Int32Array(sensitive ? space : 0).fill(-1);
  const mixed = new Uint8Array(sensitive ? space : 0);
  keys.blocks((key, s, _from, len) => {
    if (!sensitive) {
      for (let j = 0; j < len; j++) sizes[key[j]]++;
      return;
    }
    for (let j = 0; j < len; j++) {
      const k = key[j];
      sizes[k]++;
      const v = s[j];
      const f = first[k];
      if (f < 0) first[k] = v;
      else if (f !== v) mixed[k] = 1;
    }
  });
  const tally = new SizeTally();
  for (let k = 0; k < space; k++) if (sizes[k] > 0) tally.add(sizes[k], sensitive && mixed[k] === 0 ? 1 : 0);
  return tally.rows();
}

function diversityDirect(keys: Keys, space: number, tally: DiversityTally): void {
  const cls = new Int32Array(keys.n);
  const s = new Int32Array(keys.n);
  keys.blocks((key, sb, from, len) => {
    for (let j = 0; j < len; j++) {
      cls[from + j] = key[j];
      s[from + j] = sb[j];
    }
  });
  tallyByClass(cls, s, keys.n, space, tally, new Int32Array(space + 1), new Int32Array(keys.n));
}

function hashWord(h: number, x: number): number {
  const lo = x >>> 0;
  const hi = (x / 4294967296) | 0;
  h = Math.imul(h ^ lo, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ hi, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The kept records' words, hashes and sensitive codes, scattered into hash partitions. */
interface Partitioned {
  parts: number;
  /** Partition q holds positions start[q] … start[q + 1] − 1. */
  start: Int32Array;
  /** Exactly two words per record (the second all 0 for one-word keys), which lets the hot loops be written out. */
  w0: Float64Array;
  w1: Float64Array;
  hash: Int32Array;
  s: Int32Array;
  largest: number;
}

/**
 * Radix partitioning, as DuckDB's own hash aggregate does it: one pass hashes the kept records
 * and counts the partitions, a second writes each one (words, hash, sensitive code) to its place.
 */
function partition(rel: CodedRelation, words: readonly Float64Array[], scratch: Scratch): Partitioned {
  if (words.length > 2) return partition(rel, fold(words), scratch);
  const keep = rel.keep;
  const records = rel.records;
  const { n } = keptIndex(rel);
  let bits = 0;
  while (bits < 16 && n >> bits > PARTITION_ROWS) bits++;
  const parts = 1 << bits;
  // h >>> 32 is h in JavaScript, so one partition needs its own shift of 31 and a mask.
  const shift = bits === 0 ? 31 : 32 - bits;
  const top = bits === 0 ? 0 : -1;
  const start = new Int32Array(parts + 1);
  const hash = scratch.int32(1, records);
  const W0 = words[0];
  const W1 = words.length > 1 ? words[1] : null;
  for (let i = 0; i < records; i++) {
    if (keep !== null && keep[i] === 0) continue;
    let h = hashWord(0x9e3779b9, W0[i]);
    if (W1 !== null) h = hashWord(h, W1[i]);
    hash[i] = h;
    start[((h >>> shift) & top) + 1]++;
  }
  for (let q = 0; q < parts; q++) start[q + 1] += start[q];
  let largest = 0;
  for (let q = 0; q < parts; q++) largest = Math.max(largest, start[q + 1] - start[q]);
  const at = start.slice(0, parts);
  const w0 = scratch.float64(0, n);
  const w1 = scratch.float64(1, n);
  const ph = scratch.int32(2, n);
  const sensitive = rel.sensitive;
  const ps = sensitive ? scratch.int32(0, n) : new Int32Array(0);
  const sCodes = sensitive ? sensitive.codes : null;
  const sMap = sensitive ? sensitive.map : null;
  for (let i = 0; i < records; i++) {
    if (keep !== null && keep[i] === 0) continue;
    const h = hash[i];
    const t = at[(h >>> shift) & top]++;
    ph[t] = h;
    w0[t] = W0[i];
    w1[t] = W1 === null ? 0 : W1[i];
    if (sMap !== null) ps[t] = sMap[sCodes![i]];
  }
  return { parts, start, w0, w1, hash: ph, s: ps, largest };
}

/**
 * Keys of more than two words (over 104 bits of source codes) folded to two: the first two
 * words are replaced by the dense id of their combination (an exact hash table), until two remain.
 */
function fold(words: readonly Float64Array[]): Float64Array[] {
  let out = [...words];
  while (out.length > 2) out = [denseIds(out[0], out[1]), ...out.slice(2)];
  return out;
}

function denseIds(a: Float64Array, b: Float64Array): Float64Array {
  const size = tableSize(a.length);
  const ids = new Float64Array(a.length);
  internPairs(a, b, null, ids, new Int32Array(size).fill(-1), new Float64Array(size * 2));
  return ids;
}

/** Slots of an open-addressing table for n keys: a power of two, at most half full. */
function tableSize(n: number): number {
  let size = 16;
  while (size < n * 2) size <<= 1;
  return size;
}

/**
 * Dense ids of the pairs (a[i], b[i]) (b all 0 when null) in order of first appearance, for the
 * records `keep` keeps (all when null; the others are left as they are in `ids`). `slotId`
 * (filled with −1) and `slotKey` (twice as long) are the table. Returns how many ids there are.
 */
function internPairs(a: Float64Array, b: Float64Array | null, keep: Uint8Array | null, ids: Int32Array | Float64Array, slotId: Int32Array, slotKey: Float64Array): number {
  const mask = slotId.length - 1;
  let next = 0;
  for (let i = 0; i < a.length; i++) {
    if (keep !== null && keep[i] === 0) continue;
    const x = a[i];
    const y = b === null ? 0 : b[i];
    let slot = hashWord(hashWord(0x9e3779b9, x), y) & mask;
    for (;;) {
      const id = slotId[slot];
      if (id < 0) {
        slotId[slot] = next;
        slotKey[slot * 2] = x;
        slotKey[slot * 2 + 1] = y;
        ids[i] = next++;
        break;
      }
      if (slotKey[slot * 2] === x && slotKey[slot * 2 + 1] === y) {
        ids[i] = id;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return next;
}

/**
 * Each partition through an open-addressing table small enough to stay in cache. Sizes and
 * purity always; with a diversity tally, each class's sensitive codes too.
 */
function countHashed(pt: Partitioned, sensitive: boolean, diversity: DiversityTally | null): ClassSizeRow[] {
  const { w0, w1, hash, s, start } = pt;
  let size = 16;
  while (size < pt.largest * 2) size <<= 1;
  const slotClass = new Int32Array(size);
  const slotKey = new Float64Array(size * 2);
  const sizes = new Int32Array(pt.largest);
  const first = new Int32Array(pt.largest);
  const mixed = new Uint8Array(pt.largest);
  const cls = new Int32Array(diversity ? pt.largest : 0);
  const ends = new Int32Array(diversity ? pt.largest + 1 : 0);
  const grouped = new Int32Array(diversity ? pt.largest : 0);
  const tally = new SizeTally();
  for (let q = 0; q < pt.parts; q++) {
    const from = start[q];
    const to = start[q + 1];
    let m = 16;
    while (m < (to - from) * 2) m <<= 1;
    const mask = m - 1;
    slotClass.fill(-1, 0, m);
    let classes = 0;
    for (let j = from; j < to; j++) {
      const a = w0[j];
      const b = w1[j];
      let slot = hash[j] & mask;
      for (;;) {
        const c = slotClass[slot];
        if (c < 0) {
          slotClass[slot] = classes;
          slotKey[slot * 2] = a;
          slotKey[slot * 2 + 1] = b;
          sizes[classes] = 1;
          mixed[classes] = 0;
          if (sensitive) first[classes] = s[j];
          if (diversity !== null) cls[j - from] = classes;
          classes++;
          break;
        }
        if (slotKey[slot * 2] === a && slotKey[slot * 2 + 1] === b) {
          sizes[c]++;
          if (sensitive && first[c] !== s[j]) mixed[c] = 1;
          if (diversity !== null) cls[j - from] = c;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    tally.addAll(sizes, sensitive ? mixed : null, classes);
    if (diversity !== null) tallyByClass(cls, s.subarray(from, to), to - from, classes, diversity, ends, grouped);
  }
  return tally.rows();
}

/**
 * Buffers of a million records or so, kept from one count to the next: allocating (and
 * zeroing) them anew each time costs as much as the count. Also keeps the stored keys.
 */
export class Scratch {
  private readonly f64: Float64Array[] = [];
  private readonly i32: Int32Array[] = [];
  private stored: StoredKeys | null = null;

  float64(slot: number, n: number): Float64Array {
    if (!(this.f64[slot]?.length >= n)) this.f64[slot] = new Float64Array(n);
    return this.f64[slot].subarray(0, n);
  }

  int32(slot: number, n: number): Int32Array {
    if (!(this.i32[slot]?.length >= n)) this.i32[slot] = new Int32Array(n);
    return this.i32[slot].subarray(0, n);
  }

  /** The stored keys of `rel`'s quasi-identifiers, brought up to date. */
  keys(rel: CodedRelation): StoredKeys {
    if (this.stored?.fits(rel.qis)) this.stored.update(rel.qis);
    else {
      this.stored = null;
      this.stored = new StoredKeys(
        rel.qis.map((c) => c.codes),
        rel.qis,
        rel.records,
      );
    }
    return this.stored;
  }
}

/**
 * The classes of `rel`. The result may read `scratch` until the next count that uses it; pass
 * one to reuse buffers (and keys) between counts of the same table.
 */
export function codedClasses(rel: CodedRelation, scratch: Scratch = new Scratch()): CodedClasses {
  const sensitive = rel.sensitive !== null;
  const tally = (minSize: number) => {
    if (!rel.sensitive) throw new Error('l-diversity needs a sensitive column');
    return new DiversityTally(rel.sensitive.size, minSize);
  };
  const space = releasedSpace(rel);
  if (space <= DIRECT_MAX) {
    const keys = new Keys(rel);
    return {
      rows: countDirect(keys, space, sensitive),
      diversity(minSize) {
        const t = tally(minSize);
        diversityDirect(keys, space, t);
        return t.result();
      },
    };
  }
  const pt = partition(rel, scratch.keys(rel).words, scratch);
  return {
    rows: countHashed(pt, sensitive, null),
    diversity(minSize) {
      const t = tally(minSize);
      countHashed(pt, sensitive, t);
      return t.result();
    },
  };
}

/** Scratch slots of classIdsOf, apart from those the class count uses (its ids outlive a count). */
const IDS_SLOT = 8;

/** Every kept record's class as a dense id, and each class's size. */
export interface ClassIds {
  /** Per record of the relation: its class, 0 … classes − 1; −1 for a record that is not kept. */
  ids: Int32Array;
  classes: number;
  /** Per class: its records. */
  sizes: Int32Array;
}

/**
 * The class of every kept record (records agree on every quasi-identifier's released code
 * exactly when they share an id), for the figures that need more than class sizes: recursive
 * l, t-closeness, individual risk. Ids are numbered in record order (a class's id is the order
 * of its first record), so they do not depend on hashing. Uses the stored keys and buffers of
 * `scratch`: the ids are valid until the next call with the same scratch.
 */
export function classIdsOf(rel: CodedRelation, scratch: Scratch = new Scratch()): ClassIds {
  const ids = scratch.int32(IDS_SLOT, rel.records).fill(-1);
  const keep = rel.keep;
  const sizesOf = (classes: number) => {
    const sizes = new Int32Array(classes);
    for (let i = 0; i < rel.records; i++) if (ids[i] >= 0) sizes[ids[i]]++;
    return sizes;
  };
  if (rel.qis.length === 0) {
    // No quasi-identifier: all kept records form one class, as in ARX.
    let any = 0;
    for (let i = 0; i < rel.records; i++) if (keep === null || keep[i] === 1) (ids[i] = 0), (any = 1);
    return { ids, classes: any, sizes: sizesOf(any) };
  }
  const words = fold(scratch.keys(rel).words);
  const size = tableSize(keptIndex(rel).n);
  const next = internPairs(words[0], words.length > 1 ? words[1] : null, keep, ids, scratch.int32(IDS_SLOT + 1, size).fill(-1), scratch.float64(IDS_SLOT, size * 2));
  return { ids, classes: next, sizes: sizesOf(next) };
}
