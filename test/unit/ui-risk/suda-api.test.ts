import { describe, expect, it } from 'vitest';
import { sudaApi } from '../../../workers/suda/api.ts';
import { suda2 } from '../../../src/core/risk/suda.ts';

/** Deterministic pseudo-random codes (xorshift), `records` × `variables`, codes below `card`. */
function columns(records: number, variables: number, card: number, seed = 7): Int32Array[] {
  let x = seed;
  const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) % card);
  return Array.from({ length: variables }, () => Int32Array.from({ length: records }, next));
}

describe('SUDA2 worker API', () => {
  it('summarises a run as suda2 computes it', async () => {
    const cols = columns(300, 4, 5);
    const direct = await suda2(cols.map((c) => c.slice()));
    const progress: number[] = [];
    const s = await sudaApi.run(cols, (f) => progress.push(f));
    expect(s).toMatchObject({
      records: 300,
      variables: 4,
      recordsWithMsu: direct.recordsWithMsu,
      sampleUniques: direct.sampleUniques,
      maxScore: direct.maxScore,
      msusBySize: direct.msusBySize,
      attributeContributions: direct.attributeContributions,
    });
    expect(s.scoreBands.reduce((n, [, c]) => n + c, 0)).toBe(300);
    expect(s.maxDisScore).toBe(Math.max(...direct.disScores));
    expect(progress.at(-1)).toBe(1);
  });

  it('stops when cancelled, with the cancelled message', async () => {
    const cols = columns(200_000, 10, 40);
    const run = sudaApi.run(cols);
    await new Promise((r) => setTimeout(r, 100));
    sudaApi.cancel();
    await expect(run).rejects.toMatchObject({ key: 'engine.cancelled' });
  });
});
