import type { Lattice } from './lattice.ts';

/** The node properties of ARX's SolutionSpace, one bit each. */
export const P = {
  anonymous: 1,
  notAnonymous: 2,
  kAnonymous: 4,
  notKAnonymous: 8,
  checked: 16,
  insufficientUtility: 32,
  successorsPruned: 64,
  visited: 128,
} as const;

type Direction = 'up' | 'down' | 'none';

/** A node carrying any of these is settled: checked, known (or inferred) to pass or fail, or unable to beat the optimum. */
const SETTLING = P.anonymous | P.notAnonymous | P.notKAnonymous | P.checked | P.insufficientUtility;

/**
 * JHPL's predictive properties, materialized: a property put on a node with direction 'up'
 * holds for every node above it (component-wise ≥), 'down' for every node below it, 'none'
 * only for the node itself. Putting walks the lattice from the node and stops at nodes that
 * already have the property; since the marked sets are closed upwards (downwards), every node
 * is marked at most once per property.
 */
export class Properties {
  private readonly flags: Uint16Array;
  private readonly direction = new Map<number, Direction>();
  private readonly stack: number[] = [];
  /** Nodes that carry a settling property (for progress). */
  settled = 0;

  constructor(
    private readonly lattice: Lattice,
    anonymityPredictable: boolean,
  ) {
    this.flags = new Uint16Array(lattice.size);
    this.direction.set(P.anonymous, anonymityPredictable ? 'up' : 'none');
    this.direction.set(P.notAnonymous, anonymityPredictable ? 'down' : 'none');
    this.direction.set(P.kAnonymous, 'up');
    this.direction.set(P.notKAnonymous, 'down');
    this.direction.set(P.checked, 'none');
    this.direction.set(P.insufficientUtility, 'up');
    this.direction.set(P.successorsPruned, 'up');
    this.direction.set(P.visited, 'none');
  }

  has(id: number, p: number): boolean {
    return (this.flags[id] & p) !== 0;
  }

  /** All properties of a node, as P bits. */
  of(id: number): number {
    return this.flags[id];
  }

  put(id: number, p: number): void {
    if (this.flags[id] & p) return;
    const dir = this.direction.get(p)!;
    const settles = (p & SETTLING) !== 0;
    if (settles && (this.flags[id] & SETTLING) === 0) this.settled++;
    this.flags[id] |= p;
    if (dir === 'none') return;
    const stack = this.stack;
    stack.length = 0;
    stack.push(id);
    while (stack.length > 0) {
      const n = stack.pop()!;
      const next = dir === 'up' ? this.lattice.successors(n) : this.lattice.predecessors(n);
      for (const m of next) {
        const f = this.flags[m];
        if ((f & p) === 0) {
          if (settles && (f & SETTLING) === 0) this.settled++;
          this.flags[m] = f | p;
          stack.push(m);
        }
      }
    }
  }
}
