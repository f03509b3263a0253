import type { Combos } from './suda-dedupe.ts';

/** Code of a missing value in the encoded columns. */
export const MISSING = -1;

/** Cooperative scheduling: the search pauses now and then so a worker can hear "cancel". */
export interface SearchControl {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Longest stretch of work between pauses, in ms. Default 50. */
  sliceMs?: number;
}

/** The MSUs of every combo, as variable bit masks: combo c owns masks[offsets[c] … offsets[c+1]). */
export interface MsuSets {
  offsets: Int32Array;
  masks: Int32Array;
}

/**
 * All minimal sample uniques (MSUs) of at most `maxSize` variables.
 *
 * An MSU of a record is a set of variables on which no other record shares its values (a
 * record never matches on a variable where either value is missing, and sets containing a
 * variable the record has missing are not considered, as in sdcMicro's SUDA2) while every
 * proper subset is shared. Uniqueness only grows with the set, so a unique set is minimal iff
 * none of its subsets is unique.
 *
 * Search: depth-first partition refinement. A node is a set S of variables (in increasing
 * index order) and the block of combos that agree on S with one subject; its children refine
 * the block by one later variable. A child block holding a single record is a unique set whose
 * every prefix (in variable order) was shared: a "discovered" set. Blocks without any combo
 * seen once are dropped, as are deeper levels than maxSize. Every MSU is discovered (its
 * prefixes are shared), and a discovered set is an MSU iff no other set discovered for the
 * same record is a proper subset of it: if some subset T were unique, the shortest unique
 * prefix of T would itself have been discovered. The search works in place on one index
 * buffer: grouping a block permutes only that block's slice, which its parent no longer reads.
 */
export async function findMsus(combos: Combos, variables: number, maxSize: number, ctl: SearchControl = {}): Promise<MsuSets> {
  const { count: d, values, mult } = combos;
  const m = variables;
  const depthMax = Math.min(maxSize, m);
  let maxCode = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > maxCode) maxCode = values[i];

  const buf = new Int32Array(d);
  for (let i = 0; i < d; i++) buf[i] = i;
  const tmp = new Int32Array(d);
  const cnt = new Int32Array(maxCode + 1);
  const off = new Int32Array(maxCode + 1);
  const touched = new Int32Array(maxCode + 1);

  // Per depth: the node's slice, its set, the variable being grouped and its groups.
  const segStart = new Int32Array(depthMax + 1);
  const segEnd = new Int32Array(depthMax + 1);
  const setMask = new Int32Array(depthMax + 1);
  const nextVar = new Int32Array(depthMax + 1);
  const curVar = new Int32Array(depthMax + 1);
  const gCount = new Int32Array(depthMax + 1);
  const gIdx = new Int32Array(depthMax + 1);
  const gStart: Int32Array[] = [];
  const gEnd: Int32Array[] = [];
  for (let k = 0; k <= depthMax; k++) {
    gStart.push(new Int32Array(maxCode + 1));
    gEnd.push(new Int32Array(maxCode + 1));
  }

  let foundCombo = new Int32Array(1024);
  let foundMask = new Int32Array(1024);
  let found = 0;
  const discover = (combo: number, mask: number) => {
    if (found === foundCombo.length) {
      const a = new Int32Array(found * 2);
      a.set(foundCombo);
      foundCombo = a;
      const b = new Int32Array(found * 2);
      b.set(foundMask);
      foundMask = b;
    }
    foundCombo[found] = combo;
    foundMask[found++] = mask;
  };

  /** Sort buf[s, e) by variable j into groups; combos missing on j go to the end, in no group. */
  const group = (depth: number, j: number) => {
    const s = segStart[depth];
    const e = segEnd[depth];
    let nt = 0;
    let missing = 0;
    for (let i = s; i < e; i++) {
      const v = values[buf[i] * m + j];
      if (v === MISSING) missing++;
      else if (cnt[v]++ === 0) touched[nt++] = v;
    }
    let pos = s;
    const gs = gStart[depth];
    const ge = gEnd[depth];
    for (let t = 0; t < nt; t++) {
      const v = touched[t];
      off[v] = pos;
      gs[t] = pos;
      pos += cnt[v];
      ge[t] = pos;
      cnt[v] = 0;
    }
    let mpos = pos;
    for (let i = s; i < e; i++) {
      const c = buf[i];
      const v = values[c * m + j];
      if (v === MISSING) tmp[mpos++] = c;
      else tmp[off[v]++] = c;
    }
    buf.set(tmp.subarray(s, e), s);
    gCount[depth] = nt;
    gIdx[depth] = 0;
    work += (e - s) + missing;
  };

  // Progress: the share of variable subsets behind the current position (later variables
  // head fewer subsets), refined level by level.
  let lastProgress = 0;
  const progress = (depth: number): number => {
    let frac = 0;
    let scale = 1;
    for (let k = 0; k <= depth; k++) {
      const v0 = k === 0 ? 0 : curVar[k - 1] + 1;
      const j = curVar[k];
      const total = 2 ** (m - v0) - 1;
      if (total <= 0 || gCount[k] === 0) break;
      frac += (scale * (2 ** (m - v0) - 2 ** (m - j))) / total;
      const varScale = (scale * 2 ** (m - 1 - j)) / total;
      const done = Math.max(0, gIdx[k] - 1);
      frac += (varScale * done) / gCount[k];
      scale = varScale / gCount[k];
    }
    return Math.min(1, Math.max(lastProgress, frac));
  };

  const sliceMs = ctl.sliceMs ?? 50;
  let work = 0;
  let sliceStart = performance.now();
  const pause = async (depth: number) => {
    work = 0;
    if (performance.now() - sliceStart < sliceMs) return;
    await new Promise((r) => setTimeout(r, 0));
    ctl.signal?.throwIfAborted();
    lastProgress = progress(depth);
    ctl.onProgress?.(lastProgress);
    sliceStart = performance.now();
  };

  ctl.signal?.throwIfAborted();
  let depth = 0;
  if (depthMax > 0 && d > 0) {
    segStart[0] = 0;
    segEnd[0] = d;
    setMask[0] = 0;
    nextVar[0] = 0;
    gCount[0] = 0;
    gIdx[0] = 0;
  } else depth = -1;

  while (depth >= 0) {
    if (work > 1 << 12) await pause(depth);
    if (gIdx[depth] < gCount[depth]) {
      const g = gIdx[depth]++;
      const s = gStart[depth][g];
      const e = gEnd[depth][g];
      const j = curVar[depth];
      if (e - s === 1) {
        if (mult[buf[s]] === 1) discover(buf[s], setMask[depth] | (1 << j));
        continue;
      }
      if (depth + 1 >= depthMax || j + 1 >= m) continue;
      let subject = false;
      for (let i = s; i < e && !subject; i++) subject = mult[buf[i]] === 1;
      work += e - s;
      if (!subject) continue;
      depth++;
      segStart[depth] = s;
      segEnd[depth] = e;
      setMask[depth] = setMask[depth - 1] | (1 << j);
      nextVar[depth] = j + 1;
      gCount[depth] = 0;
      gIdx[depth] = 0;
      continue;
    }
    const j = nextVar[depth];
    if (j >= m) {
      depth--;
      continue;
    }
    nextVar[depth] = j + 1;
    curVar[depth] = j;
    group(depth, j);
  }

  const sets = minimalSets(d, foundCombo.subarray(0, found), foundMask.subarray(0, found));
  ctl.onProgress?.(1);
  return sets;
}

/** Per combo, keep the discovered sets none of whose proper subsets was discovered too. */
function minimalSets(combos: number, combo: Int32Array, mask: Int32Array): MsuSets {
  const start = new Int32Array(combos + 1);
  for (let i = 0; i < combo.length; i++) start[combo[i] + 1]++;
  for (let c = 0; c < combos; c++) start[c + 1] += start[c];
  const byCombo = new Int32Array(combo.length);
  const fill = start.slice(0, combos);
  for (let i = 0; i < combo.length; i++) byCombo[fill[combo[i]]++] = mask[i];

  const offsets = new Int32Array(combos + 1);
  const out = new Int32Array(combo.length);
  let n = 0;
  for (let c = 0; c < combos; c++) {
    offsets[c] = n;
    const a = start[c];
    const b = start[c + 1];
    if (b - a === 1) {
      out[n++] = byCombo[a];
      continue;
    }
    // Few sets per record: insertion sort by size, then keep those with no kept subset.
    for (let i = a + 1; i < b; i++) {
      const x = byCombo[i];
      const px = popcount(x);
      let k = i - 1;
      while (k >= a && popcount(byCombo[k]) > px) {
        byCombo[k + 1] = byCombo[k];
        k--;
      }
      byCombo[k + 1] = x;
    }
    const first = n;
    for (let i = a; i < b; i++) {
      const s = byCombo[i];
      let minimal = true;
      for (let k = first; k < n && minimal; k++) minimal = (out[k] & s) !== out[k];
      if (minimal) out[n++] = s;
    }
  }
  offsets[combos] = n;
  return { offsets, masks: out.subarray(0, n) };
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
