import type { SqlEngine } from '../engine.ts';
import { ident, num, str } from '../sql/quote.ts';
import { Scratch } from './class-engine.ts';

/** The code column of a dictionary table (the other column has the source column's own name). */
export const CODE = '__tokumei_code';
const ROWS = '__tokumei_rows';
/** Names of the dictionary tables, which outlive a measurement (everything else a measurement creates is dropped). */
export const DICTIONARY_PREFIX = '__tokumei_dict_';
/** Results kept per column (one per transform chain tried, e.g. per generalization level). */
const DERIVED_PER_COLUMN = 16;

/** One source column, dictionary-encoded once per table. */
export interface EncodedColumn {
  name: string;
  /**
   * Temp table of the column's distinct values (NULL included) under the column's own name,
   * each with its code in column CODE, 0 … size − 1.
   */
  dict: string;
  size: number;
  /** Per record (by rowid): the code of its value. */
  codes: Int32Array;
  /**
   * What was computed from the dictionary alone, by the SQL that computed it (which names the
   * dictionary): moving back to a level seen before costs nothing. Only SQL that reads nothing
   * but the dictionary may be a key, so the same key always means the same answer.
   */
  derived: Map<string, unknown>;
}

interface Entry {
  table: string;
  oid: number;
  records: number;
  columns: Map<string, EncodedColumn>;
}

export interface EncodedTable {
  records: number;
  columns: ReadonlyMap<string, EncodedColumn>;
}

let seq = 0;

/**
 * Per-record dictionary codes of a table's columns, kept between risk measurements: the spec
 * changes levels, not the source, so each column is read in full once and every later
 * measurement only works on the small dictionaries (see coded-release.ts). Holds one table at a
 * time. A table is recognised by its catalog oid and size, which change when it is replaced
 * (the workbench replaces tables, by CREATE OR REPLACE or a rename; it never updates or deletes
 * rows in place, which would keep both). The dictionaries are TEMP tables, dropped by `clear`.
 */
export class SourceCodes {
  /** Buffers and stored keys for counting the classes of this table (codedClasses). */
  scratch = new Scratch();

  /**
   * @param maxRecords Larger tables are not encoded (the codes, keys and buffers take about
   *   80 bytes per record for eight quasi-identifiers).
   */
  constructor(private readonly maxRecords = Infinity) {}

  private entry: Entry | null = null;
  /** Calls run one after the other: a cancelled request may still be encoding when the next one asks. */
  private queue: Promise<unknown> = Promise.resolve();

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * What the last call could not encode within its limit (a table and the columns it needs),
   * for encoding later, when the engine has nothing else to do; null when nothing is owed.
   */
  owed: { table: string; columns: string[] } | null = null;

  /**
   * The codes of `columns` of `table`, encoding those not held yet. Null when the relation
   * cannot be encoded (a view, a temporary table, rowids with gaps, more than maxRecords
   * records) or when the columns to encode have more than `limit` cells (records × columns;
   * then they are `owed`).
   */
  columns(engine: SqlEngine, table: string, columns: readonly string[], limit = Infinity): Promise<EncodedTable | null> {
    return this.serial(() => this.encode(engine, table, columns, limit));
  }

  /** Drops the dictionaries and forgets the codes. */
  clear(engine: SqlEngine): Promise<void> {
    return this.serial(() => this.drop(engine));
  }

  private async encode(engine: SqlEngine, table: string, columns: readonly string[], limit: number): Promise<EncodedTable | null> {
    this.owed = null;
    const dicts = [...(this.entry?.columns.values() ?? [])].map((c) => c.dict);
    // One look at the catalog: which table this is now, and whether the dictionaries survived (a restarted engine loses TEMP tables).
    const found = await engine.rows(
      `SELECT temporary AS t, table_oid AS oid, estimated_size AS size FROM duckdb_tables() WHERE ` +
        `(table_name = ${str(table)} AND NOT temporary AND database_name = current_database() AND schema_name = current_schema()) ` +
        `OR (temporary AND table_name IN (${[...dicts, ''].map(str).join(', ')}))`,
    );
    const sources = found.filter((r) => r.t === false);
    if (sources.length !== 1) return null;
    const oid = Number(sources[0].oid);
    const e = this.entry;
    if (e && (e.table !== table || e.oid !== oid || e.records !== Number(sources[0].size) || found.length - 1 !== dicts.length)) await this.drop(engine);
    if (!this.entry) {
      // Codes are placed by rowid: it must number the records 0 … n − 1, and no column may be called rowid (it would hide it).
      const [r] = await engine.rows(
        `SELECT count(*) AS n, coalesce(max(rowid) + 1, 0) AS m, ` +
          `(SELECT count(*) FROM duckdb_columns() WHERE table_oid = ${num(oid)} AND lower(column_name) = 'rowid') AS shadowed FROM ${ident(table)}`,
      );
      if (Number(r.shadowed) > 0 || Number(r.n) !== Number(r.m) || Number(r.n) > this.maxRecords) return null;
      this.entry = { table, oid, records: Number(r.n), columns: new Map() };
    }
    const entry = this.entry;
    const missing = columns.filter((c) => !entry.columns.has(c));
    if (missing.length * entry.records > limit) {
      this.owed = { table, columns: [...columns] };
      return null;
    }
    for (const name of missing) entry.columns.set(name, await encodeColumn(engine, table, name, entry.records));
    return { records: entry.records, columns: entry.columns };
  }

  private async drop(engine: SqlEngine): Promise<void> {
    const entry = this.entry;
    this.entry = null;
    this.scratch = new Scratch();
    for (const c of entry?.columns.values() ?? []) await engine.exec(`DROP TABLE IF EXISTS ${ident(c.dict)}`);
  }
}

/** A derived value of the column kept under `key` (see EncodedColumn.derived), newest last, a few per column. */
export function remember<T>(column: EncodedColumn, key: string, value: T): T {
  column.derived.delete(key);
  column.derived.set(key, value);
  if (column.derived.size > DERIVED_PER_COLUMN) column.derived.delete(column.derived.keys().next().value!);
  return value;
}

/**
 * One GROUP BY gives both the dictionary (a code per distinct value, as GROUP BY tells values
 * apart) and the records of each value, which travel as text "code:rowid,rowid;…" so every host
 * returns the same plain value, in any order. No join, and no ORDER BY over a million rows.
 */
async function encodeColumn(engine: SqlEngine, table: string, name: string, records: number): Promise<EncodedColumn> {
  const n = ++seq;
  const groups = ident(`__tokumei_codes_${n}`);
  const dict = `${DICTIONARY_PREFIX}${n}`;
  const c = ident(name);
  const code = ident(CODE);
  const rows = ident(ROWS);
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ${groups} AS SELECT ${c}, (row_number() OVER ()) - 1 AS ${code}, ` +
      `string_agg(CAST(rowid AS VARCHAR), ',') AS ${rows} FROM ${ident(table)} GROUP BY ${c}`,
  );
  try {
    const [row] = await engine.rows(`SELECT count(*) AS size, string_agg(CAST(${code} AS VARCHAR) || ':' || ${rows}, ';') AS codes FROM ${groups}`);
    const codes = parseCodes(String(row.codes ?? ''), records);
    await engine.exec(`CREATE OR REPLACE TEMP TABLE ${ident(dict)} AS SELECT ${c}, ${code} FROM ${groups}`);
    return { name, dict, size: Number(row.size), codes, derived: new Map() };
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${groups}`);
  }
}

/** "code:rowid,rowid;code:rowid" → codes by rowid. Every rowid must appear exactly once. */
export function parseCodes(text: string, records: number): Int32Array {
  const out = new Int32Array(records).fill(-1);
  let code = 0;
  let v = 0;
  let seen = 0;
  const len = text.length;
  for (let i = 0; i <= len; i++) {
    const ch = i < len ? text.charCodeAt(i) : 59;
    if (ch >= 48 && ch <= 57) {
      v = v * 10 + (ch - 48);
    } else if (ch === 58) {
      code = v;
      v = 0;
    } else if (len > 0) {
      if (v >= records || out[v] !== -1) throw new Error(`rowid ${v} out of range or repeated`);
      out[v] = code;
      seen++;
      v = 0;
    }
  }
  if (seen !== records) throw new Error(`${records - seen} records without a code`);
  return out;
}
