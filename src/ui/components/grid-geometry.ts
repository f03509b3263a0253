/**
 * Vertical geometry of the virtualized grid. Rows live in a "virtual" coordinate space
 * (row i starts at i * rowHeight); the DOM only gets a spacer of at most `maxPx`, because
 * browsers stop honouring element heights somewhere between ~17.9M px (Firefox) and
 * ~33.5M px (Chromium). When the rows need more, scroll pixels are scaled to virtual pixels.
 */
export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 44;
export const MAX_SPACER_PX = 8_000_000;

export interface RowRange {
  /** First row, inclusive. */
  start: number;
  /** Last row, exclusive. */
  end: number;
}

export class ScrollGeometry {
  /** Height all rows would need unscaled. */
  readonly contentPx: number;
  /** Height given to the DOM spacer. */
  readonly spacerPx: number;
  /** Virtual pixels per scroll pixel; 1 when nothing is scaled. */
  readonly ratio: number;
  /** Largest virtual top that still fills the body. */
  readonly maxVirtualTop: number;

  constructor(
    readonly rowCount: number,
    readonly rowHeight: number,
    readonly bodyHeight: number,
    maxPx: number = MAX_SPACER_PX,
  ) {
    this.contentPx = Math.max(0, rowCount) * rowHeight;
    this.spacerPx = Math.min(this.contentPx, maxPx);
    const body = Math.max(0, bodyHeight);
    this.maxVirtualTop = Math.max(0, this.contentPx - body);
    const maxScrollTop = Math.max(0, this.spacerPx - body);
    this.ratio = maxScrollTop > 0 && this.maxVirtualTop > maxScrollTop ? this.maxVirtualTop / maxScrollTop : 1;
  }

  get scaled(): boolean {
    return this.ratio !== 1;
  }

  /** Rows that fit in the body at once, less one so paging keeps a row of context. */
  get pageRows(): number {
    return Math.max(1, Math.floor(this.bodyHeight / this.rowHeight) - 1);
  }

  virtualTop(scrollTop: number): number {
    return clamp(scrollTop * this.ratio, 0, this.maxVirtualTop);
  }

  scrollTopFor(virtualTop: number): number {
    return clamp(virtualTop, 0, this.maxVirtualTop) / this.ratio;
  }

  /** Rows intersecting the body, widened by `overscan` rows on both sides. */
  visibleRange(virtualTop: number, overscan = 0): RowRange {
    if (this.rowCount <= 0) return { start: 0, end: 0 };
    const first = Math.floor(virtualTop / this.rowHeight);
    const last = Math.ceil((virtualTop + Math.max(0, this.bodyHeight)) / this.rowHeight);
    return {
      start: clamp(first - overscan, 0, this.rowCount),
      end: clamp(last + overscan, 0, this.rowCount),
    };
  }

  /** Top of row `index` inside the spacer, so that it shows at (index*rowHeight - virtualTop) in the body. */
  rowOffset(index: number, scrollTop: number, virtualTop: number): number {
    return scrollTop + index * this.rowHeight - virtualTop;
  }

  /** The nearest virtual top that shows row `index` entirely (unchanged if it already does). */
  reveal(index: number, virtualTop: number): number {
    const top = index * this.rowHeight;
    const bottom = top + this.rowHeight;
    let vt = virtualTop;
    if (top < vt) vt = top;
    else if (bottom > vt + this.bodyHeight) vt = bottom - this.bodyHeight;
    return clamp(vt, 0, this.maxVirtualTop);
  }
}

/**
 * The nearest horizontal scroll position that shows the span [left, right) of the content,
 * given that `stickyLeft` pixels at the left edge are covered by the sticky row-number column.
 */
export function revealX(left: number, right: number, scrollLeft: number, viewWidth: number, stickyLeft: number): number {
  if (left - stickyLeft < scrollLeft) return Math.max(0, left - stickyLeft);
  if (right > scrollLeft + viewWidth) return Math.max(0, Math.min(left - stickyLeft, right - viewWidth));
  return scrollLeft;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
