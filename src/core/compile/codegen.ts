import { ident, literal, num, str } from '../sql/quote.ts';
import type { Expr, Select } from './ast.ts';

/**
 * DuckDB text for the AST. Binary operations are always parenthesised (no precedence
 * surprises), and only portable constructs are used (substr, floor on DOUBLE, explicit
 * casts; no QUALIFY / EXCLUDE), so another dialect would only need another codegen.
 */
export function exprSql(e: Expr): string {
  switch (e.t) {
    case 'col':
      return `${ident(e.rel)}.${ident(e.name)}`;
    case 'lit':
      return literal(e.value);
    case 'date':
      if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(e.value)) throw new Error(`not an ISO date: ${e.value}`);
      return `DATE ${str(e.value)}`;
    case 'star':
      return '*';
    case 'fn':
      if (e.name === 'count_distinct') return `count(DISTINCT ${e.args.map(exprSql).join(', ')})`;
      return `${e.name}(${e.args.map(exprSql).join(', ')})`;
    case 'cast':
      return `CAST(${exprSql(e.expr)} AS ${e.type})`;
    case 'bin':
      return `(${exprSql(e.left)} ${e.op} ${exprSql(e.right)})`;
    case 'not':
      return `(NOT ${exprSql(e.expr)})`;
    case 'isNull':
      return `(${exprSql(e.expr)} IS ${e.negate ? 'NOT ' : ''}NULL)`;
    case 'case': {
      const whens = e.whens.map(([w, th]) => ` WHEN ${exprSql(w)} THEN ${exprSql(th)}`).join('');
      return `(CASE${whens}${e.else ? ` ELSE ${exprSql(e.else)}` : ''} END)`;
    }
    case 'in':
      return `(${exprSql(e.expr)} IN (${e.list.map(exprSql).join(', ')}))`;
    case 'exists':
      return `(${e.negate ? 'NOT ' : ''}EXISTS (${selectSql(e.query)}))`;
  }
}

export function selectSql(s: Select): string {
  if (s.columns.length === 0) throw new Error('a SELECT needs at least one column');
  const cols = s.columns.map((c) => `${exprSql(c.expr)} AS ${ident(c.as)}`).join(', ');
  const parts = [`SELECT ${s.distinct ? 'DISTINCT ' : ''}${cols}`, `FROM ${ident(s.from.table)} AS ${ident(s.from.as)}`];
  for (const j of s.joins) parts.push(`LEFT JOIN ${ident(j.table)} AS ${ident(j.as)} ON ${exprSql(j.on)}`);
  if (s.where.length) parts.push(`WHERE ${s.where.map(exprSql).join(' AND ')}`);
  if (s.orderBy?.length) parts.push(`ORDER BY ${s.orderBy.map(exprSql).join(', ')}`);
  if (s.limit !== undefined) parts.push(`LIMIT ${num(s.limit)}`);
  return parts.join('\n');
}
