import { formatCount } from './format.ts';

/** `列=件数` for the columns that lost cells, for the one-line summaries of apply and risk. */
export function cellColumns(byColumn: Readonly<Record<string, number>>): string {
  return Object.entries(byColumn)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c}=${formatCount(n)}`)
    .join(', ');
}
