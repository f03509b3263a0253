import fc from 'fast-check';
import { classIdsOf, type ClassIds, type CodedColumn, type CodedRelation } from '../../../src/core/risk/class-engine.ts';
import type { SqlEngine, SqlValue } from '../../../src/core/engine.ts';
import { ident, literal } from '../../../src/core/sql/quote.ts';

/**
 * A random small release as codes, and the same release as rows for the SQL measurements.
 * Each column has source codes 0 … sources − 1 per record and a map onto released codes;
 * each released code has a label (the released value), one of them possibly NULL.
 */
export interface Case {
  rel: CodedRelation;
  ids: ClassIds;
  released: Uint8Array;
  /** Released value per released code, per QI. */
  qiLabels: SqlValue[][];
  sensitiveLabels: SqlValue[];
  sensitiveType: 'DOUBLE' | 'VARCHAR';
  weights: Float64Array;
  recursiveC: number | undefined;
  threshold: number;
  ks: number[];
}

const NUMBERS = [-2.5, 0, 1, 1.5, 2, 3.25, 10, 100, 1e6, 0.1];
const TEXTS = ['a', 'b', 'B', 'ä', '10', '9', '', 'あ', 'ア', 'a b'];
const WEIGHTS = [1, 1, 1, 0.5, 1.5, 2, 0.25, 3, 1.1, 0.9, 7.3, 12];

/** A column of `records` records: its map merges source codes onto every released code (a random surjection). */
function column(records: number, pool: readonly SqlValue[], maxSources: number) {
  return fc
    .record({
      sources: fc.oneof({ arbitrary: fc.integer({ min: 2, max: maxSources }), weight: 4 }, { arbitrary: fc.constant(1), weight: 1 }),
      withNull: fc.constantFrom(false, true, true),
    })
    .chain(({ sources, withNull }) =>
      fc.record({
        // One released value is rare, and never NULL alone when there are more: a column of NULLs only would hide the wildcard rules.
        size: withNull
          ? fc.integer({ min: Math.min(2, sources), max: sources })
          : fc.oneof({ arbitrary: fc.integer({ min: Math.min(2, sources), max: sources }), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: sources }), weight: 1 }),
        codes: fc.array(fc.nat({ max: sources - 1 }), { minLength: records, maxLength: records }),
        order: fc.shuffledSubarray([...Array(sources).keys()], { minLength: sources, maxLength: sources }),
        extra: fc.array(fc.nat(), { minLength: sources, maxLength: sources }),
        labels: fc.shuffledSubarray([...pool], { minLength: Math.min(sources, pool.length), maxLength: Math.min(sources, pool.length) }),
        nullAt: fc.nat(),
        withNull: fc.constant(withNull),
      }),
    )
    .map(({ size, codes, order, extra, labels, nullAt, withNull }) => {
      const map = new Int32Array(order.length);
      // The first `size` source codes (shuffled) take the released codes 0 … size − 1; the rest join any of them.
      order.forEach((src, i) => (map[src] = i < size ? i : extra[i] % size));
      const values: SqlValue[] = labels.slice(0, size);
      const nullCode = withNull ? nullAt % size : -1;
      if (nullCode >= 0) values[nullCode] = null;
      const col: CodedColumn = { codes: Int32Array.from(codes), map, size, nullCode };
      return { col, values };
    });
}

export const caseArb: fc.Arbitrary<Omit<Case, 'ids' | 'released'> & { releasedDraw: number[] }> = fc
  .record({
    records: fc.oneof({ arbitrary: fc.integer({ min: 10, max: 50 }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 10 }), weight: 1 }),
    qis: fc.integer({ min: 0, max: 3 }),
    text: fc.boolean(),
  })
  .chain(({ records, qis, text }) =>
    fc.record({
      records: fc.constant(records),
      qis: fc.array(column(records, [0, 1, 2, 3, 4, 5, 6, 7], 4), { minLength: qis, maxLength: qis }),
      sensitive: column(records, text ? TEXTS : NUMBERS, 8),
      text: fc.constant(text),
      keep: fc.option(fc.array(fc.constantFrom(0, 1, 1, 1), { minLength: records, maxLength: records }), { nil: null }),
      weights: fc.array(fc.constantFrom(...WEIGHTS), { minLength: records, maxLength: records }),
      releasedDraw: fc.array(fc.constantFrom(0, 1, 1, 1), { minLength: records, maxLength: records }),
      recursiveC: fc.constantFrom(undefined, 0.3, 0.5, 1, 1.5, 2, 3, 10 / 3),
      threshold: fc.constantFrom(0, 0.05, 0.1, 0.2, 0.5, 1),
      ks: fc.subarray([1, 2, 3, 5, 10]),
    }),
  )
  .map((d) => ({
    rel: {
      records: d.records,
      keep: d.keep === null ? null : Uint8Array.from(d.keep),
      qis: d.qis.map((q) => q.col),
      sensitive: d.sensitive.col,
    },
    qiLabels: d.qis.map((q) => q.values),
    sensitiveLabels: d.sensitive.values,
    sensitiveType: d.text ? ('VARCHAR' as const) : ('DOUBLE' as const),
    weights: Float64Array.from(d.weights),
    recursiveC: d.recursiveC,
    threshold: d.threshold,
    ks: d.ks,
    releasedDraw: d.releasedDraw,
  }));

/** Class ids, and which classes are released (drawn per class from the first draws). */
export function complete(d: Omit<Case, 'ids' | 'released'> & { releasedDraw: number[] }): Case {
  const ids = classIdsOf(d.rel);
  const released = new Uint8Array(ids.classes);
  for (let c = 0; c < ids.classes; c++) released[c] = d.releasedDraw[c];
  return { ...d, ids, released };
}

export const QI_NAMES = ['年齢', 'q1', 's', 'f'];
export const S = '病名';
export const W = 'w';
export const SUP = 'sup';

/**
 * The kept records as a table `t` (released values, the weight, `sup` for records of suppressed
 * classes) and the view `kept` of the released records; returns the sensitive value's rank per
 * released code, as DuckDB orders the values (dense_rank over ORDER BY v NULLS LAST).
 */
export async function load(engine: SqlEngine, c: Case, weightNull = false): Promise<Int32Array> {
  const { rel, ids } = c;
  const qn = rel.qis.map((_, i) => QI_NAMES[i]);
  const type = (labels: SqlValue[]) => (labels.some((v) => typeof v === 'string') ? 'VARCHAR' : labels.every((v) => v === null || Number.isInteger(v)) ? 'INTEGER' : 'DOUBLE');
  const cols = [...qn.map((n, i) => `${ident(n)} ${type(c.qiLabels[i])}`), `${ident(S)} ${c.sensitiveType}`, `${ident(W)} DOUBLE`, `${ident(SUP)} BOOLEAN`];
  await engine.exec(`CREATE OR REPLACE TABLE t (${cols.join(', ')})`);
  const rows: string[] = [];
  for (let r = 0; r < rel.records; r++) {
    if (ids.ids[r] < 0) continue;
    const v: SqlValue[] = rel.qis.map((q, i) => c.qiLabels[i][q.map[q.codes[r]]]);
    const s = rel.sensitive!;
    v.push(c.sensitiveLabels[s.map[s.codes[r]]]);
    v.push(weightNull && Number.isNaN(c.weights[r]) ? null : c.weights[r]);
    v.push(!c.released[ids.ids[r]]);
    rows.push(`(${v.map((x) => literal(x as string | number | boolean | null)).join(', ')})`);
  }
  if (rows.length) await engine.exec(`INSERT INTO t VALUES ${rows.join(', ')}`);
  await engine.exec(`CREATE OR REPLACE VIEW kept AS SELECT * FROM t WHERE NOT ${ident(SUP)}`);

  const labels = c.sensitiveLabels.map((v, code) => `(${code}, CAST(${literal(v as string | number | null)} AS ${c.sensitiveType}))`);
  const ranks = await engine.rows(`SELECT code, dense_rank() OVER (ORDER BY v NULLS LAST) - 1 AS r FROM (VALUES ${labels.join(', ')}) l(code, v)`);
  const rank = new Int32Array(c.sensitiveLabels.length);
  for (const x of ranks) rank[Number(x.code)] = Number(x.r);
  return rank;
}

export function qiNames(c: Case): string[] {
  return c.rel.qis.map((_, i) => QI_NAMES[i]);
}

/** Relative tolerance 1e-12 (so 0 must be exactly 0). */
export function close(got: number | null, want: number | null): boolean {
  if (got === null || want === null) return got === want;
  return Math.abs(got - want) <= 1e-12 * Math.abs(want);
}

/** A column as codes from its values: each distinct value its own code (identity map), NULL included. */
function coded(values: readonly SqlValue[]): { col: CodedColumn; labels: SqlValue[] } {
  const labels: SqlValue[] = [];
  const at = new Map<SqlValue, number>();
  const codes = Int32Array.from(values, (v) => {
    let code = at.get(v);
    if (code === undefined) at.set(v, (code = labels.push(v) - 1));
    return code;
  });
  const map = Int32Array.from(labels, (_, i) => i);
  return { col: { codes, map, size: labels.length, nullCode: labels.indexOf(null) }, labels };
}

/** A case from plain rows (all kept); `suppressed(r)` marks the classes of the records it picks as suppressed. */
export function fromRows(
  rows: { q: SqlValue[]; s: SqlValue; w?: number }[],
  opts: { text?: boolean; suppressed?: (r: number) => boolean; recursiveC?: number; threshold?: number; ks?: number[] } = {},
): Case {
  const K = rows[0]?.q.length ?? 0;
  const qis = Array.from({ length: K }, (_, i) => coded(rows.map((r) => r.q[i])));
  const s = coded(rows.map((r) => r.s));
  const rel: CodedRelation = { records: rows.length, keep: null, qis: qis.map((q) => q.col), sensitive: s.col };
  const ids = classIdsOf(rel);
  const released = new Uint8Array(ids.classes).fill(1);
  rows.forEach((_, r) => {
    if (opts.suppressed?.(r)) released[ids.ids[r]] = 0;
  });
  return {
    rel,
    ids,
    released,
    qiLabels: qis.map((q) => q.labels),
    sensitiveLabels: s.labels,
    sensitiveType: opts.text ? 'VARCHAR' : 'DOUBLE',
    weights: Float64Array.from(rows, (r) => r.w ?? 1),
    recursiveC: opts.recursiveC,
    threshold: opts.threshold ?? 0.1,
    ks: opts.ks ?? [2, 3, 5],
  };
}
