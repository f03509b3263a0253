import type { SqlValue } from '../../core/engine.ts';

export interface GridColumn {
  name: string;
  type: string;
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC)(\s*\(\s*\d+\s*(,\s*\d+\s*)?\))?$/i;

/** Numbers are right-aligned so digits line up. */
export function isNumericType(type: string): boolean {
  return NUMERIC.test(type.trim());
}

export type CellKind = 'null' | 'number' | 'boolean' | 'text';

export function cellKind(v: SqlValue): CellKind {
  if (v === null) return 'null';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return 'text';
}

/** Text of a non-null value exactly as the engine gave it (no rounding, no grouping: IDs must stay exact). */
export function cellText(v: Exclude<SqlValue, null>): string {
  return String(v);
}

/** Full-width (CJK, kana, full-width forms) characters take about twice the width of Latin ones. */
export function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000;
    n += wide ? 2 : 1;
  }
  return n;
}

const UNIT_PX = 7.5; // one Latin character at the grid's 13px font
const CELL_PADDING_PX = 20;
const MIN_WIDTH_PX = 72;
const MAX_WIDTH_PX = 280;

function typeMinWidth(type: string): number {
  const t = type.toUpperCase();
  if (t.startsWith('TIMESTAMP')) return 168;
  if (t === 'DATE') return 104;
  if (t === 'BOOLEAN') return 72;
  if (isNumericType(t)) return 96;
  return 140;
}

/** A width that fits the header (name and type) without reading the data. */
export function columnWidth(col: GridColumn): number {
  const header = Math.max(textUnits(col.name), textUnits(col.type)) * UNIT_PX + CELL_PADDING_PX;
  return Math.round(Math.min(MAX_WIDTH_PX, Math.max(MIN_WIDTH_PX, typeMinWidth(col.type), header)));
}

/** The row-number column fits the largest row number, grouped with commas. */
export function rowNumberWidth(rowCount: number): number {
  const digits = String(Math.max(1, rowCount)).length;
  const withCommas = digits + Math.floor((digits - 1) / 3);
  return Math.round(Math.max(48, withCommas * UNIT_PX + CELL_PADDING_PX));
}

/** Left edges of each data column (after the row-number column) and the total width. */
export function columnLefts(rowNumWidth: number, widths: readonly number[]): { lefts: number[]; total: number } {
  const lefts: number[] = [];
  let x = rowNumWidth;
  for (const w of widths) {
    lefts.push(x);
    x += w;
  }
  return { lefts, total: x };
}
