/**
 * A binary min-heap that orders equal elements exactly as java.util.PriorityQueue does
 * (same sift-up on insertion, same sift-down of the last element on removal), because FLASH's
 * traversal order, and with it which of two equally good transformations ARX reports, depends
 * on it. Duplicates are allowed, as in Java.
 */
export class JavaPriorityQueue {
  private readonly heap: number[] = [];

  constructor(private readonly compare: (a: number, b: number) => number) {}

  get size(): number {
    return this.heap.length;
  }

  add(x: number): void {
    const q = this.heap;
    let k = q.length;
    q.push(x);
    while (k > 0) {
      const parent = (k - 1) >>> 1;
      const e = q[parent];
      if (this.compare(x, e) >= 0) break;
      q[k] = e;
      k = parent;
    }
    q[k] = x;
  }

  poll(): number | undefined {
    const q = this.heap;
    if (q.length === 0) return undefined;
    const result = q[0];
    const x = q.pop()!;
    const n = q.length;
    if (n > 0) {
      let k = 0;
      const half = n >>> 1;
      while (k < half) {
        let child = 2 * k + 1;
        let c = q[child];
        const right = child + 1;
        if (right < n && this.compare(c, q[right]) > 0) c = q[(child = right)];
        if (this.compare(x, c) <= 0) break;
        q[k] = c;
        k = child;
      }
      q[k] = x;
    }
    return result;
  }
}
