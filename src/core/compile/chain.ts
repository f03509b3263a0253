import { TokumeiError } from '../errors.ts';
import type { HierarchySpec, Transform } from '../spec/schema.ts';
import { bin, cast, caseWhen, col, dateLit, fn, inList, lit, type Expr } from './ast.ts';
import { decimals, ruleLabel } from './hierarchy-expr.ts';
import { isDateLike, isNumeric, type ValueKind } from './value-kind.ts';

export interface Typed {
  expr: Expr;
  kind: ValueKind;
}

/** What the chain needs from the compiler: hierarchies by name, and joins it may ask for. */
export interface ChainEnv {
  column: string;
  hierarchies: ReadonlyMap<string, HierarchySpec>;
  /** Alias of the date-shift table's join (days per subject), or throws if there is no subject. */
  dateShiftAlias(maxDays: number): string;
  /** Joins the explicit hierarchy's mapping table on `input` and returns the join alias. */
  tableHierarchyAlias(h: Extract<HierarchySpec, { kind: 'table' }>, input: Expr): string;
}

const mismatch = (column: string, transform: string, kind: ValueKind, expected: 'number' | 'date') =>
  new TokumeiError(expected === 'number' ? 'spec.compile.needsNumber' : 'spec.compile.needsDate', { column, transform, type: kind });

/**
 * Whether `x` equals one of `values`: numbers compare as numbers with numeric columns,
 * anything else compares as text (DuckDB's VARCHAR form: dates as YYYY-MM-DD).
 */
export function matchesAny(x: Expr, kind: ValueKind, values: readonly (string | number)[]): Expr {
  const numeric = isNumeric(kind) ? values.filter((v): v is number => typeof v === 'number') : [];
  const textual = values.filter((v) => !numeric.includes(v as number)).map((v) => lit(String(v)));
  const parts: Expr[] = [];
  if (numeric.length) parts.push(inList(x, numeric.map(lit)));
  // Always compare text as VARCHAR: a 'text' kind may also be a UUID, TIME or ENUM column, where a bare literal would be cast to that type.
  if (textual.length) parts.push(inList(cast(x, 'VARCHAR'), textual));
  return parts.reduce((a, b) => bin('OR', a, b));
}

/** NULL when the value is listed, the value otherwise. */
export function suppressCells(v: Typed, values: readonly (string | number)[]): Typed {
  return { expr: caseWhen([[matchesAny(v.expr, v.kind, values), lit(null)]], v.expr), kind: v.kind };
}

/** Applies one transform (not drop/pseudonymize/suppressRecord, which act on the whole column or row). */
export function applyTransform(v: Typed, tr: Transform, env: ChainEnv): Typed {
  switch (tr.kind) {
    case 'generalize': {
      if (tr.level === 0) return v;
      const h = env.hierarchies.get(tr.hierarchy)!;
      if (h.kind === 'table') {
        const alias = env.tableHierarchyAlias(h, v.expr);
        return { expr: col(alias, `l${tr.level}`), kind: 'text' };
      }
      if (h.kind === 'interval' && !isNumeric(v.kind)) throw mismatch(env.column, `generalize(${h.name})`, v.kind, 'number');
      if ((h.kind === 'age' || h.kind === 'date') && !isDateLike(v.kind)) {
        throw mismatch(env.column, `generalize(${h.name})`, v.kind, 'date');
      }
      return { expr: ruleLabel(h, v.expr, tr.level, v.kind === 'integer'), kind: 'text' };
    }
    case 'topCode':
    case 'bottomCode':
      return code(v, tr, env.column);
    case 'round': {
      if (!isNumeric(v.kind)) throw mismatch(env.column, 'round', v.kind, 'number');
      const rounded = fn('round', bin('*', fn('round', bin('/', cast(v.expr, 'DOUBLE'), lit(tr.to))), lit(tr.to)), lit(decimals(tr.to)));
      return v.kind === 'integer' && Number.isInteger(tr.to) ? { expr: cast(rounded, 'BIGINT'), kind: 'integer' } : { expr: rounded, kind: 'float' };
    }
    case 'dateShift': {
      if (v.kind === 'timestamptz') throw new TokumeiError('spec.compile.timestamptz', { column: env.column });
      if (!isDateLike(v.kind)) throw mismatch(env.column, 'dateShift', v.kind, 'date');
      const days = col(env.dateShiftAlias(tr.maxDays), 'days');
      return { expr: bin('+', v.expr, v.kind === 'date' ? days : fn('to_days', days)), kind: v.kind };
    }
    case 'suppressCell':
      return suppressCells(v, tr.values);
    case 'suppressRecord':
      return v;
    case 'drop':
    case 'pseudonymize':
      throw new Error(`${tr.kind} is handled by the compiler, not the chain`);
  }
}

function code(v: Typed, tr: Extract<Transform, { kind: 'topCode' | 'bottomCode' }>, column: string): Typed {
  let at: Expr;
  if (typeof tr.at === 'number') {
    if (!isNumeric(v.kind)) throw mismatch(column, tr.kind, v.kind, 'number');
    at = lit(tr.at);
  } else {
    if (!isDateLike(v.kind)) throw mismatch(column, tr.kind, v.kind, 'date');
    at = v.kind === 'timestamp' ? cast(dateLit(tr.at), 'TIMESTAMP') : dateLit(tr.at);
  }
  const beyond = bin(tr.kind === 'topCode' ? '>=' : '<', v.expr, at);
  if (tr.label !== undefined) return { expr: caseWhen([[beyond, lit(tr.label)]], cast(v.expr, 'VARCHAR')), kind: 'text' };
  const kind = v.kind === 'integer' && typeof tr.at === 'number' && !Number.isInteger(tr.at) ? 'float' : v.kind;
  return { expr: caseWhen([[beyond, at]], v.expr), kind };
}
