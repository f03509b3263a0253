import { applySpec, type AppliedSpec } from '../compile/apply.ts';
import { col, type Select } from '../compile/ast.ts';
import { matchesAny } from '../compile/chain.ts';
import { exprSql, selectSql } from '../compile/codegen.ts';
import { valueKind } from '../compile/value-kind.ts';
import type { SqlEngine } from '../engine.ts';
import { PseudonymKey } from '../pseudonymize/key.ts';
import { decideRecordSuppression, type RecordSuppression } from '../risk/record-suppression.ts';
import { suppressCells, type CellRelease } from '../suppress/release.ts';
import { classSizeHistogram } from '../risk/histogram.ts';
import { ident, num, str } from '../sql/quote.ts';
import { findColumn } from '../spec/edit.ts';
import type { ReleaseSpec } from '../spec/schema.ts';
import { specForPreview } from './spec-for-preview.ts';
import { REMOVAL_REASONS, type PreviewColumnInfo, type PreviewSummary, type RemovedCounts, type RemovedGridColumn } from './types.ts';

/** Names of the preview's own columns; the `__tokumei_` prefix keeps them apart from a table's columns. */
export const ROW = '__tokumei_row';
export const STATE = '__tokumei_state';
export const REASON = '__tokumei_reason';
export const DETAIL = '__tokumei_detail';
const SIZE = '__tokumei_size';
/** The released value of the i-th released column in `pairs`, of the i-th quasi-identifier in `removed`. */
export const releasedAlias = (i: number) => `__tokumei_r${i}`;
export const removedQiAlias = (i: number) => `__tokumei_q${i}`;

export interface PreviewOptions {
  table: string;
  /** The exclusion list's subject IDs; required when the spec records one. */
  exclusions?: Iterable<string>;
  subjectColumn?: string;
  /** Without a key, a throwaway one (pseudonyms do not decide which records are removed). */
  key?: PseudonymKey;
  /** Prefix of the preview's tables and views; one per preview alive at a time. */
  prefix?: string;
}

/**
 * One preview of what a spec removes from one table, kept in the engine while it is looked at:
 * - `rows`: the spec's release view with each record's source rowid (before the k step);
 * - `removed`: one row per removed source record (rowid, reason, detail, released quasi-identifiers);
 * - `pairs`: every source record with its state and the released value of every released column
 *   (`releasedAlias(i)` for `releasedColumns[i]`), the relation the other parts read.
 */
export interface PreviewSession {
  readonly summary: PreviewSummary;
  readonly table: string;
  readonly rows: string;
  readonly removed: string;
  readonly pairs: string;
  /** Released columns in view order; their values are `releasedAlias(i)` in `pairs`. */
  readonly releasedColumns: readonly string[];
  readonly sourceTypes: ReadonlyMap<string, string>;
  dispose(): Promise<void>;
}

/** Columns that name a diagnosis (病名, 診断, 傷病, ICD): their rare categories are the ones a study misses. */
const DIAGNOSIS = /diagnos|icd|病名|診断|傷病/i;

let seq = 0;

export async function openPreview(engine: SqlEngine, spec: ReleaseSpec | null, opts: PreviewOptions): Promise<PreviewSession> {
  const table = opts.table;
  const prefix = opts.prefix ?? `__tokumei_sp${++seq}_`;
  const described = await engine.rows(`DESCRIBE ${ident(table)}`);
  const source = described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  const sourceTypes = new Map(source.map((c) => [c.name, c.type]));

  const prepared = specForPreview(spec, table);
  let s = prepared.spec;
  const needsKey = s.columns.some((c) => c.transforms.some((t) => t.kind === 'pseudonymize' || t.kind === 'dateShift'));
  const ephemeralKey = needsKey && !opts.key;
  const key = opts.key ?? (needsKey ? await PseudonymKey.generate({ extractable: false }) : undefined);
  if (ephemeralKey) s = { ...s, release: { ...s.release, keyFingerprint: undefined } };

  const names = {
    view: `${prefix}view`,
    rows: `${prefix}rows`,
    removed: `${prefix}removed`,
    pairs: `${prefix}pairs`,
    state: `${prefix}state`,
    cells: `${prefix}cells`,
  };
  let applied: AppliedSpec | null = null;
  let cellRelease: CellRelease | null = null;
  const dispose = async () => {
    await engine.exec(`DROP VIEW IF EXISTS ${ident(names.pairs)}`).catch(() => undefined);
    await engine.exec(`DROP VIEW IF EXISTS ${ident(names.removed)}`).catch(() => undefined);
    await engine.exec(`DROP TABLE IF EXISTS ${ident(names.state)}`).catch(() => undefined);
    await cellRelease?.dispose().catch(() => undefined);
    await engine.exec(`DROP VIEW IF EXISTS ${ident(names.rows)}`).catch(() => undefined);
    await applied?.dispose().catch(() => undefined);
  };

  try {
    applied = await applySpec(engine, s, {
      table,
      view: names.view,
      prefix: `${prefix}r_`,
      exclusions: opts.exclusions === undefined ? undefined : [...opts.exclusions],
      subjectColumn: opts.subjectColumn,
      key,
      unlisted: 'drop',
    });
    const compiled = applied.compiled;
    const held = new Set(prepared.held);
    const out = applied.outputColumns.filter((c) => !held.has(c.name));
    const qis = out.filter((c) => c.role === 'quasi').map((c) => c.name);
    const sensitive = out.filter((c) => c.role === 'sensitive').map((c) => c.name);

    // The view's own query with the source rowid first: each released record points at its source record.
    const withRow: Select = { ...compiled.select, columns: [{ expr: col('s', 'rowid'), as: ROW }, ...compiled.select.columns] };
    await engine.exec(`CREATE OR REPLACE VIEW ${ident(names.rows)} AS\n${selectSql(withRow)}`);
    const viewTypes = new Map((await engine.rows(`DESCRIBE ${ident(names.rows)}`)).map((r) => [String(r.column_name), String(r.column_type)]));

    // The k step: ARX's record suppression, or blanked cells (every record stays; the released values come from the cell view).
    const k = s.model.k;
    const method = s.model.suppression ?? 'records';
    let suppression: RecordSuppression | null = null;
    let valuesFrom = names.rows;
    if (k !== undefined && qis.length > 0) {
      if (method === 'cells') {
        cellRelease = await suppressCells(engine, names.rows, qis, { k, importance: s.model.importance }, names.cells);
        valuesFrom = cellRelease.view;
      } else {
        suppression = decideRecordSuppression(await classSizeHistogram(engine, names.rows, qis), k, s.model.suppressionLimit);
      }
    }

    // Released values that differ from the source are kept; the others are read from the source itself.
    const released = out.map((c) => c.name);
    const changed = (name: string) => {
      const o = out.find((x) => x.name === name)!;
      return o.transforms.some((t) => t !== 'suppressRecord') || hasCellDecision(s, table, name) || (cellRelease !== null && qis.includes(name));
    };
    const kept = released.map((c, i) => ({ column: c, alias: releasedAlias(i), stored: changed(c) }));
    await engine.exec(stateTableSql(names, table, s, opts, applied, qis, suppression, sourceTypes, viewTypes, valuesFrom, kept));
    await engine.exec(
      `CREATE OR REPLACE VIEW ${ident(names.removed)} AS SELECT ${ident(ROW)}, ${ident(STATE)} AS ${ident(REASON)}, ${ident(DETAIL)}` +
        qis.map((_, i) => `, ${ident(removedQiAlias(i))}`).join('') +
        ` FROM ${ident(names.state)} WHERE ${ident(STATE)} <> 'released'`,
    );
    const pairCols = kept.map((c) => `${ident(c.stored ? 'm' : 's')}.${ident(c.stored ? c.alias : c.column)} AS ${ident(c.alias)}`);
    await engine.exec(
      `CREATE OR REPLACE VIEW ${ident(names.pairs)} AS\n` +
        `SELECT ${ident('s')}.*, ${ident('m')}.${ident(ROW)}, ${ident('m')}.${ident(STATE)}` +
        (pairCols.length ? `, ${pairCols.join(', ')}` : '') +
        `\nFROM ${ident(table)} AS ${ident('s')} JOIN ${ident(names.state)} AS ${ident('m')} ON ${ident('m')}.${ident(ROW)} = ${ident('s')}.rowid`,
    );

    const [{ n: sourceRecords }] = await engine.rows(`SELECT count(*) AS n FROM ${ident(table)}`);
    const removed: RemovedCounts = { excluded: 0, record: 0, belowK: 0 };
    for (const r of await engine.rows(`SELECT ${ident(STATE)} AS r, count(*) AS n FROM ${ident(names.state)} WHERE ${ident(STATE)} <> 'released' GROUP BY 1`)) {
      removed[String(r.r) as keyof RemovedCounts] = Number(r.n);
    }
    const byColumn = await engine.rows(
      `SELECT ${ident(DETAIL)} AS c, count(*) AS n FROM ${ident(names.removed)} WHERE ${ident(REASON)} = 'record' GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    const total = REMOVAL_REASONS.reduce((a, r) => a + removed[r], 0);

    const entry = (name: string) => findColumn(s, table, name);
    const columns: PreviewColumnInfo[] = source.map((c) => {
      const o = out.find((x) => x.name === c.name);
      const e = entry(c.name);
      const transforms = e?.transforms.map((t) => t.kind) ?? [];
      return {
        name: c.name,
        type: c.type,
        role: held.has(c.name) ? (findColumn(spec ?? s, table, c.name)?.role ?? null) : (e?.role ?? null),
        released: o !== undefined,
        ...(o ? { releasedType: viewTypes.get(c.name) ?? c.type } : {}),
        transforms: held.has(c.name) ? [] : transforms,
        changed: o !== undefined && changed(c.name),
      };
    });
    const chosen = new Set([...qis, ...sensitive, ...source.map((c) => c.name).filter((n) => DIAGNOSIS.test(n))]);
    const gridColumns: RemovedGridColumn[] = [
      { kind: 'reason', type: 'VARCHAR' },
      { kind: 'detail', type: 'VARCHAR' },
      ...source.map((c): RemovedGridColumn => ({ kind: 'source', column: c.name, type: gridType(c.type) })),
      ...qis.map((q): RemovedGridColumn => ({ kind: 'released', column: q, type: 'VARCHAR' })),
    ];
    const summary: PreviewSummary = {
      table,
      sourceRecords: Number(sourceRecords),
      releasedRecords: Number(sourceRecords) - total,
      removed,
      removedByColumn: byColumn.map((r) => ({ column: String(r.c), records: Number(r.n) })),
      method,
      suppression,
      cells: cellRelease?.report ?? null,
      qis,
      sensitive,
      columns,
      defaultColumns: source.map((c) => c.name).filter((n) => chosen.has(n)),
      gridColumns,
      ephemeralKey: ephemeralKey && s.columns.some((c) => c.transforms.some((t) => t.kind === 'dateShift')),
    };
    return { summary, table, rows: names.rows, removed: names.removed, pairs: names.pairs, releasedColumns: released, sourceTypes, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

const hasCellDecision = (spec: ReleaseSpec, table: string, column: string) =>
  spec.peculiar.decisions.some((d) => (d.table === undefined || d.table === table) && d.column === column && d.action === 'suppressCell');

/** Types the grid shows as they come; everything else arrives as text (dates as YYYY-MM-DD). */
export function gridType(type: string): string {
  const k = valueKind(type);
  return k === 'integer' || k === 'float' || k === 'boolean' ? type : 'VARCHAR';
}

/**
 * A value as text for labels: whole floating-point numbers without DuckDB's trailing ".0"
 * (a height rounded to tens reads 160, not 160.0); anything else in its VARCHAR form.
 */
export function labelSql(expr: string, type: string): string {
  if (valueKind(type) !== 'float') return `CAST(${expr} AS VARCHAR)`;
  const d = `CAST(${expr} AS DOUBLE)`;
  return `CASE WHEN ${d} = trunc(${d}) AND abs(${d}) < 1e15 THEN CAST(CAST(${d} AS BIGINT) AS VARCHAR) ELSE CAST(${expr} AS VARCHAR) END`;
}

/** DuckDB type of the released values of `releasedColumns[i]`. */
export function releasedTypeOf(session: PreviewSession, i: number): string {
  const name = session.releasedColumns[i];
  return session.summary.columns.find((c) => c.name === name)?.releasedType ?? 'VARCHAR';
}

/** The source column as the grid shows it. */
export function gridValueSql(rel: string, name: string, type: string): string {
  const x = `${ident(rel)}.${ident(name)}`;
  return gridType(type) === type ? x : `CAST(${x} AS VARCHAR)`;
}

/**
 * Every source record once, with what the release does to it (state), why (detail), the released
 * values that differ from the source, and, for records of classes below k, the released
 * quasi-identifiers that put them there. Records missing from the view were removed by the
 * exclusion list or by record-level removal (the only filters the compiled view has; its joins
 * are LEFT joins); of those in the view, the classes below k go when ARX's rule suppresses them.
 * One pass over the view, so the analyses afterwards never recompute it.
 */
function stateTableSql(
  names: { rows: string; state: string },
  table: string,
  spec: ReleaseSpec,
  opts: PreviewOptions,
  applied: AppliedSpec,
  qis: readonly string[],
  suppression: RecordSuppression | null,
  types: ReadonlyMap<string, string>,
  viewTypes: ReadonlyMap<string, string>,
  valuesFrom: string,
  kept: readonly { column: string; alias: string; stored: boolean }[],
): string {
  const s = ident('s');
  const v = ident('v');
  const excl = applied.compiled.mappings.find((m) => m.kind === 'exclusions');
  const subject = opts.subjectColumn ?? spec.sources.tables.find((t) => t.name === table)?.subjectColumn;
  const excluded =
    excl && subject !== undefined
      ? `(EXISTS (SELECT 1 FROM ${ident(excl.table)} AS ${ident('e')} WHERE ${ident('e')}.${ident('id')} = CAST(${s}.${ident(subject)} AS VARCHAR)))`
      : 'FALSE';

  // Which column's listed value removed the record: the same matching the compiler uses.
  const decisions = spec.peculiar.decisions.filter((d) => (d.table === undefined || d.table === table) && d.action === 'suppressRecord');
  const whens: string[] = [];
  for (const [name, type] of types) {
    const e = findColumn(spec, table, name);
    if (!e || e.transforms.some((t) => t.kind === 'drop')) continue;
    const values = [...decisions.filter((d) => d.column === name).map((d) => d.value), ...e.transforms.flatMap((t) => (t.kind === 'suppressRecord' ? t.values : []))];
    if (values.length) whens.push(`WHEN ${exprSql(matchesAny(col('s', name), valueKind(type), values))} THEN ${str(name)}`);
  }
  const listed = whens.length ? `CASE ${whens.join(' ')} END` : 'NULL';
  const belowK = suppression?.applied ? `${v}.${ident(SIZE)} < ${num(suppression.k)}` : 'FALSE';
  const inView = `${v}.${ident(ROW)} IS NOT NULL`;
  const state =
    `CASE WHEN NOT ${inView} THEN (CASE WHEN ${excluded} THEN 'excluded' ELSE 'record' END) ` + `WHEN ${belowK} THEN 'belowK' ELSE 'released' END`;
  const detail = `CASE WHEN NOT ${inView} THEN (CASE WHEN ${excluded} THEN NULL ELSE ${listed} END) WHEN ${belowK} THEN CAST(${v}.${ident(SIZE)} AS VARCHAR) END`;
  const stored = kept.filter((c) => c.stored).map((c) => `${v}.${ident(c.column)} AS ${ident(c.alias)}`);
  const qiLabels = qis.map((q, i) => `CASE WHEN ${belowK} THEN ${labelSql(`${v}.${ident(q)}`, viewTypes.get(q) ?? 'VARCHAR')} END AS ${ident(removedQiAlias(i))}`);
  const sized = suppression?.applied
    ? `(SELECT *, count(*) OVER (PARTITION BY ${qis.map(ident).join(', ')}) AS ${ident(SIZE)} FROM ${ident(valuesFrom)})`
    : `(SELECT *, NULL::BIGINT AS ${ident(SIZE)} FROM ${ident(valuesFrom)})`;
  return (
    `CREATE OR REPLACE TABLE ${ident(names.state)} AS\n` +
    `SELECT ${s}.rowid AS ${ident(ROW)}, ${state} AS ${ident(STATE)}, ${detail} AS ${ident(DETAIL)}` +
    [...stored, ...qiLabels].map((c) => `, ${c}`).join('') +
    `\nFROM ${ident(table)} AS ${s} LEFT JOIN ${sized} AS ${v} ON ${v}.${ident(ROW)} = ${s}.rowid`
  );
}
