import { describe, expect, it } from 'vitest';
import type { SqlValue } from '../../../src/core/engine.ts';
import { PageCache } from '../../../src/ui/components/page-cache.ts';

/** A fetchPage whose answers the test releases by hand, to control arrival order. */
function controlledSource(tag = 'a') {
  const calls: { offset: number; limit: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const fetchPage = (offset: number, limit: number) =>
    new Promise<SqlValue[][]>((res, rej) => {
      const rows = Array.from({ length: limit }, (_, i) => [`${tag}${offset + i}`]);
      calls.push({ offset, limit, resolve: () => res(rows), reject: rej });
    });
  return { calls, fetchPage };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PageCache', () => {
  it('fetches only the pages covering the wanted rows, with the right limits', async () => {
    const src = controlledSource();
    const cache = new PageCache(src.fetchPage, 250, () => {}, 100, 10, 4);
    cache.want(150, 260);
    expect(src.calls.map((c) => [c.offset, c.limit])).toEqual([
      [100, 100],
      [200, 50], // the last page is short
    ]);
  });

  it('serves rows once their page arrives and notifies', async () => {
    const src = controlledSource();
    let changes = 0;
    const cache = new PageCache(src.fetchPage, 1000, () => changes++, 100);
    cache.want(0, 30);
    expect(cache.row(5)).toBeUndefined();
    src.calls[0].resolve();
    await settle();
    expect(cache.row(5)).toEqual(['a5']);
    expect(cache.row(99)).toEqual(['a99']);
    expect(cache.row(100)).toBeUndefined();
    expect(changes).toBe(1);
  });

  it('does not ask twice for a page already on its way or cached', async () => {
    const src = controlledSource();
    const cache = new PageCache(src.fetchPage, 1000, () => {}, 100);
    cache.want(0, 30);
    cache.want(10, 40);
    expect(src.calls).toHaveLength(1);
    src.calls[0].resolve();
    await settle();
    cache.want(20, 50);
    expect(src.calls).toHaveLength(1);
  });

  it('limits concurrent requests and continues with what is wanted now', async () => {
    const src = controlledSource();
    const cache = new PageCache(src.fetchPage, 10_000, () => {}, 100, 12, 2);
    cache.want(0, 500); // pages 0..4
    expect(src.calls.map((c) => c.offset)).toEqual([0, 100]);
    cache.want(5000, 5050); // scrolled far away before anything arrived
    src.calls[0].resolve();
    await settle();
    // The freed slot goes to the page wanted now, not to pages 2..4 of the old position.
    expect(src.calls.map((c) => c.offset)).toEqual([0, 100, 5000]);
  });

  it('drops answers for pages no longer wanted', async () => {
    const src = controlledSource();
    const cache = new PageCache(src.fetchPage, 10_000, () => {}, 100);
    cache.want(0, 50);
    cache.want(5000, 5050);
    src.calls[0].resolve();
    await settle();
    expect(cache.row(0)).toBeUndefined();
  });

  it('ignores answers from before a reset (a new query or table)', async () => {
    const old = controlledSource('old');
    const fresh = controlledSource('new');
    const cache = new PageCache(old.fetchPage, 1000, () => {}, 100);
    cache.want(0, 30);
    cache.reset(fresh.fetchPage, 1000);
    cache.want(0, 30);
    fresh.calls[0].resolve();
    await settle();
    old.calls[0].resolve();
    await settle();
    expect(cache.row(0)).toEqual(['new0']);
  });

  it('evicts the least recently used pages beyond its capacity, never a wanted one', async () => {
    const src = controlledSource();
    const cache = new PageCache(src.fetchPage, 100_000, () => {}, 100, 3, 4);
    for (const start of [0, 1000, 2000, 3000]) {
      cache.want(start, start + 10);
      src.calls.at(-1)!.resolve();
      await settle();
    }
    expect(cache.row(0)).toBeUndefined(); // oldest went first
    expect(cache.row(1000)).toEqual(['a1000']);
    expect(cache.row(3000)).toEqual(['a3000']);
    cache.want(1000, 1010); // touch page 10
    cache.want(4000, 4010);
    src.calls.at(-1)!.resolve();
    await settle();
    // Touching page 10 made page 20 the least recently used one.
    expect(cache.row(2000)).toBeUndefined();
    expect(cache.row(1000)).toEqual(['a1000']);
    expect(cache.row(3000)).toEqual(['a3000']);
    expect(cache.row(4000)).toEqual(['a4000']);
  });

  it('keeps an error until retry, without hammering the source', async () => {
    const src = controlledSource();
    let changes = 0;
    const cache = new PageCache(src.fetchPage, 1000, () => changes++, 100);
    cache.want(0, 30);
    src.calls[0].reject(new Error('worker gone'));
    await settle();
    expect((cache.error as Error).message).toBe('worker gone');
    cache.want(0, 30);
    expect(src.calls).toHaveLength(1);
    cache.retry();
    expect(cache.error).toBeNull();
    expect(src.calls).toHaveLength(2);
    src.calls[1].resolve();
    await settle();
    expect(cache.row(0)).toEqual(['a0']);
  });

  it('turns a synchronous throw of fetchPage into an error, not a crash', async () => {
    const cache = new PageCache(() => { throw new Error('boom'); }, 10, () => {}, 100);
    cache.want(0, 10);
    await settle();
    expect((cache.error as Error).message).toBe('boom');
  });
});
