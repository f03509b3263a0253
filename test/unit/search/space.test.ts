import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hierarchy } from '../../../src/core/hierarchy/types.ts';
import { buildSearchInput } from '../../../src/core/search/input.ts';
import { searchOptimum, searchOptimumSync } from '../../../src/core/search/search.ts';
import { levelsOfNode, NodeState, nodeOfLevels } from '../../../src/core/search/space.ts';
import type { SearchModel, SearchProgress } from '../../../src/core/search/types.ts';
import { bruteForce, type RefRow } from './reference.ts';

function hierarchy(name: string, size: number, height: number): Hierarchy {
  const rows = [...Array(size).keys()].map((i) => (height === 2 ? [`${name}${i}`, '*'] : [`${name}${i}`, `${name}g${Math.floor(i / 2)}`, '*']));
  return { levels: height, rows };
}

const dataset = fc
  .record({
    shapes: fc.array(fc.record({ size: fc.integer({ min: 2, max: 6 }), height: fc.integer({ min: 2, max: 3 }) }), { minLength: 1, maxLength: 3 }),
    rows: fc.array(fc.record({ picks: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 3, maxLength: 3 }), s: fc.integer({ min: 0, max: 3 }) }), {
      minLength: 3,
      maxLength: 36,
    }),
  })
  .map(({ shapes, rows }) => {
    const columns = shapes.map(({ size, height }, d) => ({ column: `q${d}`, hierarchy: hierarchy(`q${d}`, size, height) }));
    const refRows: RefRow[] = rows.map((r) => ({ values: columns.map(({ hierarchy: h }, d) => h.rows[r.picks[d] % h.rows.length][0]), s: `s${r.s}` }));
    return { columns, refRows };
  });

const models: fc.Arbitrary<SearchModel> = fc.oneof(
  fc.record({
    k: fc.integer({ min: 1, max: 5 }),
    suppressionLimit: fc.constantFrom(0, 0.1, 0.25),
    metric: fc.constantFrom('loss', 'entropy', 'discernibility', 'aecs' as const),
  }),
  fc.record({
    k: fc.integer({ min: 1, max: 3 }),
    suppressionLimit: fc.constantFrom(0, 0.1, 0.3),
    l: fc.oneof(
      fc.record({ l: fc.constantFrom(2, 3), variant: fc.constant('distinct' as const) }),
      fc.record({ l: fc.constantFrom(1.5, 2.4), variant: fc.constant('entropy' as const) }),
    ),
  }),
  fc.record({ suppressionLimit: fc.constantFrom(0, 0.1, 0.3), t: fc.record({ t: fc.constantFrom(0.1537, 0.3391), variant: fc.constant('equal' as const) }) }),
);

describe('the solution space a search reports', () => {
  it('states only what is true: checked and inferred verdicts, losses and pruning agree with brute force', () => {
    fc.assert(
      fc.property(dataset, models, ({ columns, refRows }, model) => {
        const sensitive = model.l || model.t ? 's' : undefined;
        const input = buildSearchInput(columns, refRows.map((r) => ({ values: r.values, sensitive: r.s, count: 1 })), sensitive);
        const progress: SearchProgress[] = [];
        const r = searchOptimumSync(input, model, { space: true, onProgress: (p) => progress.push(p) });
        const ref = bruteForce(refRows, columns, model);
        const space = r.space!;
        expect(space.states.length).toBe(ref.length);
        expect(space.heights).toEqual(columns.map((c) => c.hierarchy.levels));
        const best = r.found ? r.infoLoss! : Infinity;
        let checked = 0;
        for (let id = 0; id < ref.length; id++) {
          expect(levelsOfNode(id, space.heights)).toEqual(ref[id].levels);
          expect(nodeOfLevels(ref[id].levels, space.heights)).toBe(id);
          const s = space.states[id];
          if (s === NodeState.meets || s === NodeState.fails) checked++;
          if (s === NodeState.meets || s === NodeState.meetsInferred) expect(ref[id].anonymous).toBe(true);
          if (s === NodeState.fails || s === NodeState.failsInferred) expect(ref[id].anonymous).toBe(false);
          // Pruned: whatever it is, it cannot beat the optimum.
          if (s === NodeState.pruned && ref[id].anonymous) expect(ref[id].loss).toBeGreaterThanOrEqual(best);
        }
        expect(checked).toBe(r.transformationsChecked);
        // Loss and suppression are listed exactly for the checked nodes that meet the criteria.
        const meets = [...space.states.keys()].filter((id) => space.states[id] === NodeState.meets);
        expect([...space.ids]).toEqual(meets);
        space.ids.forEach((id, i) => {
          expect(space.loss[i]).toBe(ref[id].loss);
          expect(space.suppressed[i]).toBe(ref[id].suppressed);
        });
        expect(space.optimum === -1).toBe(!r.found);
        if (r.found) expect(levelsOfNode(space.optimum, space.heights)).toEqual(columns.map((c) => r.levels![c.column]));
        // Progress never claims more than the lattice, and never goes back.
        for (let i = 1; i < progress.length; i++) expect(progress[i].settled).toBeGreaterThanOrEqual(progress[i - 1].settled);
        for (const p of progress) expect(p.settled).toBeLessThanOrEqual(p.total);
        const settled = [...space.states].filter((s) => s !== NodeState.unknown).length;
        if (progress.length) expect(progress[progress.length - 1].settled).toBeLessThanOrEqual(settled);
      }),
      { numRuns: 300 },
    );
  });

  it('is left out unless asked for, and the async search reports the same', async () => {
    const columns = [{ column: 'a', hierarchy: hierarchy('a', 4, 3) }];
    const input = buildSearchInput(
      columns,
      ['a0', 'a1', 'a1', 'a2', 'a3', 'a3'].map((v) => ({ values: [v], count: 1 })),
    );
    expect(searchOptimumSync(input, { k: 2 }).space).toBeUndefined();
    const sync = searchOptimumSync(input, { k: 2 }, { space: true });
    const progress: SearchProgress[] = [];
    const r = await searchOptimum(input, { k: 2 }, { space: true, onProgress: (p) => progress.push(p) });
    expect([...r.space!.states]).toEqual([...sync.space!.states]);
    expect(progress[0]).toEqual({ checked: 0, settled: 0, total: 3 });
  });
});
