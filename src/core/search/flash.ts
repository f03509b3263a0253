import type { CheckResult } from './checker.ts';
import type { Lattice } from './lattice.ts';
import type { InfoLoss } from './metrics.ts';
import { JavaPriorityQueue } from './priority-queue.ts';
import { P, Properties } from './properties.ts';
import { nodeStates } from './space.ts';

export type Monotonicity = 'full' | 'partial' | 'none';

/** What FLASH needs from the rest of the search. */
export interface FlashHooks {
  check(id: number): CheckResult;
  /** ARX's getLowerBound(node) without data, or undefined when the quality model has none. */
  independentBound(id: number): number | undefined;
}

export interface FlashOutcome {
  optimum: number;
  checked: number;
  /** Loss and suppression of every checked transformation that satisfies the model. */
  anonymous: Map<number, { loss: InfoLoss; suppressed: number; classes: number }>;
}

interface Phase {
  /** PhaseAnonymityProperty: anonymity or k-anonymity. */
  property: number;
  skip(id: number): boolean;
  check(id: number): boolean;
  tag(id: number): void;
}

/** ARX compares information losses as doubles: equal, less or greater (NaN counts as greater). */
function cmp(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * ARX's FLASH algorithm (FLASHAlgorithm + FLASHAlgorithmImpl), step for step, because the
 * transformation ARX reports is the first one found with the lowest loss (a later one only
 * replaces it with a strictly lower loss, or an equal loss on a lower lattice level), so the
 * visiting order decides ties. Reproduced exactly: the level-by-level outer loop over nodes
 * sorted by FLASHStrategy, the greedy paths to the top checked by binary search, the
 * java.util.PriorityQueue of successors, the depth-first linear phase, predictive tagging, and
 * pruning by lower bounds. Even object identity matters: ARX creates a new Transformation
 * object for every lookup and prune() compares the optimum by reference, so each lookup here
 * gets a fresh token.
 *
 * Which pruning is safe depends on monotonicity (ARX's cases, chosen in configure()):
 *  - privacy 'full': every criterion keeps holding when classes merge and, with a suppression
 *    limit, when outliers are removed (k-anonymity and distinct l-diversity do: merging classes
 *    only shrinks the set of small or non-diverse records). Then a node above an anonymous node
 *    is anonymous and a node below a non-anonymous node is not, so both are tagged without
 *    checking, and greedy paths to the top are binary-searched.
 *  - 'partial' (entropy or recursive l-diversity, or t-closeness, with a suppression limit,
 *    when a minimal class size exists): only the class-size part is monotone; it is searched
 *    binarily and every node that passes it is then checked in full, depth-first.
 *  - 'none' (t-closeness alone with a suppression limit): every node is checked.
 *  - utility: with a limit of 0 every quality model only grows upwards, so nothing above an
 *    anonymous node needs checking (full/full uses the binary phase alone). With suppression
 *    none is monotone (suppressing fewer records can cost less), so anonymous nodes above the
 *    first one are checked as well, and only lower bounds prune: bound(node) ≤ loss of the node
 *    and of everything above it (loss without suppression, Σ size², …), so a node whose bound
 *    is not below the optimum is skipped with everything above it.
 */
export class Flash {
  private readonly props: Properties;
  private readonly queue: JavaPriorityQueue;
  private readonly loss = new Map<number, InfoLoss>();
  private readonly lowerBound = new Map<number, number>();
  private readonly anonymousInfo = new Map<number, { loss: InfoLoss; suppressed: number; classes: number }>();
  private readonly candidates: number[] = [];
  private readonly prune: boolean;
  private readonly binary: Phase | null;
  private readonly linear: Phase | null;
  private optimum = -1;
  private optimumToken = -1;
  private tokens = 0;
  checked = 0;

  constructor(
    private readonly lattice: Lattice,
    private readonly hooks: FlashHooks,
    privacy: Monotonicity,
    utility: 'full' | 'none',
    private readonly hasMinimalClassSize: boolean,
  ) {
    this.queue = new JavaPriorityQueue((a, b) => lattice.compare(a, b));
    const cfg = this.configure(privacy, utility);
    this.props = new Properties(lattice, cfg.predictable);
    this.prune = cfg.prune;
    this.binary = cfg.binary;
    this.linear = cfg.linear;
  }

  /** Nodes settled so far: checked, inferred by monotonicity, or pruned by a bound. */
  get settled(): number {
    return this.props.settled;
  }

  /** What the traversal knows of every node (NodeState per id), for the solution-space view. */
  states(): Uint8Array {
    return nodeStates(this.props, this.lattice.size);
  }

  /** Runs the traversal; yields after every check so a driver can report progress and pause. */
  *traverse(): Generator<number, FlashOutcome> {
    const outer = (this.binary ?? this.linear)!;
    const lat = this.lattice;
    for (let level = 0; level <= lat.maxLevel; level++) {
      const ids: number[] = [];
      for (let p = lat.levelStart[level]; p < lat.levelStart[level + 1]; p++) {
        const id = lat.byLevel[p];
        if (!this.skip(outer, id)) ids.push(id);
      }
      lat.sortStable(ids);
      for (const id of ids) {
        const token = this.tokens++;
        if (this.binary) yield* this.binarySearch(id);
        else yield* this.linearSearch(id, token);
      }
    }
    return { optimum: this.optimum, checked: this.checked, anonymous: this.anonymousInfo };
  }

  private *binarySearch(start: number): Generator<number, void> {
    const binary = this.binary!;
    this.queue.add(start);
    while (this.queue.size > 0) {
      const head = this.queue.poll()!;
      if (this.skip(binary, head)) continue;
      const path = this.findPath(head, binary);
      const found = yield* this.checkPath(path, binary);
      if (this.linear && found) yield* this.linearSearch(found.id, found.token);
    }
  }

  private findPath(start: number, phase: Phase): { id: number; token: number }[] {
    const path = [{ id: start, token: this.tokens++ }];
    let current = start;
    for (let found = true; found; ) {
      found = false;
      for (const next of this.lattice.sortedSuccessors(current)) {
        const token = this.tokens++;
        if (!this.skip(phase, next)) {
          current = next;
          path.push({ id: next, token });
          found = true;
          break;
        }
      }
    }
    return path;
  }

  private *checkPath(path: { id: number; token: number }[], phase: Phase): Generator<number, { id: number; token: number } | null> {
    let low = 0;
    let high = path.length - 1;
    let last: { id: number; token: number } | null = null;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const node = path[mid];
      if (this.skip(phase, node.id)) {
        high = mid - 1;
        continue;
      }
      yield* this.checkAndTag(node.id, node.token, phase);
      const holds = this.props.has(node.id, phase.property);
      if (!holds) {
        for (const up of this.lattice.sortedSuccessors(node.id)) {
          this.tokens++;
          if (!this.skip(phase, up)) this.queue.add(up);
        }
      }
      if (holds) {
        last = node;
        high = mid - 1;
      } else {
        low = mid + 1;
      }
    }
    return last;
  }

  private *linearSearch(id: number, token: number): Generator<number, void> {
    const linear = this.linear!;
    if (!this.skip(linear, id)) {
      yield* this.checkAndTag(id, token, linear);
      for (const child of this.lattice.sortedSuccessors(id)) {
        const childToken = this.tokens++;
        if (!this.skip(linear, child)) yield* this.linearSearch(child, childToken);
      }
    }
    this.props.put(id, P.successorsPruned);
  }

  private *checkAndTag(id: number, token: number, phase: Phase): Generator<number, void> {
    if (phase.check(id)) {
      const result = this.hooks.check(id);
      this.setChecked(id, result);
      this.checked++;
      yield this.checked;
    }
    this.trackOptimum(id, token);
    phase.tag(id);
    this.pruneCandidates(id, token);
  }

  private setChecked(id: number, r: CheckResult): void {
    const props = this.props;
    props.put(id, P.checked);
    props.put(id, r.anonymous ? P.anonymous : P.notAnonymous);
    if (r.kAnonymous !== null) props.put(id, r.kAnonymous ? P.kAnonymous : P.notKAnonymous);
    if (r.loss) {
      this.loss.set(id, r.loss);
      this.anonymousInfo.set(id, { loss: r.loss, suppressed: r.suppressed, classes: r.classes });
    } else {
      this.loss.delete(id);
    }
    this.lowerBound.set(id, r.bound);
  }

  private trackOptimum(id: number, token: number): void {
    if (!this.props.has(id, P.anonymous)) return;
    const loss = this.loss.get(id);
    if (!loss) return;
    if (this.optimum === -1) {
      this.optimum = id;
      this.optimumToken = token;
      return;
    }
    const c = cmp(loss.value, this.loss.get(this.optimum)!.value);
    if (c < 0 || (c === 0 && this.lattice.level(id) < this.lattice.level(this.optimum))) {
      this.optimum = id;
      this.optimumToken = token;
    }
  }

  /** FLASHAlgorithmImpl.prune: tags nodes whose lower bound cannot beat the optimum. */
  private pruneCandidates(id: number, token: number): void {
    if (!this.prune) return;
    const bound = this.lowerBound.get(id);
    if (bound === undefined) return;
    const props = this.props;
    const isOptimum = this.optimum !== -1 && token === this.optimumToken;
    if (!isOptimum && props.has(id, P.successorsPruned)) return;
    if (this.optimum === -1) {
      this.candidates.push(id);
      return;
    }
    const best = this.loss.get(this.optimum)!.value;
    if (!isOptimum) {
      if (cmp(best, bound) <= 0) {
        props.put(id, P.insufficientUtility);
        props.put(id, P.successorsPruned);
      } else {
        this.candidates.push(id);
      }
      return;
    }
    let keep = 0;
    for (const c of this.candidates) {
      if (props.has(c, P.successorsPruned)) continue;
      if (cmp(best, this.lowerBound.get(c)!) <= 0) {
        props.put(c, P.insufficientUtility);
        props.put(c, P.successorsPruned);
        continue;
      }
      this.candidates[keep++] = c;
    }
    this.candidates.length = keep;
    if (!props.has(id, P.successorsPruned)) this.candidates.push(id);
  }

  private skip(phase: Phase, id: number): boolean {
    if (phase.skip(id)) return true;
    if (!this.prune || this.optimum === -1) return false;
    const props = this.props;
    if (props.has(id, P.insufficientUtility)) return true;
    let bound = this.lowerBound.get(id);
    if (bound === undefined) {
      bound = this.hooks.independentBound(id);
      if (bound !== undefined) this.lowerBound.set(id, bound);
    }
    if (bound !== undefined && cmp(this.loss.get(this.optimum)!.value, bound) <= 0) {
      props.put(id, P.insufficientUtility);
      props.put(id, P.successorsPruned);
      return true;
    }
    return false;
  }

  /** FLASHAlgorithm.create: the six combinations of monotonicity of privacy and utility. */
  private configure(
    privacy: Monotonicity,
    utility: 'full' | 'none',
  ): { binary: Phase | null; linear: Phase | null; prune: boolean; predictable: boolean } {
    const has = (id: number, p: number) => this.props.has(id, p);
    const put = (id: number, p: number) => this.props.put(id, p);
    const A = P.anonymous;
    const NA = P.notAnonymous;
    const K = P.kAnonymous;
    const NK = P.notKAnonymous;
    const C = P.checked;
    const SP = P.successorsPruned;
    const V = P.visited;

    if (privacy === 'full' && utility === 'full') {
      const skip = (id: number) => has(id, A) || has(id, NA);
      return {
        binary: { property: A, skip, check: (id) => !skip(id), tag: (id) => (has(id, A) ? put(id, SP) : undefined) },
        linear: null,
        prune: false,
        predictable: true,
      };
    }
    if (privacy === 'full') {
      const skip = (id: number) => has(id, A) || has(id, NA);
      return {
        binary: { property: A, skip, check: (id) => !skip(id), tag: () => {} },
        linear: {
          property: A,
          skip: (id) => has(id, NA) || has(id, V),
          check: (id) => !has(id, C) && !has(id, NA),
          tag: (id) => put(id, V),
        },
        prune: true,
        predictable: true,
      };
    }
    // A monotone quality model here means a suppression limit of 0, and then every criterion is
    // monotone too, so ARX's cases none/full and partial/full cannot occur.
    if (utility === 'full') throw new Error(`unsupported monotonicity ${privacy}/${utility}`);
    if (privacy === 'none') {
      const skip = (id: number) => has(id, A) || has(id, NA);
      return { binary: null, linear: { property: A, skip, check: (id) => !skip(id), tag: () => {} }, prune: true, predictable: false };
    }
    // partial: only the minimal class size is monotone
    if (!this.hasMinimalClassSize) throw new Error('partial monotonicity needs a minimal class size');
    const binarySkip = (id: number) => has(id, K) || has(id, NK);
    return {
      binary: { property: K, skip: binarySkip, check: (id) => !binarySkip(id), tag: () => {} },
      linear: {
        property: A,
        skip: (id) => has(id, V) || has(id, NK),
        check: (id) => !has(id, C) && !has(id, NK),
        tag: (id) => put(id, V),
      },
      prune: true,
      predictable: false,
    };
  }
}
