/**
 * A small SQL AST for what the compiler emits (in the manner of Mosaic's sql package):
 * nodes are plain data, and codegen.ts is the only code that turns them into text, with
 * every identifier and literal escaped by sql/quote.ts. Function names and types are a
 * closed list, so no user text can ever become SQL syntax.
 */
export type SqlType = 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'INTEGER' | 'DATE' | 'TIMESTAMP';

export type FnName =
  | 'floor'
  | 'round'
  | 'substr'
  | 'strftime'
  | 'year'
  | 'month'
  | 'day'
  | 'quarter'
  | 'regexp_replace'
  | 'translate'
  | 'repeat'
  | 'greatest'
  | 'length'
  | 'to_days'
  | 'count'
  | 'count_distinct';

export type BinOp = '+' | '-' | '*' | '/' | '||' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';

export type Expr =
  | { t: 'col'; rel: string; name: string }
  | { t: 'lit'; value: string | number | boolean | null }
  | { t: 'date'; value: string }
  | { t: 'star' }
  | { t: 'fn'; name: FnName; args: Expr[] }
  | { t: 'cast'; expr: Expr; type: SqlType }
  | { t: 'bin'; op: BinOp; left: Expr; right: Expr }
  | { t: 'not'; expr: Expr }
  | { t: 'isNull'; expr: Expr; negate: boolean }
  | { t: 'case'; whens: [Expr, Expr][]; else: Expr | null }
  | { t: 'in'; expr: Expr; list: Expr[] }
  | { t: 'exists'; query: Select; negate: boolean };

export interface Join {
  table: string;
  as: string;
  on: Expr;
}

export interface Select {
  distinct?: boolean;
  columns: { expr: Expr; as: string }[];
  from: { table: string; as: string };
  joins: Join[];
  where: Expr[];
  orderBy?: Expr[];
  limit?: number;
}

export const col = (rel: string, name: string): Expr => ({ t: 'col', rel, name });
export const lit = (value: string | number | boolean | null): Expr => ({ t: 'lit', value });
export const dateLit = (value: string): Expr => ({ t: 'date', value });
export const fn = (name: FnName, ...args: Expr[]): Expr => ({ t: 'fn', name, args });
export const cast = (expr: Expr, type: SqlType): Expr => ({ t: 'cast', expr, type });
export const bin = (op: BinOp, left: Expr, right: Expr): Expr => ({ t: 'bin', op, left, right });
export const not = (expr: Expr): Expr => ({ t: 'not', expr });
export const isNull = (expr: Expr, negate = false): Expr => ({ t: 'isNull', expr, negate });
export const caseWhen = (whens: [Expr, Expr][], otherwise: Expr | null = null): Expr => ({ t: 'case', whens, else: otherwise });
export const inList = (expr: Expr, list: Expr[]): Expr => ({ t: 'in', expr, list });
export const exists = (query: Select, negate = false): Expr => ({ t: 'exists', query, negate });
export const and = (...parts: Expr[]): Expr => parts.reduce((a, b) => bin('AND', a, b));
export const or = (...parts: Expr[]): Expr => parts.reduce((a, b) => bin('OR', a, b));

/** Every column reference in an expression or query, for checks such as "no identifier is selected". */
export function columnRefs(node: Expr | Select): { rel: string; name: string }[] {
  const out: { rel: string; name: string }[] = [];
  const visit = (e: Expr): void => {
    switch (e.t) {
      case 'col':
        out.push({ rel: e.rel, name: e.name });
        return;
      case 'fn':
        return e.args.forEach(visit);
      case 'cast':
      case 'not':
      case 'isNull':
        return visit(e.expr);
      case 'bin':
        visit(e.left);
        return visit(e.right);
      case 'case':
        e.whens.forEach(([w, th]) => (visit(w), visit(th)));
        if (e.else) visit(e.else);
        return;
      case 'in':
        visit(e.expr);
        return e.list.forEach(visit);
      case 'exists':
        return visitSelect(e.query);
      default:
        return;
    }
  };
  const visitSelect = (s: Select): void => {
    s.columns.forEach((c) => visit(c.expr));
    s.joins.forEach((j) => visit(j.on));
    s.where.forEach(visit);
    s.orderBy?.forEach(visit);
  };
  if ('t' in node) visit(node);
  else visitSelect(node);
  return out;
}
