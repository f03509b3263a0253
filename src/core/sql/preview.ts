import { ident, num } from './quote.ts';

/** The query a console opens with for a table: its first rows. */
export function previewQuery(table: string, limit = 100): string {
  return `SELECT * FROM ${ident(table)} LIMIT ${num(limit)}`;
}
