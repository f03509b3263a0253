import { Type, type DataType, type Table } from 'apache-arrow';
import type { SqlRow, SqlValue } from './engine.ts';
import { normalizeValue } from './values.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Dates and timestamps as DuckDB renders them as text, so the grid shows 2024-04-01, not epoch milliseconds. */
function temporal(type: DataType): ((v: unknown) => SqlValue) | null {
  if (type.typeId === Type.Date) {
    return (v) => {
      if (v === null || v === undefined) return null;
      const d = new Date(Number(v));
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    };
  }
  if (type.typeId === Type.Timestamp) {
    return (v) => {
      if (v === null || v === undefined) return null;
      const d = new Date(Number(v));
      const ms = d.getUTCMilliseconds();
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`;
    };
  }
  return null;
}

function converters(table: Table): ((v: unknown) => SqlValue)[] {
  return table.schema.fields.map((f) => temporal(f.type) ?? normalizeValue);
}

/** Arrow result → plain rows (objects), normalised exactly like the native adapter's values. */
export function arrowToRows(table: Table): SqlRow[] {
  const names = table.schema.fields.map((f) => f.name);
  const conv = converters(table);
  const cols = names.map((_, i) => table.getChildAt(i));
  const out: SqlRow[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: SqlRow = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = conv[c](cols[c]?.get(r));
    out[r] = row;
  }
  return out;
}

/** Arrow result → rows as arrays in column order (what the grid and console show). */
export function arrowToRowArrays(table: Table): SqlValue[][] {
  const conv = converters(table);
  const cols = table.schema.fields.map((_, i) => table.getChildAt(i));
  const out: SqlValue[][] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) out[r] = cols.map((v, c) => conv[c](v?.get(r)));
  return out;
}
