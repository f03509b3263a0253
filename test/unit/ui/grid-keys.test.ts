import { describe, expect, it } from 'vitest';
import { clampCell, moveCell } from '../../../src/ui/components/grid-keys.ts';

const ext = { rowCount: 1_000_000, colCount: 11, pageRows: 20 };
const at = (row: number, col: number) => ({ row, col });

describe('moveCell', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(moveCell(at(5, 5), 'ArrowDown', false, ext)).toEqual(at(6, 5));
    expect(moveCell(at(5, 5), 'ArrowUp', false, ext)).toEqual(at(4, 5));
    expect(moveCell(at(5, 5), 'ArrowLeft', false, ext)).toEqual(at(5, 4));
    expect(moveCell(at(5, 5), 'ArrowRight', false, ext)).toEqual(at(5, 6));
    expect(moveCell(at(5, 0), 'ArrowLeft', false, ext)).toEqual(at(5, 0));
    expect(moveCell(at(5, 10), 'ArrowRight', false, ext)).toEqual(at(5, 10));
    expect(moveCell(at(999_999, 3), 'ArrowDown', false, ext)).toEqual(at(999_999, 3));
  });

  it('reaches the header row (-1) from the first row, and no further', () => {
    expect(moveCell(at(0, 2), 'ArrowUp', false, ext)).toEqual(at(-1, 2));
    expect(moveCell(at(-1, 2), 'ArrowUp', false, ext)).toEqual(at(-1, 2));
    expect(moveCell(at(-1, 2), 'ArrowDown', false, ext)).toEqual(at(0, 2));
  });

  it('pages within the data', () => {
    expect(moveCell(at(5, 1), 'PageDown', false, ext)).toEqual(at(25, 1));
    expect(moveCell(at(999_990, 1), 'PageDown', false, ext)).toEqual(at(999_999, 1));
    expect(moveCell(at(30, 1), 'PageUp', false, ext)).toEqual(at(10, 1));
    expect(moveCell(at(5, 1), 'PageUp', false, ext)).toEqual(at(0, 1));
    expect(moveCell(at(-1, 1), 'PageDown', false, ext)).toEqual(at(19, 1));
    expect(moveCell(at(-1, 1), 'PageUp', false, ext)).toEqual(at(-1, 1));
  });

  it('Home/End move within the row; with Ctrl to the first/last cell of the grid', () => {
    expect(moveCell(at(7, 5), 'Home', false, ext)).toEqual(at(7, 0));
    expect(moveCell(at(7, 5), 'End', false, ext)).toEqual(at(7, 10));
    expect(moveCell(at(7, 5), 'Home', true, ext)).toEqual(at(0, 0));
    expect(moveCell(at(7, 5), 'End', true, ext)).toEqual(at(999_999, 10));
  });

  it('ignores other keys and grids without columns', () => {
    expect(moveCell(at(1, 1), 'a', false, ext)).toBeNull();
    expect(moveCell(at(1, 1), 'Enter', false, ext)).toBeNull();
    expect(moveCell(at(0, 0), 'ArrowDown', false, { ...ext, colCount: 0 })).toBeNull();
  });

  it('with no rows only the header is reachable', () => {
    const empty = { rowCount: 0, colCount: 3, pageRows: 20 };
    expect(moveCell(at(-1, 0), 'ArrowDown', false, empty)).toEqual(at(-1, 0));
    expect(moveCell(at(-1, 0), 'PageDown', false, empty)).toEqual(at(-1, 0));
    expect(moveCell(at(-1, 1), 'End', true, empty)).toEqual(at(-1, 2));
    expect(moveCell(at(-1, 1), 'Home', true, empty)).toEqual(at(-1, 0));
  });
});

describe('clampCell', () => {
  it('pulls the active cell back inside a smaller grid', () => {
    expect(clampCell(at(500, 9), 100, 4)).toEqual(at(99, 3));
    expect(clampCell(at(5, 2), 0, 4)).toEqual(at(-1, 2));
    expect(clampCell(at(5, 2), 10, 0)).toEqual(at(5, 0));
  });
});
