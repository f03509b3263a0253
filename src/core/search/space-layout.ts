import { levelsOfNode, NODE_STATE_NAMES, type NodeStateName, type SolutionSpace } from './space.ts';

/**
 * Where the solution-space view draws each node (pure geometry, in SVG user units).
 *
 *  - lattice: for up to three generalized quasi-identifiers and a small lattice, the whole
 *    lattice as a Hasse diagram: one row per lattice level (the sum of the levels, bottom =
 *    no generalization), every node drawn, edges to its direct successors.
 *  - projection: for more, only the checked nodes that meet the criteria are drawn, placed by
 *    lattice level (x) and loss (y); every other node is only counted, per lattice level and
 *    state, because nothing places it on the loss axis (its loss was never computed).
 */
export interface LayoutNode {
  id: number;
  levels: number[];
  /** Lattice level: Σ levels. */
  height: number;
  state: NodeStateName;
  /** Loss and suppressed records, for checked nodes that meet the criteria. */
  loss: number | null;
  suppressed: number | null;
  optimum: boolean;
  x: number;
  y: number;
}

export interface LayoutEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LevelCounts {
  height: number;
  /** Centre of the level's column (projection: an x) or row (lattice: a y). */
  at: number;
  counts: Record<NodeStateName, number>;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AxisTick {
  value: number;
  at: number;
}

export interface SpaceLayout {
  kind: 'lattice' | 'projection';
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Shapes relative to a node's centre: the lattice's boxes (and focus rings), or the projection's dots. */
  box: Rect;
  ring: Rect;
  dot: { r: number; ring: number };
  /** Projection: the plot area, where tick labels and axis titles go, and the loss ticks. */
  plot: { left: number; top: number; right: number; bottom: number } | null;
  axes: { yTickX: number; xTickY: number; xTitle: { x: number; y: number }; yTitle: { x: number; y: number } } | null;
  lossTicks: AxisTick[];
  levels: LevelCounts[];
  /** Nodes drawn, and checked nodes meeting the criteria left out of the projection to keep it readable. */
  drawn: number;
  omitted: number;
  /** Every node by state, over the whole lattice. */
  totals: Record<NodeStateName, number>;
}

/** The lattice is drawn whole up to this many nodes (and three generalized columns). */
export const MAX_LATTICE_NODES = 160;
/** At most this many dots in the projection. */
export const MAX_PROJECTION_DOTS = 400;

const STATE_OF: readonly NodeStateName[] = NODE_STATE_NAMES;

export function layoutSpace(space: SolutionSpace, opts: { width?: number } = {}): SpaceLayout {
  const size = space.states.length;
  const varying = space.heights.filter((h) => h > 1).length;
  if (varying <= 3 && size <= MAX_LATTICE_NODES) return latticeLayout(space);
  return projectionLayout(space, opts.width ?? 720);
}

function emptyCounts(): Record<NodeStateName, number> {
  return { unknown: 0, meets: 0, fails: 0, meetsInferred: 0, failsInferred: 0, pruned: 0 };
}

function lossIndex(space: SolutionSpace): Map<number, number> {
  const at = new Map<number, number>();
  space.ids.forEach((id, i) => at.set(id, i));
  return at;
}

function node(space: SolutionSpace, id: number, at: Map<number, number>): Omit<LayoutNode, 'x' | 'y'> {
  const levels = levelsOfNode(id, space.heights);
  const i = at.get(id);
  return {
    id,
    levels,
    height: levels.reduce((a, b) => a + b, 0),
    state: STATE_OF[space.states[id]],
    loss: i === undefined ? null : space.loss[i],
    suppressed: i === undefined ? null : space.suppressed[i],
    optimum: id === space.optimum,
  };
}

function totalsOf(space: SolutionSpace): Record<NodeStateName, number> {
  const totals = emptyCounts();
  for (let id = 0; id < space.states.length; id++) totals[STATE_OF[space.states[id]]]++;
  return totals;
}

function latticeLayout(space: SolutionSpace): SpaceLayout {
  const at = lossIndex(space);
  const nodes = Array.from({ length: space.states.length }, (_, id) => node(space, id, at));
  const varying = space.heights.map((h, d) => (h > 1 ? d : -1)).filter((d) => d >= 0);
  // Spread each row by a projection of the grid: the first generalized column to the left, the
  // last to the right (the usual diamond for two), so neighbours stay near each other.
  const weights = new Map<number, number>(varying.map((d, i) => [d, varying.length === 1 ? 0 : -1 + (2 * i) / (varying.length - 1)]));
  const spread = (n: Omit<LayoutNode, 'x' | 'y'>) => n.levels.reduce((s, l, d) => s + l * (weights.get(d) ?? 0), 0);
  const maxHeight = space.heights.reduce((s, h) => s + h - 1, 0);
  const rows: Omit<LayoutNode, 'x' | 'y'>[][] = Array.from({ length: maxHeight + 1 }, () => []);
  for (const n of nodes) rows[n.height].push(n);
  for (const row of rows) row.sort((a, b) => spread(a) - spread(b) || a.id - b.id);

  const nodeWidth = 20 + 14 * space.heights.length;
  const nodeHeight = 26;
  const gapX = 14;
  const gapY = 40;
  const pad = 16;
  const widest = Math.max(...rows.map((r) => r.length));
  const width = Math.max(2 * pad + widest * nodeWidth + (widest - 1) * gapX, 240);
  const height = 2 * pad + (maxHeight + 1) * nodeHeight + maxHeight * gapY;
  const placed: LayoutNode[] = new Array(nodes.length);
  rows.forEach((row, level) => {
    const rowWidth = row.length * nodeWidth + (row.length - 1) * gapX;
    const left = (width - rowWidth) / 2;
    const y = height - pad - nodeHeight / 2 - level * (nodeHeight + gapY);
    row.forEach((n, i) => {
      placed[n.id] = { ...n, x: left + i * (nodeWidth + gapX) + nodeWidth / 2, y };
    });
  });
  const edges: LayoutEdge[] = [];
  let mult = 1;
  for (let d = 0; d < space.heights.length; d++) {
    for (const n of placed) {
      if (n.levels[d] + 1 < space.heights[d]) {
        const up = placed[n.id + mult];
        edges.push({ x1: n.x, y1: n.y - nodeHeight / 2, x2: up.x, y2: up.y + nodeHeight / 2 });
      }
    }
    mult *= space.heights[d];
  }
  const levels = rows.map((row, h) => {
    const counts = emptyCounts();
    for (const n of row) counts[n.state]++;
    return { height: h, at: row.length ? placed[row[0].id].y : 0, counts };
  });
  return {
    kind: 'lattice',
    width,
    height,
    nodes: placed,
    edges,
    box: { x: -nodeWidth / 2, y: -nodeHeight / 2, width: nodeWidth, height: nodeHeight },
    ring: { x: -nodeWidth / 2 - 4, y: -nodeHeight / 2 - 4, width: nodeWidth + 8, height: nodeHeight + 8 },
    dot: { r: 0, ring: 0 },
    plot: null,
    axes: null,
    lossTicks: [],
    levels,
    drawn: placed.length,
    omitted: 0,
    totals: totalsOf(space),
  };
}

function projectionLayout(space: SolutionSpace, width: number): SpaceLayout {
  const at = lossIndex(space);
  const maxHeight = space.heights.reduce((s, h) => s + h - 1, 0);
  const levels: LevelCounts[] = Array.from({ length: maxHeight + 1 }, (_, h) => ({ height: h, at: 0, counts: emptyCounts() }));
  for (let id = 0; id < space.states.length; id++) {
    let h = 0;
    let rest = id;
    for (const size of space.heights) {
      h += rest % size;
      rest = Math.floor(rest / size);
    }
    levels[h].counts[STATE_OF[space.states[id]]]++;
  }

  const candidates = [...space.ids].map((id) => node(space, id, at));
  const kept = thin(candidates, MAX_PROJECTION_DOTS);
  const nodeHeight = 10;
  const r = nodeHeight / 2;
  const plot = { left: 64, top: 16, right: width - 16, bottom: 276 };
  const band = (plot.right - plot.left) / (maxHeight + 1);
  for (const l of levels) l.at = plot.left + (l.height + 0.5) * band;
  const losses = kept.map((n) => n.loss!);
  const lo = losses.length ? Math.min(...losses) : 0;
  const hi = losses.length ? Math.max(...losses) : 1;
  const ticks = niceTicks(lo, hi, 5);
  const y0 = ticks.length ? Math.min(lo, ticks[0]) : lo;
  const y1 = ticks.length ? Math.max(hi, ticks[ticks.length - 1]) : hi;
  const scale = (v: number) => (y1 === y0 ? (plot.top + plot.bottom) / 2 : plot.bottom - ((v - y0) / (y1 - y0)) * (plot.bottom - plot.top));

  // Dots of one level share its column; each takes the free slot nearest the centre, so dots of
  // equal or close loss sit side by side instead of on top of each other.
  const placed: LayoutNode[] = [];
  const byLevel = new Map<number, LayoutNode[]>();
  for (const n of [...kept].sort((a, b) => a.loss! - b.loss! || a.id - b.id)) {
    const column = byLevel.get(n.height) ?? [];
    byLevel.set(n.height, column);
    const y = scale(n.loss!);
    const cx = levels[n.height].at;
    const maxSlot = Math.max(0, Math.floor((band / 2 - r) / (2 * r + 1)));
    let x = cx;
    for (let k = 0; k <= 2 * maxSlot; k++) {
      const off = k === 0 ? 0 : (k % 2 ? 1 : -1) * Math.ceil(k / 2);
      const tryX = cx + off * (2 * r + 1);
      if (column.every((o) => Math.hypot(o.x - tryX, o.y - y) >= 2 * r + 0.5)) {
        x = tryX;
        break;
      }
    }
    const p = { ...n, x, y };
    column.push(p);
    placed.push(p);
  }
  placed.sort((a, b) => a.height - b.height || a.y - b.y || a.id - b.id);
  const none = { x: 0, y: 0, width: 0, height: 0 };
  return {
    kind: 'projection',
    width,
    height: plot.bottom + 34,
    nodes: placed,
    edges: [],
    box: none,
    ring: none,
    dot: { r, ring: r + 4 },
    plot,
    axes: {
      yTickX: plot.left - 6,
      xTickY: plot.bottom + 14,
      xTitle: { x: (plot.left + plot.right) / 2, y: plot.bottom + 30 },
      yTitle: { x: 14, y: (plot.top + plot.bottom) / 2 },
    },
    lossTicks: ticks.map((value) => ({ value, at: scale(value) })),
    levels,
    drawn: placed.length,
    omitted: candidates.length - kept.length,
    totals: totalsOf(space),
  };
}

/**
 * At most `max` nodes: the optimum and, per lattice level, the lowest losses, each level keeping
 * a share proportional to its nodes (at least one).
 */
function thin<T extends { id: number; height: number; loss: number | null; optimum: boolean }>(nodes: T[], max: number): T[] {
  if (nodes.length <= max) return nodes;
  const byLevel = new Map<number, T[]>();
  for (const n of nodes) {
    const list = byLevel.get(n.height) ?? [];
    list.push(n);
    byLevel.set(n.height, list);
  }
  const out: T[] = nodes.filter((n) => n.optimum);
  for (const list of byLevel.values()) {
    const quota = Math.max(1, Math.floor((list.length / nodes.length) * (max - out.length)));
    list.sort((a, b) => a.loss! - b.loss! || a.id - b.id);
    for (const n of list.slice(0, quota)) if (!n.optimum) out.push(n);
  }
  return out;
}

/** Round tick values (1, 2 or 5 × 10^k apart) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const start = Math.floor(lo / step) * step;
  const out: number[] = [];
  for (let v = start; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if (out[out.length - 1] < hi) out.push(Number((out[out.length - 1] + step).toPrecision(12)));
  return out;
}

