import type { SqlValue } from '../../core/engine.ts';

export type FetchPage = (offset: number, limit: number) => Promise<SqlValue[][]>;

/**
 * Pages of grid rows fetched on demand. Only the pages the grid currently wants are
 * requested; answers that arrive after the grid has scrolled elsewhere, or after the data
 * source changed, are dropped, so a fast scroll through a million rows never floods the
 * worker nor shows rows of an earlier query.
 */
export class PageCache {
  private pages = new Map<number, SqlValue[][]>(); // insertion order = least recently used first
  private inflight = new Set<number>();
  private failed = new Set<number>();
  private wanted = new Set<number>();
  private generation = 0;
  private fetchPage: FetchPage;
  private rowCount: number;
  /** The last failure, until a reset or retry. */
  error: unknown = null;

  constructor(
    fetchPage: FetchPage,
    rowCount: number,
    private readonly onChange: () => void,
    readonly pageSize = 100,
    readonly maxPages = 12,
    readonly maxConcurrent = 2,
  ) {
    this.fetchPage = fetchPage;
    this.rowCount = rowCount;
  }

  /** A new data source: forget everything, and let answers still under way fall on the floor. */
  reset(fetchPage: FetchPage, rowCount: number): void {
    this.generation++;
    this.fetchPage = fetchPage;
    this.rowCount = rowCount;
    this.pages.clear();
    this.inflight.clear();
    this.failed.clear();
    this.wanted.clear();
    this.error = null;
  }

  /** The row if its page is here; undefined while it is still coming. */
  row(index: number): SqlValue[] | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  /** Say which rows [start, end) are needed now; fetches what is missing. */
  want(start: number, end: number): void {
    this.wanted.clear();
    const last = Math.min(end, this.rowCount);
    if (last > start) {
      for (let p = Math.floor(start / this.pageSize); p <= Math.floor((last - 1) / this.pageSize); p++) {
        this.wanted.add(p);
        const page = this.pages.get(p);
        if (page) {
          this.pages.delete(p); // refresh its place in the LRU order
          this.pages.set(p, page);
        }
      }
    }
    this.pump();
  }

  /** Try failed pages again. */
  retry(): void {
    this.failed.clear();
    this.error = null;
    this.onChange();
    this.pump();
  }

  get pending(): number {
    return this.inflight.size;
  }

  private pump(): void {
    for (const p of this.wanted) {
      if (this.inflight.size >= this.maxConcurrent) return;
      if (this.pages.has(p) || this.inflight.has(p) || this.failed.has(p)) continue;
      this.load(p);
    }
  }

  private load(p: number): void {
    const gen = this.generation;
    const offset = p * this.pageSize;
    const limit = Math.min(this.pageSize, this.rowCount - offset);
    this.inflight.add(p);
    let request: Promise<SqlValue[][]>;
    try {
      request = Promise.resolve(this.fetchPage(offset, limit));
    } catch (e) {
      request = Promise.reject(e);
    }
    request.then(
      (rows) => {
        if (gen !== this.generation) return;
        this.inflight.delete(p);
        if (this.wanted.has(p)) {
          this.pages.set(p, rows);
          this.evict();
          this.onChange();
        }
        this.pump();
      },
      (e: unknown) => {
        if (gen !== this.generation) return;
        this.inflight.delete(p);
        this.failed.add(p);
        this.error = e;
        this.onChange();
        this.pump();
      },
    );
  }

  private evict(): void {
    for (const p of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) return;
      if (!this.wanted.has(p)) this.pages.delete(p);
    }
  }
}
