import { P, type Properties } from './properties.ts';

/**
 * What a finished search knows of one transformation. Only `meets` and `fails` were computed
 * on the data; the inferred states follow from monotonicity (a node above one that meets the
 * criteria meets them too, a node below one that fails fails too), `pruned` nodes were skipped
 * because their lower bound showed they cannot beat the optimum, and `unknown` ones were never
 * reached.
 */
export const NodeState = {
  unknown: 0,
  meets: 1,
  fails: 2,
  meetsInferred: 3,
  failsInferred: 4,
  pruned: 5,
} as const;
export type NodeState = (typeof NodeState)[keyof typeof NodeState];
export const NODE_STATE_NAMES = ['unknown', 'meets', 'fails', 'meetsInferred', 'failsInferred', 'pruned'] as const;
export type NodeStateName = (typeof NODE_STATE_NAMES)[number];

/**
 * The solution space as the search left it: every node's state, and the loss and suppression
 * of each checked node that meets the criteria. Node ids number the lattice as ARX does
 * (mixed radix, the first column the lowest digit, `heights[d]` levels per column).
 */
export interface SolutionSpace {
  columns: string[];
  heights: number[];
  /** NodeState per node id. */
  states: Uint8Array;
  /** The checked nodes that meet the criteria, ascending id, with their loss and suppressed records. */
  ids: Int32Array;
  loss: Float64Array;
  suppressed: Int32Array;
  /** The optimum's id, -1 when none was found. */
  optimum: number;
}

export function nodeStates(props: Properties, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let id = 0; id < size; id++) {
    const f = props.of(id);
    if (f & P.checked) out[id] = f & P.anonymous ? NodeState.meets : NodeState.fails;
    else if (f & P.anonymous) out[id] = NodeState.meetsInferred;
    else if (f & (P.notAnonymous | P.notKAnonymous)) out[id] = NodeState.failsInferred;
    else if (f & P.insufficientUtility) out[id] = NodeState.pruned;
  }
  return out;
}

/** Levels of node `id` (column order). */
export function levelsOfNode(id: number, heights: readonly number[]): number[] {
  const out: number[] = [];
  let rest = id;
  for (const h of heights) {
    out.push(rest % h);
    rest = Math.floor(rest / h);
  }
  return out;
}

/** The node id of a level per column. */
export function nodeOfLevels(levels: readonly number[], heights: readonly number[]): number {
  let id = 0;
  for (let d = heights.length - 1; d >= 0; d--) id = id * heights[d] + levels[d];
  return id;
}
