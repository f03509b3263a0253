import { isNumeric, valueKind } from '../compile/value-kind.ts';
import type { SqlEngine } from '../engine.ts';
import { ident, num } from '../sql/quote.ts';
import type { ReleaseSpec } from '../spec/schema.ts';
import { applyMeasured, type PeculiarPartOptions } from './assess-parts.ts';
import { codedRelease, releasedLabels } from './coded-release.ts';
import { MAX_SOURCES_PER_FINDING, peculiarColumns, type PeculiarListing } from './peculiar-sources.ts';
import { compareCodePoints, keptPerSourceCode, peculiarFromCodes, type PeculiarCodedColumn } from './peculiar-from-codes.ts';
import { CODE, remember, type EncodedColumn, type SourceCodes } from './source-codes.ts';
import type { PeculiarFinding } from './types.ts';

/**
 * The live panel's peculiar values (releasedPeculiarWithSources) read from dictionary codes: the
 * release view is created but never scanned. Released values, their counts and the percentiles
 * come from the coded relation (coded-release.ts, peculiar-from-codes.ts); the source values
 * behind each finding are the source codes that map to it among the kept records, labelled from
 * the source column's dictionary.
 */

/** Source codes looked up in one query at most; a listing that needs more is left to the view. */
const MAX_LOOKUP = 50_000;

let seq = 0;

/** releasedPeculiarWithSources' answer read from codes; null when the spec cannot be measured from codes (the caller then uses releasedPeculiarWithSources). */
export async function codedPeculiarListing(
  engine: SqlEngine,
  spec: ReleaseSpec | null,
  opts: PeculiarPartOptions & { codes: SourceCodes; encodeLimit?: number },
): Promise<PeculiarListing | null> {
  const prefix = `__tokumei_pecc_${++seq}_`;
  const { plan, applied } = await applyMeasured(engine, spec, opts, prefix);
  try {
    const view = applied.view;
    const { numeric, categorical, geography, types } = await peculiarColumns(engine, view, [...plan.measured], opts.geography);
    const needed = [...new Set([...categorical, ...numeric, ...(geography === undefined ? [] : [geography])])];
    const columns = [...categorical, ...numeric];
    // Only what the SQL listing passes on to findPeculiarValues (no limits, the default share for geography).
    const options = { minCount: opts.minCount, percentiles: opts.percentiles, maxPerColumn: opts.maxPerColumn };
    if (needed.length === 0) {
      const none = peculiarFromCodes({ records: 0, keep: null, categorical: [], numeric: [] }, options);
      return none && { ...none, table: opts.table, columns };
    }

    const compiled = applied.compiled;
    const relation = await codedRelease(engine, opts.codes, compiled, [], null, opts.encodeLimit, needed);
    if (!relation) return null;
    // Each measured column is released from its own source column (the copy the SQL listing reads its sources from).
    const encoded = await opts.codes.columns(engine, compiled.table, needed, 0);
    const coded = new Map(needed.map((c, i) => [c, relation.extra![i]]));
    if (!encoded || needed.some((c) => encoded.columns.get(c)?.codes !== coded.get(c)!.codes)) return null;
    const labels = await releasedLabels(engine, opts.codes, compiled, relation, needed.map((name) => ({ name, numeric: numeric.includes(name) })));
    if (!labels) return null;

    const kept = new Map(needed.map((c) => [c, keptPerSourceCode(coded.get(c)!, relation.keep)]));
    const column = (name: string): PeculiarCodedColumn => {
      const t = (types.get(name) ?? '').toUpperCase();
      return { name, coded: coded.get(name)!, labels: labels.get(name)!, kept: kept.get(name), rankSortsText: t === 'VARCHAR' || t === 'BOOLEAN' };
    };
    const report = peculiarFromCodes(
      { records: relation.records, keep: relation.keep, categorical: categorical.map(column), numeric: numeric.map(column), geography: geography === undefined ? undefined : column(geography) },
      options,
    );
    if (!report) return null;

    for (const name of new Set(report.findings.map((f) => f.column))) {
      const mine = report.findings.filter((f) => f.column === name);
      const found = await sourcesOf(engine, encoded.columns.get(name)!, column(name), numeric.includes(name), mine);
      if (!found) return null;
      for (const f of mine) {
        const list = found.get(keyOf(f.value));
        if (list) f.sources = list;
      }
    }
    return { ...report, table: opts.table, columns };
  } finally {
    await applied.dispose().catch(() => undefined);
  }
}

const keyOf = (v: string | number | null) => (typeof v === 'number' ? `n:${v}` : `s:${v}`);

/**
 * Per finding value (keyed as keyOf), the source codes released as it among the kept records
 * (`column.kept`): what the SQL listing's DISTINCT over the view's untransformed copy sees.
 */
function sourceCodesBehind(column: PeculiarCodedColumn, releasedNumeric: boolean, values: readonly (string | number)[]): Map<string, number[]> {
  // The SQL matches CAST(v AS DOUBLE) or CAST(v AS VARCHAR) against the finding values (Map keys compare numbers by value).
  const wanted = new Map<string | number, number[]>(values.map((v) => [v, []]));
  const { labels, coded } = column;
  const lists = new Array<number[] | undefined>(coded.size);
  for (let code = 0; code < coded.size; code++) {
    if (code === labels.nullCode) continue;
    lists[code] = releasedNumeric ? wanted.get(labels.number![code]) : wanted.get(labels.text[code]!);
  }
  const kept = column.kept ?? keptPerSourceCode(coded, null);
  const { map } = coded;
  for (let s = 0; s < map.length; s++) if (kept[s] > 0) lists[map[s]]?.push(s);
  return new Map([...wanted].map(([v, codes]) => [keyOf(v), codes]));
}

/**
 * The sorted distinct source values behind each finding value of one column, read from the
 * source column's dictionary for just the codes concerned; a value with more than
 * MAX_SOURCES_PER_FINDING gets no entry. Null when too many codes would have to be read.
 */
async function sourcesOf(
  engine: SqlEngine,
  source: EncodedColumn,
  column: PeculiarCodedColumn,
  releasedNumeric: boolean,
  findings: readonly PeculiarFinding[],
): Promise<Map<string, (string | number)[]> | null> {
  const behind = sourceCodesBehind(column, releasedNumeric, [...new Set(findings.map((f) => f.value))]);
  const numeric = await sourceIsNumeric(engine, source);
  const c = ident(source.name);
  const cast = numeric ? `CAST(${c} AS DOUBLE)` : `CAST(${c} AS VARCHAR)`;
  // More codes than that are more values unless the cast merges values (large integers as doubles).
  let distinct: boolean | undefined;
  const lookup: number[] = [];
  for (const codes of behind.values()) {
    if (codes.length > MAX_SOURCES_PER_FINDING + 1) {
      distinct ??= await castKeepsValuesApart(engine, source, cast);
      if (distinct) continue;
    }
    for (const s of codes) lookup.push(s);
  }
  const label = await sourceLabels(engine, source, cast, numeric, lookup);
  if (!label) return null;
  const out = new Map<string, (string | number)[]>();
  for (const [k, codes] of behind) {
    const values = new Set<string | number>();
    for (const s of codes) {
      const v = label.get(s);
      if (v !== undefined && v !== null) values.add(v);
    }
    if (values.size === 0 || values.size > MAX_SOURCES_PER_FINDING) continue;
    const list = [...values];
    if (numeric) (list as number[]).sort((a, b) => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b));
    else (list as string[]).sort(compareCodePoints);
    out.set(k, list);
  }
  return out;
}

/** Whether the source column is numeric (its values are then read as DOUBLE), from its dictionary's type. */
async function sourceIsNumeric(engine: SqlEngine, source: EncodedColumn): Promise<boolean> {
  const sql = `DESCRIBE ${ident(source.dict)}`;
  const known = source.derived.get(sql);
  if (typeof known === 'boolean') return known;
  const type = (await engine.rows(sql)).find((r) => r.column_name === source.name)?.column_type;
  return remember(source, sql, isNumeric(valueKind(String(type ?? 'VARCHAR'))));
}

/**
 * The source values of `codes` as `cast` gives them (null for NULL), read from the dictionary
 * once per code: what has been read is kept with the dictionary, whose values never change.
 * Null when more than MAX_LOOKUP codes are still unread.
 */
async function sourceLabels(engine: SqlEngine, source: EncodedColumn, cast: string, numeric: boolean, codes: readonly number[]): Promise<Map<number, string | number | null> | null> {
  const key = `SELECT ${ident(CODE)}, ${cast} FROM ${ident(source.dict)}`;
  const known = (source.derived.get(key) as Map<number, string | number | null> | undefined) ?? new Map<number, string | number | null>();
  const missing = [...new Set(codes.filter((s) => !known.has(s)))];
  if (missing.length > MAX_LOOKUP) return null;
  if (missing.length > 0) {
    const rows = await engine.rows(`SELECT ${ident(CODE)} AS c, ${cast} AS v FROM ${ident(source.dict)} WHERE ${ident(CODE)} IN (${missing.map(num).join(', ')})`);
    for (const r of rows) known.set(Number(r.c), r.v === null ? null : numeric ? Number(r.v) : String(r.v));
  }
  return remember(source, key, known);
}

/** Whether the cast gives every non-NULL value of the dictionary a value of its own (kept per dictionary). */
async function castKeepsValuesApart(engine: SqlEngine, source: EncodedColumn, cast: string): Promise<boolean> {
  const sql = `SELECT count(DISTINCT ${cast}) = count(${ident(source.name)}) AS apart FROM ${ident(source.dict)}`;
  const known = source.derived.get(sql);
  if (typeof known === 'boolean') return known;
  const [r] = await engine.rows(sql);
  return remember(source, sql, r.apart === true);
}
