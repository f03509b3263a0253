import { TokumeiError } from '../errors.ts';
import { hierarchyTableSql } from '../hierarchy/sql.ts';
import { ident } from '../sql/quote.ts';
import { checkSpec } from '../spec/check.ts';
import { findColumn } from '../spec/edit.ts';
import { SpecError, specIssue, type SpecIssue } from '../spec/issues.ts';
import type { ColumnSpec, HierarchySpec, ReleaseSpec } from '../spec/schema.ts';
import { DEFAULT_PSEUDONYM_LENGTH } from '../pseudonymize/hmac.ts';
import { bin, cast, caseWhen, col, exists, isNull, lit, type Expr, type Join, type Select } from './ast.ts';
import { applyTransform, matchesAny, suppressCells, type ChainEnv, type Typed } from './chain.ts';
import { selectSql } from './codegen.ts';
import type { CompileContext, CompiledSpec, CoverageCheck, MappingPlan, OutputColumn } from './types.ts';
import { valueKind } from './value-kind.ts';

const S = 's';

/**
 * Compiles a spec for one source table into a view (see CompiledSpec for how to run it).
 * Order of effects: exclusion list, then record suppression (listed values, peculiar
 * decisions), then each column's transform chain. Release blockers (an identifier that is
 * neither dropped nor pseudonymized, uncleared free text, a column nobody reviewed) are
 * reported together as a SpecError, each with the path of the entry to fix.
 */
export function compileSpec(spec: ReleaseSpec, ctx: CompileContext): CompiledSpec {
  const specIssues = checkSpec(spec);
  if (specIssues.length) throw new SpecError(specIssues);

  const table = ctx.table;
  const view = ctx.view ?? `${table}__release`;
  const prefix = ctx.prefix ?? `__tokumei_${view}_`;
  const known = new Set(ctx.columns.map((c) => c.name));
  const source = spec.sources.tables.find((t) => t.name === table);
  if (spec.sources.tables.length > 0 && !source) throw new TokumeiError('spec.compile.tableNotInSpec', { table });
  const subject = ctx.subjectColumn ?? source?.subjectColumn;
  if (subject !== undefined && !known.has(subject)) throw new TokumeiError('spec.compile.subjectMissing', { table, column: subject });
  const needSubject = (why: 'exclusions' | 'dateShift') => {
    if (subject === undefined) throw new TokumeiError(why === 'exclusions' ? 'spec.compile.noSubjectForExclusions' : 'spec.compile.noSubjectForDateShift', { table });
    return subject;
  };
  const subjectText = (why: 'exclusions' | 'dateShift') => cast(col(S, needSubject(why)), 'VARCHAR');

  const blockers: SpecIssue[] = [];
  spec.columns.forEach((c, i) => {
    if (c.table === table && !known.has(c.name)) blockers.push(specIssue(['columns', i, 'name'], 'spec.compile.columnMissing', { column: c.name, table }));
  });

  const hierarchies = new Map<string, HierarchySpec>(spec.hierarchies.map((h) => [h.name, h]));
  const where: Expr[] = [];
  const joins: Join[] = [];
  const mappings: MappingPlan[] = [];
  const statements: string[] = [];
  const auxiliaryTables: string[] = [];
  const coverage: { column: string; hierarchy: string; input: Expr; alias: string }[] = [];
  const tableOf = new Map<string, string>();

  let exclusionFilter: Expr | null = null;
  let listedSubject: Select | null = null;
  if (ctx.exclusions) {
    const excl = `${prefix}exclusions`;
    mappings.push({ kind: 'exclusions', table: excl });
    auxiliaryTables.push(excl);
    listedSubject = {
      columns: [{ expr: lit(1), as: 'x' }],
      from: { table: excl, as: 'e' },
      joins: [],
      where: [bin('=', col('e', 'id'), subjectText('exclusions'))],
    };
    exclusionFilter = exists(listedSubject, true);
    where.push(exclusionFilter);
  }
  const baseWhere = () => (exclusionFilter ? [exclusionFilter] : []);
  const distinctValues = (e: Expr): string =>
    selectSql({ distinct: true, columns: [{ expr: cast(e, 'VARCHAR'), as: 'value' }], from: { table, as: S }, joins: [], where: [...baseWhere(), isNull(e, true)], orderBy: [lit(1)] });

  let shiftAlias: string | undefined;
  const env = (column: string): ChainEnv => ({
    column,
    hierarchies,
    dateShiftAlias(maxDays) {
      if (shiftAlias) return shiftAlias;
      const subj = needSubject('dateShift');
      const t = `${prefix}date_shift`;
      shiftAlias = 'd';
      mappings.push({ kind: 'dateShift', table: t, subjectColumn: subj, maxDays, valuesSql: distinctValues(col(S, subj)) });
      auxiliaryTables.push(t);
      joins.push({ table: t, as: shiftAlias, on: bin('=', col(shiftAlias, 'subject'), subjectText('dateShift')) });
      return shiftAlias;
    },
    tableHierarchyAlias(h, input) {
      let t = tableOf.get(h.name);
      if (!t) {
        t = `${prefix}hierarchy_${tableOf.size}`;
        tableOf.set(h.name, t);
        statements.push(...hierarchyTableSql(t, { levels: h.rows[0].length, rows: h.rows }));
        auxiliaryTables.push(t);
      }
      const alias = `h${joins.length}`;
      joins.push({ table: t, as: alias, on: bin('=', col(alias, 'value'), cast(input, 'VARCHAR')) });
      coverage.push({ column, hierarchy: h.name, input, alias });
      return alias;
    },
  });

  const decisions = spec.peculiar.decisions.filter((d) => d.table === undefined || d.table === table);
  const outputColumns: OutputColumn[] = [];
  const selectColumns: Select['columns'] = [];
  const dropped: string[] = [];

  for (const c of ctx.columns) {
    const entry = findColumn(spec, table, c.name);
    const at = entry ? ['columns', spec.columns.indexOf(entry)] : ['columns'];
    if (!entry) {
      if (ctx.unlisted === 'drop') dropped.push(c.name);
      else blockers.push(specIssue(at, 'spec.compile.unlisted', { column: c.name, table }));
      continue;
    }
    const kinds = entry.transforms.map((t) => t.kind);
    if (kinds.includes('drop')) {
      dropped.push(c.name);
      continue;
    }
    const blocker = releaseBlocker(entry);
    if (blocker) {
      blockers.push(specIssue(at, blocker, { column: c.name }));
      continue;
    }
    const raw: Typed = { expr: col(S, c.name), kind: valueKind(c.type) };
    const mine = decisions.filter((d) => d.column === c.name);
    const recordValues = [
      ...mine.filter((d) => d.action === 'suppressRecord').map((d) => d.value),
      ...entry.transforms.flatMap((t) => (t.kind === 'suppressRecord' ? t.values : [])),
    ];
    // Keep rows whose value is not listed; a NULL value is never listed (CASE, not NOT IN, keeps NULL rows).
    if (recordValues.length) where.push(caseWhen([[matchesAny(raw.expr, raw.kind, recordValues), lit(false)]], lit(true)));
    const cellValues = mine.filter((d) => d.action === 'suppressCell').map((d) => d.value);
    let v = cellValues.length ? suppressCells(raw, cellValues) : raw;

    if (kinds[0] === 'pseudonymize') {
      const tr = entry.transforms[0] as Extract<ColumnSpec['transforms'][number], { kind: 'pseudonymize' }>;
      const t = `${prefix}pseudonym_${mappings.filter((m) => m.kind === 'pseudonym').length}`;
      const alias = `p${joins.length}`;
      mappings.push({
        kind: 'pseudonym',
        table: t,
        column: c.name,
        domain: tr.domain ?? '',
        length: tr.length ?? DEFAULT_PSEUDONYM_LENGTH,
        valuesSql: distinctValues(v.expr),
      });
      auxiliaryTables.push(t);
      joins.push({ table: t, as: alias, on: bin('=', col(alias, 'value'), cast(v.expr, 'VARCHAR')) });
      v = { expr: col(alias, 'pseudonym'), kind: 'text' };
    } else {
      const e = env(c.name);
      // The first transform that cannot apply is reported; the rest of that chain would only repeat it.
      for (const [j, tr] of entry.transforms.entries()) {
        try {
          v = applyTransform(v, tr, e);
        } catch (err) {
          if (!(err instanceof TokumeiError && err.key.startsWith('spec.compile.'))) throw err;
          blockers.push(specIssue([...at, 'transforms', j], err.key, err.params));
          break;
        }
      }
    }
    selectColumns.push({ expr: v.expr, as: c.name });
    outputColumns.push({ name: c.name, source: c.name, role: entry.role, kind: v.kind, transforms: kinds });
  }

  if (blockers.length) throw new SpecError(blockers);
  if (selectColumns.length === 0) throw new TokumeiError('spec.compile.noColumns', { table });

  const select: Select = { columns: selectColumns, from: { table, as: S }, joins, where };
  const checks: CoverageCheck[] = coverage.map(({ column, hierarchy, input, alias }) => ({
    column,
    hierarchy,
    sql: selectSql({
      distinct: true,
      columns: [{ expr: cast(input, 'VARCHAR'), as: 'value' }],
      from: { table, as: S },
      joins,
      where: [...where, isNull(input, true), isNull(col(alias, 'value'))],
      orderBy: [lit(1)],
      limit: 6,
    }),
  }));
  const sql = selectSql(select);
  const excludedCountSql = listedSubject
    ? selectSql({
        columns: [
          { expr: { t: 'fn', name: 'count', args: [{ t: 'star' }] }, as: 'records' },
          { expr: { t: 'fn', name: 'count_distinct', args: [subjectText('exclusions')] }, as: 'subjects' },
        ],
        from: { table, as: S },
        joins: [],
        where: [exists(listedSubject)],
      })
    : null;

  return {
    table,
    view,
    select,
    selectSql: sql,
    viewSql: `CREATE OR REPLACE VIEW ${ident(view)} AS\n${sql}`,
    statements,
    mappings,
    checks,
    outputColumns,
    dropped,
    excludedCountSql,
    auxiliaryTables,
  };
}

/**
 * Why a column may not be released as the entry stands: direct identifiers must be dropped
 * or pseudonymized; free text must be dropped or explicitly cleared by a reviewer.
 */
export function releaseBlocker(entry: ColumnSpec): 'spec.compile.identifierKept' | 'spec.compile.freeTextBlocked' | null {
  const kinds = entry.transforms.map((t) => t.kind);
  if (kinds.includes('drop')) return null;
  if (entry.role === 'identifier' && !kinds.includes('pseudonymize')) return 'spec.compile.identifierKept';
  if (entry.freeText && !entry.cleared) return 'spec.compile.freeTextBlocked';
  return null;
}
