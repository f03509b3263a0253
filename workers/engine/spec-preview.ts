import { applySpec, type AppliedSpec, type ExclusionReport } from '../../src/core/compile/index.ts';
import { col, type Select } from '../../src/core/compile/ast.ts';
import { selectSql } from '../../src/core/compile/codegen.ts';
import { valueKind } from '../../src/core/compile/value-kind.ts';
import type { SqlEngine, SqlValue } from '../../src/core/engine.ts';
import { isTokumeiError } from '../../src/core/errors.ts';
import type { MessageKey } from '../../src/core/i18n/catalog.ts';
import type { PseudonymKey } from '../../src/core/pseudonymize/key.ts';
import { markSuppressedSql, releasedRecordsSql, type RecordSuppression } from '../../src/core/risk/record-suppression.ts';
import { ident, num } from '../../src/core/sql/quote.ts';
import { applyCellSuppression, cellsTableOf } from '../../src/core/suppress/sql.ts';
import type { CellSuppressionReport } from '../../src/core/suppress/release.ts';
import { applyEdit, SpecError, type ColumnSpec, type ReleaseSpec, type Role, type TransformKind } from '../../src/core/spec/index.ts';

/** A release blocker or spec problem as plain data (SpecError's issue list does not survive postMessage). */
export interface PreviewIssue {
  /** JSON path into the spec (`columns[3].transforms[0]`), or '' when the problem is not at one place. */
  path: string;
  key: MessageKey;
  params: Record<string, string | number>;
}

export interface PreviewColumn {
  name: string;
  type: string;
  role?: Role;
  transforms?: TransformKind[];
}

export interface PreviewSummary {
  /** Pages of this preview are asked for by id; a newer preview replaces it. */
  id: number;
  table: string;
  /** The source table's columns (the "before" side). */
  sourceColumns: PreviewColumn[];
  /** The transformed columns in order (the "after" side); dropped and hidden columns are absent. */
  columns: PreviewColumn[];
  dropped: string[];
  /** Columns left out of this preview because a blocker concerns them (they would not be released as they stand). */
  hidden: string[];
  sourceRows: number;
  /** Records the release writes: after the exclusion list, record suppression and the k step. */
  outputRows: number;
  exclusions: ExclusionReport | null;
  /** The model's k step as `npx tokumei apply` takes it (classes below k removed if they fit the limit); null without k. */
  kSuppression: RecordSuppression | null;
  /** The k step when the model blanks cells instead (model.suppression 'cells'); the after rows show the blanks. */
  kCells: CellSuppressionReport | null;
}

export interface PreviewResult {
  /** Everything that stops this spec from producing a release; empty when `npx tokumei apply` would run. */
  issues: PreviewIssue[];
  /** Null when nothing could be shown (e.g. the exclusion list is missing). */
  preview: PreviewSummary | null;
}

export interface PreviewPage {
  /** Source rows [offset, offset + limit) in table order, in `sourceColumns` order. */
  before: SqlValue[][];
  /** The same rows after the spec, in `columns` order; null where the record is removed (exclusion list or record suppression). */
  after: (SqlValue[] | null)[];
}

const VIEW = '__tokumei_preview';
const PREFIX = '__tokumei_preview_';
/** The view's rows with the source rowid, and the rowids the k step removes. */
const ROWS_VIEW = '__tokumei_preview_rows';
const K_REMOVED = '__tokumei_preview_k_removed';
/** ROWS_VIEW with the cells the k step blanks set to NULL (cell suppression). */
const ROWS_CELLS = '__tokumei_preview_rows_cells';
const FLAG = '__tokumei_k_removed';
const ROWID = '__tokumei_rowid';
const MAX_ATTEMPTS = 6;

/** Values the grid can show as they are; other types are read as text (dates as YYYY-MM-DD, as the engine contract asks). */
const asText = (type: string) => {
  const k = valueKind(type);
  return k === 'date' || k === 'timestamp' || k === 'timestamptz' || k === 'nested' || /^(TIME|INTERVAL|UUID|BLOB)/i.test(type);
};

function issuesOf(e: unknown): PreviewIssue[] | null {
  if (e instanceof SpecError) return e.issues.map((i) => ({ path: i.path, key: i.key, params: i.params }));
  if (isTokumeiError(e) && e.key.startsWith('spec.')) return [{ path: '', key: e.key, params: e.params }];
  return null;
}

interface Working {
  spec: ReleaseSpec;
  unlisted: 'error' | 'drop';
  hidden: Set<string>;
}

/** The release view's query with the source rowid as a first column, so each output row can be matched to its source row. */
function withRowid(select: Select): Select {
  return { ...select, columns: [{ expr: col('s', 'rowid'), as: ROWID }, ...select.columns] };
}

const dropEntry = (c: ColumnSpec): ColumnSpec => ({ ...c, transforms: [{ kind: 'drop' }] });

/**
 * A spec for showing what can be shown: the columns a blocker concerns are left out (as if
 * dropped), so the rest of the table still previews while the blockers are listed. Returns
 * false when an issue leaves nothing sensible to show (the exclusion list or the key).
 */
function workAround(w: Working, issues: readonly PreviewIssue[], table: string): boolean {
  let changed = false;
  const stale = new Set<number>();
  const hideEntry = (i: number) => {
    const c = w.spec.columns[i];
    if (!c || (c.transforms.length === 1 && c.transforms[0].kind === 'drop')) return;
    w.spec = { ...w.spec, columns: w.spec.columns.map((x, j) => (j === i ? dropEntry(x) : x)) };
    w.hidden.add(c.name);
    changed = true;
  };
  const hideWhere = (pred: (c: ColumnSpec) => boolean) => w.spec.columns.forEach((c, i) => pred(c) && hideEntry(i));
  for (const issue of issues) {
    const column = /^columns\[(\d+)\]/.exec(issue.path);
    const hierarchy = /^hierarchies\[(\d+)\]/.exec(issue.path);
    if (issue.key === 'spec.compile.unlisted') {
      if (w.unlisted !== 'drop') changed = true;
      w.unlisted = 'drop';
      w.hidden.add(String(issue.params.column));
    } else if (issue.key === 'spec.compile.columnMissing' && column) {
      // An entry for a column this table does not have: nothing to show, so it is left out.
      stale.add(Number(column[1]));
    } else if (column) hideEntry(Number(column[1]));
    else if (hierarchy) {
      const name = w.spec.hierarchies[Number(hierarchy[1])]?.name;
      hideWhere((c) => c.transforms.some((t) => t.kind === 'generalize' && t.hierarchy === name));
    } else if (issue.key === 'spec.compile.hierarchyMissing') {
      hideWhere((c) => c.name === issue.params.column);
    } else if (issue.key === 'spec.compile.noSubjectForDateShift' || issue.key === 'spec.compile.subjectMissing') {
      if (issue.key === 'spec.compile.subjectMissing') {
        w.spec = applyEdit(w.spec, { op: 'setSource', source: { ...w.spec.sources.tables.find((t) => t.name === table)!, subjectColumn: undefined } });
        changed = true;
      }
      hideWhere((c) => c.transforms.some((t) => t.kind === 'dateShift'));
    } else if (issue.key === 'spec.compile.tableNotInSpec') {
      w.spec = applyEdit(w.spec, { op: 'setSource', source: { name: table } });
      changed = true;
    } else if (issue.path.startsWith('model')) {
      w.spec = { ...w.spec, model: { suppressionLimit: 0 } };
      changed = true;
    } else if (issue.path.startsWith('release')) {
      const mode = w.spec.release.mode;
      w.spec = { ...w.spec, release: { ...w.spec.release, restriction: mode === 'pseudonymized' ? 'certifiedUsers' : 'none' } };
      changed = true;
    } else if (issue.key === 'spec.key.mismatch') {
      // The session key is not the one the spec was made with: show the session key's pseudonyms, and say so.
      w.spec = { ...w.spec, release: { ...w.spec.release, keyFingerprint: undefined } };
      changed = true;
    } else if (issue.key.startsWith('spec.exclusions.')) {
      // Without the list the preview would show subjects that must never appear.
      return false;
    }
  }
  if (stale.size) {
    w.spec = { ...w.spec, columns: w.spec.columns.filter((_, i) => !stale.has(i)) };
    changed = true;
  }
  return changed;
}

/**
 * The preview behind the Transform view: the spec applied to one table exactly as
 * `applySpec` (and so `npx tokumei apply`) does, kept as a view so the grid can page
 * through it next to the source rows.
 */
export class SpecPreviewer {
  private current: { id: number; applied: AppliedSpec; summary: PreviewSummary } | null = null;
  private nextId = 1;
  /** One preview at a time: a second request waits for the first (they share the view's name). */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly engine: () => SqlEngine,
    private readonly key: () => Promise<PseudonymKey>,
  ) {}

  run(spec: ReleaseSpec, table: string, exclusions?: readonly string[]): Promise<PreviewResult> {
    const run = this.tail.then(() => this.build(spec, table, exclusions));
    this.tail = run.catch(() => undefined);
    return run;
  }

  async dispose(): Promise<void> {
    const old = this.current;
    this.current = null;
    if (!old) return;
    const engine = this.engine();
    await engine.exec(`DROP TABLE IF EXISTS ${ident(K_REMOVED)}`).catch(() => undefined);
    await engine.exec(`DROP VIEW IF EXISTS ${ident(ROWS_CELLS)}`).catch(() => undefined);
    await engine.exec(`DROP TABLE IF EXISTS ${ident(cellsTableOf(ROWS_CELLS))}`).catch(() => undefined);
    await engine.exec(`DROP VIEW IF EXISTS ${ident(ROWS_VIEW)}`).catch(() => undefined);
    await old.applied.dispose().catch(() => undefined);
  }

  private async build(spec: ReleaseSpec, table: string, exclusions?: readonly string[]): Promise<PreviewResult> {
    await this.dispose();
    const engine = this.engine();
    const described = await engine.rows(`DESCRIBE ${ident(table)}`);
    const sourceColumns = described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    const issues: PreviewIssue[] = [];
    const seen = new Set<string>();
    const w: Working = { spec, unlisted: 'error', hidden: new Set() };
    let applied: AppliedSpec | null = null;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && !applied; attempt++) {
      try {
        const needsKey = w.spec.columns.some((c) => c.transforms.some((t) => t.kind === 'pseudonymize' || t.kind === 'dateShift'));
        applied = await applySpec(engine, w.spec, {
          table,
          view: VIEW,
          prefix: PREFIX,
          unlisted: w.unlisted,
          exclusions,
          key: needsKey ? await this.key() : undefined,
        });
      } catch (e) {
        const found = issuesOf(e);
        if (!found) throw e;
        for (const i of found) {
          const id = `${i.path}\u0000${i.key}\u0000${JSON.stringify(i.params)}`;
          if (!seen.has(id)) issues.push(i);
          seen.add(id);
        }
        if (!workAround(w, found, table)) break;
      }
    }
    if (!applied) return { issues, preview: null };
    try {
      return { issues, preview: await this.summarize(applied, w, table, sourceColumns) };
    } catch (e) {
      // Whatever was created is dropped again (the mapping tables hold source values).
      this.current = { id: 0, applied, summary: null as never };
      await this.dispose();
      throw e;
    }
  }

  private async summarize(applied: AppliedSpec, w: Working, table: string, sourceColumns: PreviewColumn[]): Promise<PreviewSummary> {
    const engine = this.engine();
    const described2 = await engine.rows(`DESCRIBE ${ident(VIEW)}`);
    const types = new Map(described2.map((r) => [String(r.column_name), String(r.column_type)]));
    const [{ n: sourceRows }] = await engine.rows(`SELECT count(*) AS n FROM ${ident(table)}`);
    // The k step exactly as the command line's apply takes it, on the same view.
    const names = applied.outputColumns.map((c) => c.name);
    const qis = applied.outputColumns.filter((c) => c.role === 'quasi').map((c) => c.name);
    const release = await releasedRecordsSql(engine, VIEW, names, qis, w.spec.model);
    let outputRows: unknown;
    try {
      [{ n: outputRows }] = await engine.rows(`SELECT count(*) AS n FROM (${release.sql}) AS ${ident('r')}`);
      await engine.exec(`CREATE OR REPLACE VIEW ${ident(ROWS_VIEW)} AS\n${selectSql(withRowid(applied.compiled.select))}`);
      // The same blanks on the rows with their rowid, so each page shows them where apply writes them.
      if (release.cells) await applyCellSuppression(engine, ROWS_VIEW, release.cells.combos, release.cells.result, ROWS_CELLS);
    } finally {
      await release.dispose().catch(() => undefined);
    }
    if (release.suppression?.applied) {
      await engine.exec(
        `CREATE OR REPLACE TABLE ${ident(K_REMOVED)} AS SELECT ${ident(ROWID)} FROM (${markSuppressedSql(ROWS_VIEW, qis, release.suppression, FLAG)}) AS ${ident('m')} WHERE ${ident(FLAG)}`,
      );
    }
    const id = this.nextId++;
    const summary: PreviewSummary = {
      id,
      table,
      sourceColumns,
      columns: applied.outputColumns.map((c) => ({ name: c.name, type: types.get(c.name) ?? 'VARCHAR', role: c.role, transforms: c.transforms })),
      dropped: applied.compiled.dropped.filter((c) => !w.hidden.has(c)),
      hidden: sourceColumns.map((c) => c.name).filter((c) => w.hidden.has(c)),
      sourceRows: Number(sourceRows),
      outputRows: Number(outputRows),
      exclusions: applied.exclusions,
      kSuppression: release.suppression,
      kCells: release.cells?.report ?? null,
    };
    this.current = { id, applied, summary };
    return summary;
  }

  /** Source rows [offset, offset + limit) and what each becomes; rows are matched by the table's rowid. */
  page(id: number, offset: number, limit: number): Promise<PreviewPage> {
    const run = this.tail.then(() => this.readPage(id, offset, limit));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async readPage(id: number, offset: number, limit: number): Promise<PreviewPage> {
    const cur = this.current;
    if (!cur || cur.id !== id) return { before: [], after: [] };
    const engine = this.engine();
    const { summary } = cur;
    const source = summary.sourceColumns;
    const beforeCols = source.map((c) => (asText(c.type) ? `CAST(${ident(c.name)} AS VARCHAR)` : ident(c.name)) + ` AS ${ident(c.name)}`);
    const beforeRows = await engine.rows(
      `SELECT rowid AS ${ident(ROWID)}, ${beforeCols.join(', ')} FROM ${ident(summary.table)} ` +
        `ORDER BY rowid LIMIT ${num(Math.max(0, Math.floor(limit)))} OFFSET ${num(Math.max(0, Math.floor(offset)))}`,
    );
    if (beforeRows.length === 0) return { before: [], after: [] };
    const ids = beforeRows.map((r) => Number(r[ROWID]));
    const lo = ids[0];
    const hi = ids[ids.length - 1];

    const r = ident(ROWID);
    const cols = summary.columns.map((c) => (asText(c.type) ? `CAST(${ident(c.name)} AS VARCHAR)` : ident(c.name)) + ` AS ${ident(c.name)}`);
    const removedByK = summary.kSuppression?.applied ? ` AND ${r} NOT IN (SELECT ${r} FROM ${ident(K_REMOVED)})` : '';
    const afterRows = await engine.rows(
      `SELECT ${r}, ${cols.join(', ')} FROM ${ident(summary.kCells ? ROWS_CELLS : ROWS_VIEW)} WHERE ${r} BETWEEN ${num(lo)} AND ${num(hi)}${removedByK} ORDER BY ${r}`,
    );
    const byRowid = new Map(afterRows.map((row) => [Number(row[ROWID]), row]));
    return {
      before: beforeRows.map((r) => source.map((c) => r[c.name])),
      after: ids.map((i) => {
        const row = byRowid.get(i);
        return row ? summary.columns.map((c) => row[c.name]) : null;
      }),
    };
  }
}
