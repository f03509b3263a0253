import type { SqlEngine, SqlValue } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident, num, str } from '../sql/quote.ts';
import { DETAIL, gridValueSql, REASON, removedQiAlias, ROW, type PreviewSession } from './session.ts';
import { REMOVAL_REASONS, type RemovedFilter } from './types.ts';

/**
 * The removed-records grid: the removed records with their source values (identifiers included:
 * this grid is for the producer's own screen and never part of a release), why each went, and the
 * released quasi-identifiers that put it in a class below k. Pages are in source order.
 */

function whereSql(session: PreviewSession, filter: RemovedFilter): string {
  const parts: string[] = [];
  if (filter.reason) {
    if (!REMOVAL_REASONS.includes(filter.reason)) throw new TokumeiError('uiPreview.error.filter');
    parts.push(`${ident('o')}.${ident(REASON)} = ${str(filter.reason)}`);
  }
  const value = filter.value ?? '';
  if (filter.column && value !== '') {
    if (!session.sourceTypes.has(filter.column)) throw new TokumeiError('uiPreview.error.noColumn', { column: filter.column });
    const text = `CAST(${ident('s')}.${ident(filter.column)} AS VARCHAR)`;
    parts.push(filter.op === 'equals' ? `${text} = ${str(value)}` : `contains(lower(${text}), lower(${str(value)}))`);
  }
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

const fromSql = (session: PreviewSession) =>
  `FROM ${ident(session.removed)} AS ${ident('o')} JOIN ${ident(session.table)} AS ${ident('s')} ON ${ident('s')}.rowid = ${ident('o')}.${ident(ROW)}`;

export async function countRemoved(engine: SqlEngine, session: PreviewSession, filter: RemovedFilter = {}): Promise<number> {
  const [{ n }] = await engine.rows(`SELECT count(*) AS n ${fromSql(session)} ${whereSql(session, filter)}`);
  return Number(n);
}

/** Rows [offset, offset + limit) of the filtered removed records, as arrays in `summary.gridColumns` order. */
export async function removedPage(engine: SqlEngine, session: PreviewSession, filter: RemovedFilter, offset: number, limit: number): Promise<SqlValue[][]> {
  let q = 0;
  const cols = session.summary.gridColumns.map((c, i) => {
    const as = ident(`c${i}`);
    switch (c.kind) {
      case 'reason':
        return `${ident('o')}.${ident(REASON)} AS ${as}`;
      case 'detail':
        return `${ident('o')}.${ident(DETAIL)} AS ${as}`;
      case 'source':
        return `${gridValueSql('s', c.column!, session.sourceTypes.get(c.column!)!)} AS ${as}`;
      case 'released':
        return `${ident('o')}.${ident(removedQiAlias(q++))} AS ${as}`;
    }
  });
  const rows = await engine.rows(
    `SELECT ${cols.join(', ')} ${fromSql(session)} ${whereSql(session, filter)} ORDER BY ${ident('o')}.${ident(ROW)} ` +
      `LIMIT ${num(Math.max(0, Math.floor(limit)))} OFFSET ${num(Math.max(0, Math.floor(offset)))}`,
  );
  const n = session.summary.gridColumns.length;
  return rows.map((r) => Array.from({ length: n }, (_, i) => r[`c${i}`]));
}
