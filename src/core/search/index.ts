/** Optimal full-domain generalization (ARX's FLASH), in memory on the distinct combinations. */
export { buildSearchInput, type Combination } from './input.ts';
export { loadSearchInput } from './load.ts';
export { kForRisk, MAX_LATTICE_SIZE, searchOptimum, searchOptimumSync } from './search.ts';
export type * from './types.ts';
export { levelsOfNode, NODE_STATE_NAMES, nodeOfLevels, NodeState, type NodeStateName, type SolutionSpace } from './space.ts';
