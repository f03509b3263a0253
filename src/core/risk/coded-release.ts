import type { Expr, Join, Select } from '../compile/ast.ts';
import { col } from '../compile/ast.ts';
import { selectSql } from '../compile/codegen.ts';
import type { CompiledSpec } from '../compile/types.ts';
import type { SqlEngine } from '../engine.ts';
import { codedClasses, type CodedColumn, type CodedRelation } from './class-engine.ts';
import { diversityFromScan, type ClassDiversity, type ClassScan } from './class-scan.ts';
import { CODE, remember, type EncodedColumn, type SourceCodes } from './source-codes.ts';

/**
 * The release of a compiled spec as codes, without running the view over every record: each
 * measured column's expression and each record filter depends on one source column only, so it
 * is evaluated once per distinct value, on that column's dictionary (source-codes.ts), by the
 * very SQL the view would run. Labels thus stay exactly the view's, and per record only the
 * codes remain. A spec whose expressions read several columns (a date shift reads the subject)
 * gets null, and the caller measures the view itself.
 */

/** What an expression reads: source columns (of alias `s`) and the joins it goes through. */
interface Reads {
  columns: Set<string>;
  joins: Set<string>;
  /** A subquery is read (the exclusion list's EXISTS). */
  subquery: boolean;
}

/** Fills `reads`; false when the expression refers to something that is neither the source nor one of `joins`. */
function collect(e: Expr, source: string, joins: readonly Join[], reads: Reads, local: ReadonlySet<string> = new Set()): boolean {
  switch (e.t) {
    case 'col': {
      if (local.has(e.rel)) return true;
      if (e.rel === source) return reads.columns.add(e.name), true;
      const j = joins.find((x) => x.as === e.rel);
      if (!j) return false;
      if (reads.joins.has(j.as)) return true;
      reads.joins.add(j.as);
      return collect(j.on, source, joins, reads, local);
    }
    case 'lit':
    case 'date':
    case 'star':
      return true;
    case 'fn':
      return e.args.every((a) => collect(a, source, joins, reads, local));
    case 'cast':
    case 'not':
    case 'isNull':
      return collect(e.expr, source, joins, reads, local);
    case 'bin':
      return collect(e.left, source, joins, reads, local) && collect(e.right, source, joins, reads, local);
    case 'case':
      return e.whens.every(([w, t]) => collect(w, source, joins, reads, local) && collect(t, source, joins, reads, local)) && (e.else === null || collect(e.else, source, joins, reads, local));
    case 'in':
      return collect(e.expr, source, joins, reads, local) && e.list.every((x) => collect(x, source, joins, reads, local));
    case 'exists': {
      reads.subquery = true;
      const q: Select = e.query;
      const inner = new Set([...local, q.from.as, ...q.joins.map((j) => j.as)]);
      const parts = [...q.columns.map((c) => c.expr), ...q.where, ...q.joins.map((j) => j.on), ...(q.orderBy ?? [])];
      return parts.every((p) => collect(p, source, joins, reads, inner));
    }
  }
}

/**
 * The one source column `e` depends on, the joins it needs, and whether it reads nothing but that
 * column (no join, no subquery); null when it depends on more than one column (or on something unknown).
 */
function oneColumn(e: Expr, select: Select, fallback?: string): { column: string; joins: Join[]; own: boolean } | null {
  const reads: Reads = { columns: new Set(), joins: new Set(), subquery: false };
  if (!collect(e, select.from.as, select.joins, reads)) return null;
  const columns = [...reads.columns];
  const column = columns.length === 1 ? columns[0] : columns.length === 0 ? fallback : undefined;
  if (column === undefined) return null;
  return { column, joins: select.joins.filter((j) => reads.joins.has(j.as)), own: reads.joins.size === 0 && !reads.subquery };
}

/** Dictionary code and released value of every distinct source value, by the view's own expression. */
function releasedSql(select: Select, source: EncodedColumn, expr: Expr, joins: Join[]): string {
  const s = select.from.as;
  return selectSql({ columns: [{ expr: col(s, CODE), as: 'code' }, { expr, as: 'v' }], from: { table: source.dict, as: s }, joins, where: [] });
}

/** Dictionary code and whether a record filter keeps records of that value. */
function filterSql(select: Select, source: EncodedColumn, where: Expr): string {
  const s = select.from.as;
  return selectSql({ columns: [{ expr: col(s, CODE), as: 'code' }, { expr: where, as: 'keep' }], from: { table: source.dict, as: s }, joins: [], where: [] });
}

interface Released {
  map: Int32Array;
  size: number;
  /** The released code of NULL; −1 when no source value is released as NULL. */
  nullCode: number;
}

/**
 * "c,c;Nc;…" (the codes of each released value, one group per value; N marks the group of
 * NULL) → per code, its group. Null when a code is missing or repeated: a join that matched a
 * value twice would repeat records in the view, so such a spec is left to the view.
 */
function parseGroups(text: string, size: number): Released | null {
  const map = new Int32Array(size).fill(-1);
  if (size === 0) return { map, size: 0, nullCode: -1 };
  let group = 0;
  let v = 0;
  let assigned = 0;
  let nullCode = -1;
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : 59;
    if (ch >= 48 && ch <= 57) {
      v = v * 10 + (ch - 48);
      continue;
    }
    if (ch === 78) {
      nullCode = group;
      continue;
    }
    if (v >= size || map[v] !== -1) return null;
    map[v] = group;
    assigned++;
    v = 0;
    if (ch === 59) group++;
  }
  return assigned === size ? { map, size: group, nullCode } : null;
}

/**
 * Per item, its result from one query (GROUP BY on the released values, as the class scan groups
 * them; or the codes a filter removes): every item not known yet goes into the same round trip.
 */
async function batch<T>(
  engine: SqlEngine,
  items: { sql: string; source: EncodedColumn; cacheable: boolean }[],
  part: (sql: string, i: number) => string,
  parse: (text: string, source: EncodedColumn) => T | null,
): Promise<(T | null)[]> {
  const out: (T | null)[] = items.map((it) => (it.cacheable ? ((it.source.derived.get(it.sql) as T | undefined) ?? null) : null));
  const todo = items.map((it, i) => i).filter((i) => out[i] === null);
  if (todo.length === 0) return out;
  const rows = await engine.rows(`SELECT i, string_agg(g, ';') AS g FROM (${todo.map((i) => part(items[i].sql, i)).join(' UNION ALL ')}) GROUP BY i`);
  const text = new Map(rows.map((r) => [Number(r.i), String(r.g ?? '')]));
  for (const i of todo) {
    const it = items[i];
    const value = parse(text.get(i) ?? '', it.source);
    out[i] = value !== null && it.cacheable ? remember(it.source, it.sql, value) : value;
  }
  return out;
}

/**
 * `compiled`'s release of `qis` and `sensitive` as a coded relation, or null when it cannot be
 * had from per-column dictionaries. The auxiliary tables of the compiled view (hierarchy tables,
 * pseudonym maps, the exclusion list) must exist, as they do while applySpec's view lives.
 */
export async function codedRelease(
  engine: SqlEngine,
  codes: SourceCodes,
  compiled: CompiledSpec,
  qis: readonly string[],
  sensitive: string | null,
  encodeLimit = Infinity,
  extra: readonly string[] = [],
): Promise<CodedRelation | null> {
  const select = compiled.select;
  const measured = [...qis, ...(sensitive === null ? [] : [sensitive]), ...extra];
  const columns: { name: string; expr: Expr; column: string; joins: Join[]; own: boolean }[] = [];
  for (const name of measured) {
    const out = select.columns.find((c) => c.as === name);
    const one = out && oneColumn(out.expr, select, name);
    if (!out || !one) return null;
    columns.push({ name, expr: out.expr, ...one });
  }
  const filters: { where: Expr; column: string; own: boolean }[] = [];
  for (const where of select.where) {
    const one = oneColumn(where, select);
    if (!one || one.joins.length > 0) return null;
    filters.push({ where, column: one.column, own: one.own });
  }
  const needed = [...new Set([...columns.map((c) => c.column), ...filters.map((f) => f.column)])];
  if (needed.includes(CODE)) return null;
  const encoded = await codes.columns(engine, select.from.table, needed, encodeLimit);
  if (!encoded) return null;
  const source = (column: string) => encoded.columns.get(column)!;

  const released = await batch(
    engine,
    columns.map((c) => ({ sql: releasedSql(select, source(c.column), c.expr, c.joins), source: source(c.column), cacheable: c.own })),
    (sql, i) => `SELECT ${i} AS i, (CASE WHEN v IS NULL THEN 'N' ELSE '' END) || array_to_string(list(code), ',') AS g FROM (${sql}) GROUP BY v`,
    (text, src) => parseGroups(text, src.size),
  );
  if (released.some((r) => r === null)) return null;
  const removed = await batch(
    engine,
    filters.map((f) => ({ sql: filterSql(select, source(f.column), f.where), source: source(f.column), cacheable: f.own })),
    (sql, i) => `SELECT ${i} AS i, CAST(code AS VARCHAR) AS g FROM (${sql}) WHERE keep IS NOT TRUE`,
    (text, src) => {
      const flags = new Uint8Array(src.size);
      for (const c of text.split(';')) if (c !== '') flags[Number(c)] = 1;
      return flags;
    },
  );
  let keep: Uint8Array | null = null;
  filters.forEach((f, i) => {
    const flags = removed[i]!;
    if (!flags.includes(1)) return;
    keep ??= new Uint8Array(encoded.records).fill(1);
    const rowCodes = source(f.column).codes;
    for (let r = 0; r < rowCodes.length; r++) if (flags[rowCodes[r]]) keep[r] = 0;
  });
  const coded: CodedColumn[] = columns.map((c, i) => ({ codes: source(c.column).codes, map: released[i]!.map, size: released[i]!.size, nullCode: released[i]!.nullCode }));
  return {
    records: encoded.records,
    names: measured,
    keep,
    qis: coded.slice(0, qis.length),
    sensitive: sensitive === null ? null : coded[qis.length],
    extra: coded.slice(qis.length + (sensitive === null ? 0 : 1)),
  };
}

/** What the released codes of one column stand for, read off its dictionary by the view's own expression. */
export interface ReleasedLabels {
  /** Per released code: the value as CAST(v AS VARCHAR) gives it; null for NULL. */
  text: (string | null)[];
  /** Per released code: CAST(v AS DOUBLE), when asked for (numeric columns); NaN for NULL. */
  number: Float64Array | null;
  /** Per released code: its place in ORDER BY v NULLS LAST (0-based), DuckDB's own order of the released type. */
  rank: Int32Array;
  /** Released code of NULL, or −1 when no record is released as NULL. */
  nullCode: number;
}

/**
 * Labels of released codes, in the numbering of codedRelease (a released value's code is that of
 * the group holding its smallest source code). `columns` must be columns codedRelease measured
 * with the same `relation` (its maps number the groups).
 */
export async function releasedLabels(
  engine: SqlEngine,
  codes: SourceCodes,
  compiled: CompiledSpec,
  relation: CodedRelation,
  columns: readonly { name: string; numeric: boolean }[],
): Promise<Map<string, ReleasedLabels> | null> {
  const select = compiled.select;
  const out = new Map<string, ReleasedLabels>();
  const reads = columns.map(({ name }) => {
    const expr = select.columns.find((c) => c.as === name)?.expr;
    const one = expr && oneColumn(expr, select, name);
    return expr && one ? { expr, one } : null;
  });
  if (reads.some((r) => r === null)) return null;
  // One look at the catalog for all of them (it costs a few milliseconds per call in the browser).
  const encoded = await codes.columns(engine, select.from.table, [...new Set(reads.map((r) => r!.one.column))]);
  if (!encoded) return null;
  for (const [i, { name, numeric }] of columns.entries()) {
    const { expr, one } = reads[i]!;
    const source = encoded.columns.get(one.column);
    if (!source) return null;
    const sql = releasedSql(select, source, expr, one.joins);
    const key = `labels${numeric ? ':n' : ''}:${sql}`;
    const at = codedColumnOf(relation, name);
    if (!at) return null;
    // Released codes are numbered by the map codedRelease read (groups come back in any order), so
    // labels are kept with the map they were numbered by: a map read again (after the cache let
    // it go) may number the groups otherwise, and then the labels are read again too.
    const kept = one.own ? (source.derived.get(key) as { map: Int32Array; labels: ReleasedLabels } | undefined) : undefined;
    let labels = kept?.map === at.map ? kept.labels : undefined;
    if (!labels) {
      const rows = await engine.rows(
        `SELECT min(code) AS c, CAST(v AS VARCHAR) AS t, ${numeric ? 'CAST(v AS DOUBLE)' : 'NULL'} AS x, ` +
          `dense_rank() OVER (ORDER BY v NULLS LAST) - 1 AS r FROM (${sql}) GROUP BY v`,
      );
      const size = rows.length;
      labels = { text: new Array<string | null>(size).fill(null), number: numeric ? new Float64Array(size).fill(NaN) : null, rank: new Int32Array(size), nullCode: -1 };
      for (const r of rows) {
        const code = at.map[Number(r.c)];
        if (code === undefined || code < 0 || code >= size) return null;
        labels.text[code] = r.t === null ? null : String(r.t);
        if (labels.number && r.x !== null) labels.number[code] = Number(r.x);
        labels.rank[code] = Number(r.r);
        if (r.t === null) labels.nullCode = code;
      }
      if (one.own) remember(source, key, { map: at.map, labels });
    }
    out.set(name, labels);
  }
  return out;
}

/** The coded column of `relation` that `name` was measured as (quasi-identifiers, then the sensitive column). */
function codedColumnOf(relation: CodedRelation, name: string): CodedColumn | null {
  const i = relation.names?.indexOf(name) ?? -1;
  if (i < 0) return null;
  const all = [...relation.qis, ...(relation.sensitive ? [relation.sensitive] : []), ...(relation.extra ?? [])];
  return all[i] ?? null;
}

/** A class scan counted from codes, and l-diversity read from the same classes (see class-scan.ts for the meaning). */
export interface CodedScan {
  scan: ClassScan;
  diversity(minSize: number): ClassDiversity | null;
}

/** codedRelease, then the classes counted in JavaScript; null when the view has to be scanned instead. */
export async function codedScan(
  engine: SqlEngine,
  codes: SourceCodes,
  compiled: CompiledSpec,
  qis: readonly string[],
  sensitive: string | null,
  encodeLimit = Infinity,
): Promise<CodedScan | null> {
  const relation = await codedRelease(engine, codes, compiled, qis, sensitive, encodeLimit);
  if (!relation) return null;
  const counted = codedClasses(relation, codes.scratch);
  const scan: ClassScan = { rows: counted.rows, sensitive };
  return {
    scan,
    diversity(minSize) {
      const known = diversityFromScan(scan, minSize);
      return known !== undefined ? known : { attribute: sensitive!, ...counted.diversity(minSize) };
    },
  };
}
