/**
 * Keyboard movement of the grid's active cell (WAI-ARIA data grid pattern).
 * row -1 is the header row; data rows are 0..rowCount-1; col is a data column index.
 */
export interface CellPos {
  row: number;
  col: number;
}

export interface GridExtent {
  rowCount: number;
  colCount: number;
  /** Rows moved by PageUp/PageDown. */
  pageRows: number;
}

/** The new active cell for a key press, or null when the key is not a grid movement. */
export function moveCell(pos: CellPos, key: string, ctrl: boolean, ext: GridExtent): CellPos | null {
  if (ext.colCount <= 0) return null;
  const lastRow = ext.rowCount - 1; // -1 when there are no rows: only the header remains
  const lastCol = ext.colCount - 1;
  const row = (r: number) => Math.max(-1, Math.min(lastRow, r));
  const col = (c: number) => Math.max(0, Math.min(lastCol, c));
  const dataRow = (r: number) => (lastRow < 0 ? -1 : Math.max(0, Math.min(lastRow, r)));
  switch (key) {
    case 'ArrowUp':
      return { row: row(pos.row - 1), col: pos.col };
    case 'ArrowDown':
      return { row: row(pos.row + 1), col: pos.col };
    case 'ArrowLeft':
      return { row: pos.row, col: col(pos.col - 1) };
    case 'ArrowRight':
      return { row: pos.row, col: col(pos.col + 1) };
    case 'PageUp':
      // Paging stays in the data; the header is one ArrowUp away from row 0.
      return { row: pos.row < 0 ? -1 : dataRow(pos.row - ext.pageRows), col: pos.col };
    case 'PageDown':
      return { row: dataRow(pos.row + ext.pageRows), col: pos.col };
    case 'Home':
      return ctrl ? { row: dataRow(0), col: 0 } : { row: pos.row, col: 0 };
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : { row: pos.row, col: lastCol };
    default:
      return null;
  }
}

/** Keep the active cell inside the grid when the data shrinks or changes. */
export function clampCell(pos: CellPos, rowCount: number, colCount: number): CellPos {
  return {
    row: Math.max(-1, Math.min(rowCount - 1, pos.row)),
    col: Math.max(0, Math.min(Math.max(0, colCount - 1), pos.col)),
  };
}
