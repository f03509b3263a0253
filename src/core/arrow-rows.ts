import type { Table } from 'apache-arrow';
import type { SqlRow } from './engine.ts';
import { normalizeValue } from './values.ts';

/** Arrow result → plain rows, normalised exactly like the native adapter's values. */
export function arrowToRows(table: Table): SqlRow[] {
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((_, i) => table.getChildAt(i));
  const out: SqlRow[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: SqlRow = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = normalizeValue(cols[c]?.get(r));
    out[r] = row;
  }
  return out;
}
