import { describe, expect, it } from 'vitest';
import { ScrollGeometry, revealX } from '../../../src/ui/components/grid-geometry.ts';

describe('ScrollGeometry', () => {
  it('does not scale when the rows fit under the cap', () => {
    const g = new ScrollGeometry(1000, 28, 560, 8_000_000);
    expect(g.scaled).toBe(false);
    expect(g.spacerPx).toBe(28_000);
    expect(g.virtualTop(280)).toBe(280);
    expect(g.scrollTopFor(280)).toBe(280);
  });

  it('caps the spacer for a million rows and maps the whole scroll range onto the whole row range', () => {
    const body = 700;
    const g = new ScrollGeometry(1_000_000, 28, body, 8_000_000);
    expect(g.scaled).toBe(true);
    expect(g.spacerPx).toBe(8_000_000);
    const maxScroll = g.spacerPx - body;
    expect(g.virtualTop(0)).toBe(0);
    expect(g.virtualTop(maxScroll)).toBeCloseTo(28_000_000 - body, 3);
    // The last row ends exactly at the bottom of the body at maximum scroll.
    const r = g.visibleRange(g.virtualTop(maxScroll));
    expect(r.end).toBe(1_000_000);
    const lastBottom = g.rowOffset(999_999, maxScroll, g.virtualTop(maxScroll)) + 28;
    expect(lastBottom).toBeCloseTo(maxScroll + body, 3);
  });

  it('round-trips scroll positions', () => {
    const g = new ScrollGeometry(3_000_000, 28, 640, 8_000_000);
    for (const vt of [0, 12_345.5, 40_000_000, g.maxVirtualTop]) {
      expect(g.virtualTop(g.scrollTopFor(vt))).toBeCloseTo(vt, 3);
    }
  });

  it('lists the visible rows with overscan, clamped to the table', () => {
    const g = new ScrollGeometry(100, 28, 280, 8_000_000); // 10 rows visible
    expect(g.visibleRange(0, 0)).toEqual({ start: 0, end: 10 });
    expect(g.visibleRange(14, 0)).toEqual({ start: 0, end: 11 }); // half rows at both edges
    expect(g.visibleRange(28 * 50, 5)).toEqual({ start: 45, end: 65 });
    expect(g.visibleRange(g.maxVirtualTop, 5)).toEqual({ start: 85, end: 100 });
    expect(new ScrollGeometry(0, 28, 280).visibleRange(0, 5)).toEqual({ start: 0, end: 0 });
  });

  it('positions rows so that row i shows at i*rowHeight - virtualTop in the body', () => {
    const g = new ScrollGeometry(1_000_000, 28, 700, 8_000_000);
    const scrollTop = 1_234_567;
    const vt = g.virtualTop(scrollTop);
    const i = Math.floor(vt / 28) + 3;
    expect(g.rowOffset(i, scrollTop, vt) - scrollTop).toBeCloseTo(i * 28 - vt, 6);
  });

  it('reveals a row with the smallest move, and not at all when it is visible', () => {
    const g = new ScrollGeometry(1000, 28, 280, 8_000_000);
    expect(g.reveal(5, 0)).toBe(0);
    expect(g.reveal(10, 0)).toBe(28); // row 10 becomes the last visible row
    expect(g.reveal(3, 28 * 20)).toBe(28 * 3); // above: becomes the first visible row
    expect(g.reveal(999, 0)).toBe(g.maxVirtualTop);
    const vt = g.reveal(500, 0);
    const r = g.visibleRange(vt);
    expect(500).toBeGreaterThanOrEqual(r.start);
    expect(500).toBeLessThan(r.end);
  });

  it('pages by a screenful less one row', () => {
    expect(new ScrollGeometry(1000, 28, 280).pageRows).toBe(9);
    expect(new ScrollGeometry(1000, 28, 10).pageRows).toBe(1);
  });
});

describe('revealX', () => {
  // Columns after a 60px sticky row-number column; viewport 300px wide.
  it('keeps the position when the column is fully visible', () => {
    expect(revealX(100, 200, 0, 300, 60)).toBe(0);
  });
  it('scrolls left so the column clears the sticky row numbers', () => {
    expect(revealX(160, 260, 200, 300, 60)).toBe(100);
  });
  it('scrolls right just enough to show the column end', () => {
    expect(revealX(400, 500, 0, 300, 60)).toBe(200);
  });
  it('shows the start of a column wider than the viewport', () => {
    expect(revealX(400, 1000, 0, 300, 60)).toBe(340);
  });
});
