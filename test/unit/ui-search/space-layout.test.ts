import { describe, expect, it } from 'vitest';
import { layoutSpace, MAX_PROJECTION_DOTS, niceTicks } from '../../../src/core/search/space-layout.ts';
import { levelsOfNode, NodeState, nodeOfLevels, type SolutionSpace } from '../../../src/core/search/space.ts';

/** A space over `heights` whose nodes meet the criteria from total level `from` up; loss by default 10 − total level + id / 1000. */
function space(heights: number[], from: number, checkedEvery = 1, lossOf = (id: number, h: number) => 10 - h + id / 1000): SolutionSpace {
  const size = heights.reduce((a, b) => a * b, 1);
  const states = new Uint8Array(size);
  const ids: number[] = [];
  for (let id = 0; id < size; id++) {
    let rest = id;
    let h = 0;
    for (const x of heights) {
      h += rest % x;
      rest = Math.floor(rest / x);
    }
    const meets = h >= from;
    const checked = id % checkedEvery === 0;
    states[id] = meets ? (checked ? NodeState.meets : NodeState.meetsInferred) : checked ? NodeState.fails : NodeState.failsInferred;
    if (meets && checked) ids.push(id);
  }
  const heightOf = (id: number) => {
    let rest = id;
    let h = 0;
    for (const x of heights) {
      h += rest % x;
      rest = Math.floor(rest / x);
    }
    return h;
  };
  return {
    columns: heights.map((_, d) => `c${d}`),
    heights,
    states,
    ids: Int32Array.from(ids),
    loss: Float64Array.from(ids, (id) => lossOf(id, heightOf(id))),
    suppressed: Int32Array.from(ids, (id) => id % 7),
    optimum: ids.length ? ids[0] : -1,
  };
}

describe('solution-space layout', () => {
  it('draws a small lattice whole, one row per total level, bottom = no generalization, no overlaps', () => {
    const s = space([4, 1, 3], 3);
    const l = layoutSpace(s);
    expect(l.kind).toBe('lattice');
    expect(l.nodes.map((n) => n.id).sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    for (const n of l.nodes) {
      expect(n.height).toBe(n.levels.reduce((a, b) => a + b, 0));
      expect(n.x - l.box.width / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + l.box.width / 2).toBeLessThanOrEqual(l.width);
      expect(n.y - l.box.height / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + l.box.height / 2).toBeLessThanOrEqual(l.height);
    }
    // Higher total level = higher on the page (smaller y); the same level shares a row.
    for (const a of l.nodes)
      for (const b of l.nodes) {
        if (a.height < b.height) expect(a.y).toBeGreaterThan(b.y);
        if (a.height === b.height && a.id !== b.id) {
          expect(a.y).toBe(b.y);
          expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(l.box.width);
        }
      }
    // An edge per direct successor: (4 − 1)·1·3 + 4·1·(3 − 1) = 17.
    expect(l.edges).toHaveLength(17);
    const bottom = l.nodes.find((n) => n.id === 0)!;
    const up = l.nodes.find((n) => n.id === nodeOfLevels([1, 0, 0], s.heights))!;
    expect(l.edges).toContainEqual({ x1: bottom.x, y1: bottom.y - l.box.height / 2, x2: up.x, y2: up.y + l.box.height / 2 });
    // Each node's state and, for checked ones meeting the criteria, its loss.
    const top = l.nodes.find((n) => n.id === 11)!;
    expect(top.state).toBe('meets');
    expect(top.loss).toBeCloseTo(10 - 5 + 0.011, 12);
    expect(l.nodes.find((n) => n.id === 0)!.loss).toBeNull();
    expect(l.totals.meets + l.totals.fails).toBe(12);
    expect(l.nodes.filter((n) => n.optimum)).toHaveLength(1);
  });

  it('projects a large lattice: only checked nodes meeting the criteria, by level and loss; every node counted', () => {
    // Losses spread within a level, so its dots have room beside each other.
    const s = space([3, 4, 3, 2, 3], 4, 5, (id, h) => 10 - h + (id % 40) / 4);
    const l = layoutSpace(s, { width: 600 });
    expect(l.kind).toBe('projection');
    expect(l.nodes.length).toBe(s.ids.length);
    expect(l.nodes.every((n) => n.state === 'meets' && n.loss !== null)).toBe(true);
    const total = l.levels.reduce((sum, lv) => sum + Object.values(lv.counts).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(s.states.length);
    expect(l.levels.map((lv) => lv.height)).toEqual([...Array(3 + 4 + 3 + 2 + 3 - 5 + 1).keys()]);
    const p = l.plot!;
    for (const n of l.nodes) {
      expect(n.y).toBeGreaterThanOrEqual(p.top);
      expect(n.y).toBeLessThanOrEqual(p.bottom);
      // In its level's column.
      const band = (p.right - p.left) / l.levels.length;
      expect(Math.abs(n.x - l.levels[n.height].at)).toBeLessThanOrEqual(band / 2);
    }
    // Lower loss sits lower on the page.
    for (const a of l.nodes) for (const b of l.nodes) if (a.loss! < b.loss!) expect(a.y).toBeGreaterThanOrEqual(b.y);
    // Dots of a level do not overlap when there is room beside each other.
    for (const a of l.nodes)
      for (const b of l.nodes) if (a.id < b.id && a.height === b.height) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(2 * l.dot.r);
    // Ticks cover the losses drawn.
    const losses = l.nodes.map((n) => n.loss!);
    expect(l.lossTicks[0].value).toBeLessThanOrEqual(Math.min(...losses));
    expect(l.lossTicks[l.lossTicks.length - 1].value).toBeGreaterThanOrEqual(Math.max(...losses));
  });

  it('thins a crowded projection, keeping the optimum and each level’s lowest losses', () => {
    const s = space([5, 5, 5, 5, 4], 0);
    expect(s.ids.length).toBeGreaterThan(MAX_PROJECTION_DOTS);
    const l = layoutSpace(s);
    expect(l.nodes.length).toBeLessThanOrEqual(MAX_PROJECTION_DOTS);
    expect(l.nodes.length + l.omitted).toBe(s.ids.length);
    expect(l.nodes.filter((n) => n.optimum).map((n) => n.id)).toEqual([s.optimum]);
    const drawn = new Set(l.nodes.map((n) => n.id));
    const heightOf = (id: number) => levelsOfNode(id, s.heights).reduce((a, b) => a + b, 0);
    for (const lv of l.levels) {
      const candidates = [...s.ids].map((id, i) => ({ id, loss: s.loss[i] })).filter((x) => heightOf(x.id) === lv.height && x.id !== s.optimum);
      if (!candidates.length) continue;
      const kept = candidates.filter((x) => drawn.has(x.id));
      const left = candidates.filter((x) => !drawn.has(x.id));
      // Every level keeps some, and what it leaves out loses at least as much as what it keeps.
      expect(kept.length, `level ${lv.height}`).toBeGreaterThan(0);
      if (left.length) expect(Math.min(...left.map((x) => x.loss))).toBeGreaterThanOrEqual(Math.max(...kept.map((x) => x.loss)));
    }
  });

  it('picks round ticks', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.123, 0.456, 4)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(niceTicks(1200, 98765, 5)).toEqual([0, 20000, 40000, 60000, 80000, 100000]);
    expect(niceTicks(3, 3, 5)).toEqual([3]);
  });
});
