import { describe, expect, it } from 'vitest';
import { latestOnly, PairedPages } from '../../../src/lib/spec-client.ts';
import type { PreviewPage } from '../../../workers/engine/spec-preview.ts';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('latestOnly', () => {
  it('runs the first call and the last one of a burst, and says the ones in between were overtaken', async () => {
    const started: number[] = [];
    const gates = new Map<number, ReturnType<typeof deferred<number>>>();
    const run = latestOnly((n: number) => {
      started.push(n);
      const d = deferred<number>();
      gates.set(n, d);
      return d.promise;
    });
    const a = run(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1]);
    const b = run(2);
    const c = run(3);
    gates.get(1)!.resolve(10);
    expect(await a).toBeUndefined(); // overtaken while it ran
    expect(await b).toBeUndefined(); // never ran
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 3]);
    gates.get(3)!.resolve(30);
    expect(await c).toBe(30);
  });

  it('runs only the last of calls made at once', async () => {
    const started: number[] = [];
    const run = latestOnly(async (n: number) => (started.push(n), n));
    const all = await Promise.all([run(1), run(2), run(3)]);
    expect(all).toEqual([undefined, undefined, 3]);
    expect(started).toEqual([3]);
  });

  it('passes errors of the latest call on, and keeps working after them', async () => {
    const run = latestOnly(async (n: number) => {
      if (n < 0) throw new Error('negative');
      return n * 2;
    });
    await expect(run(-1)).rejects.toThrow('negative');
    expect(await run(4)).toBe(8);
  });
});

describe('PairedPages', () => {
  const page: PreviewPage = { before: [['P1', '山田'], ['P2', '佐藤'], ['P3', '鈴木']], after: [['a1'], null, ['a3']] };

  it('asks the worker once per page for both grids', async () => {
    const asked: string[] = [];
    const pages = new PairedPages(async (o, l) => (asked.push(`${o}:${l}`), page), 1);
    const [before, after] = await Promise.all([pages.before(0, 3), pages.after(0, 3)]);
    expect(asked).toEqual(['0:3']);
    expect(before).toEqual(page.before);
    expect(after).toEqual([['a1'], [null], ['a3']]);
  });

  it('marks removed records in a status column when asked to', async () => {
    const pages = new PairedPages(async () => page, 1, { kept: '', removed: '削除' });
    expect(await pages.after(0, 3)).toEqual([['', 'a1'], ['削除', null], ['', 'a3']]);
  });

  it('forgets a failed page so the grid can retry it, and keeps only a few pages', async () => {
    let calls = 0;
    const pages = new PairedPages(async (o) => {
      calls++;
      if (calls === 1) throw new Error('busy');
      return { before: [[o]], after: [[o]] };
    }, 1, undefined, 2);
    await expect(pages.before(0, 1)).rejects.toThrow('busy');
    expect(await pages.before(0, 1)).toEqual([[0]]);
    await pages.before(1, 1);
    await pages.before(2, 1);
    await pages.before(0, 1); // evicted, fetched again
    expect(calls).toBe(5);
  });
});
