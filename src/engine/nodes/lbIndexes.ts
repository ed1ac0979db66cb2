/**
 * Indexes that let a balancer choose among many backends without looking at each one on every
 * arrival (1,000 replicas at 10^7 rps made the linear scans the whole cost of a run). Each gives
 * exactly the choice the linear scan gave; the argument is in each class, and
 * tests/engine/lbIndexes.test.ts checks it against the scans, pick by pick.
 */

/**
 * Which backends are in rotation, as a Fenwick tree of 0/1: how many there are (O(1)), how many
 * come before an index and which is the k-th (O(log n)).
 */
export class InRotation {
  private readonly tree: Int32Array;
  private readonly n: number;
  private readonly top: number;
  count: number;

  constructor(n: number) {
    this.n = n;
    this.tree = new Int32Array(n + 1);
    // All in: the Fenwick cell i covers (i - lowbit(i), i], so it holds lowbit(i).
    for (let i = 1; i <= n; i++) this.tree[i] = i & -i;
    this.count = n;
    let top = 1;
    while (top * 2 <= n) top *= 2;
    this.top = n === 0 ? 0 : top;
  }

  /** Adds +1 (back in rotation) or -1 (out) at backend i. */
  change(i: number, delta: 1 | -1): void {
    this.count += delta;
    for (let p = i + 1; p <= this.n; p += p & -p) this.tree[p]! += delta;
  }

  /** How many backends before index i are in rotation. */
  before(i: number): number {
    let s = 0;
    for (let p = i; p > 0; p -= p & -p) s += this.tree[p]!;
    return s;
  }

  /** The index of the k-th backend in rotation (k from 0), or -1 if there are not that many. */
  nth(k: number): number {
    if (k < 0 || k >= this.count) return -1;
    let pos = 0;
    let rest = k + 1;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.n && this.tree[next]! < rest) {
        pos = next;
        rest -= this.tree[next]!;
      }
    }
    return pos;
  }
}

/**
 * A score per backend (Infinity when out of rotation) in a segment tree of minima: the first
 * backend at or after an index whose score is the lowest, in O(log n). "The first backend cyclically from `start` with the lowest score" is what the linear
 * scan with a strict `<` returned.
 */
export class MinScores {
  private readonly t: Float64Array;
  private readonly size: number;

  constructor(n: number) {
    let size = 1;
    while (size < n) size *= 2;
    this.size = size;
    this.t = new Float64Array(2 * size).fill(Infinity);
  }

  set(i: number, score: number): void {
    const t = this.t;
    let p = this.size + i;
    t[p] = score;
    for (p >>= 1; p >= 1; p >>= 1) {
      const l = t[2 * p]!;
      const r = t[2 * p + 1]!;
      t[p] = l < r ? l : r;
    }
  }

  /** The first index cyclically from `start` whose score is `best` (the minimum), or -1. */
  firstLowest(start: number): number {
    const best = this.t[1]!;
    if (best === Infinity) return -1;
    const i = this.find(1, 0, this.size, start, best);
    return i >= 0 ? i : this.find(1, 0, this.size, 0, best);
  }

  private find(node: number, lo: number, span: number, from: number, atMost: number): number {
    if (lo + span <= from || this.t[node]! > atMost) return -1;
    if (span === 1) return lo;
    const half = span >> 1;
    const left = this.find(2 * node, lo, half, from, atMost);
    return left >= 0 ? left : this.find(2 * node + 1, lo + half, half, from, atMost);
  }
}

/**
 * nginx's smooth weighted round robin without touching every backend per pick. The scan adds
 * each backend's weight to its score on every pick and takes the highest score (lowest index on
 * a tie), then subtracts the total weight from the winner. Here a backend in rotation keeps
 * `base` with score = base + picks × weight, so the additions cost nothing; one max-heap of
 * `base` per distinct weight (all replicas of an edge share its weight) gives each group's
 * leader, and the pick compares the leaders: O(groups + log n) instead of O(n). Out of rotation a
 * score is frozen (the scan skips it), and thawed on return. With whole-number weights (the
 * default 1) every score is an exact integer, so the picks are the scan's, bit for bit; with
 * fractional weights the scan's running sums round differently from one product, which can only
 * reorder two backends whose scores tie to the last bit.
 */
export class SmoothWeighted {
  private picks = 0;
  private total = 0;
  private readonly base: Float64Array;
  private readonly frozen: Float64Array;
  private readonly group: Int32Array;
  private readonly groupWeight: number[] = [];
  private readonly heaps: Int32Array[] = [];
  private readonly sizes: number[] = [];
  /** Where each backend sits in its group's heap (-1 when out of rotation). */
  private readonly pos: Int32Array;

  constructor(weight: Float64Array, healthy: Uint8Array) {
    const n = weight.length;
    this.base = new Float64Array(n);
    this.frozen = new Float64Array(n);
    this.group = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
    const groupOf = new Map<number, number>();
    const members: number[] = [];
    for (let i = 0; i < n; i++) {
      const w = weight[i]!;
      let g = groupOf.get(w);
      if (g === undefined) {
        g = this.groupWeight.length;
        groupOf.set(w, g);
        this.groupWeight.push(w);
        members.push(0);
      }
      this.group[i] = g;
      members[g]!++;
    }
    for (const m of members) {
      this.heaps.push(new Int32Array(m));
      this.sizes.push(0);
    }
    for (let i = 0; i < n; i++) if (healthy[i] === 1) this.enter(i);
  }

  pick(): number {
    const next = this.picks + 1;
    let best = -1;
    let bestScore = -Infinity;
    for (let g = 0; g < this.heaps.length; g++) {
      if (this.sizes[g] === 0) continue;
      const i = this.heaps[g]![0]!;
      const score = this.base[i]! + next * this.groupWeight[g]!;
      if (best < 0 || score > bestScore || (score === bestScore && i < best)) {
        best = i;
        bestScore = score;
      }
    }
    if (best < 0) return -1;
    this.picks = next;
    this.base[best]! -= this.total;
    this.down(this.group[best]!, this.pos[best]!);
    return best;
  }

  /** Backend i leaves (false) or rejoins (true) the rotation. */
  setIn(i: number, isIn: boolean): void {
    const w = this.groupWeight[this.group[i]!]!;
    if (isIn && this.pos[i] === -1) {
      this.base[i] = this.frozen[i]! - this.picks * w;
      this.enter(i);
    } else if (!isIn && this.pos[i] !== -1) {
      this.frozen[i] = this.base[i]! + this.picks * w;
      this.leave(i);
    }
  }

  private enter(i: number): void {
    const g = this.group[i]!;
    this.total += this.groupWeight[g]!;
    const at = this.sizes[g]!++;
    this.heaps[g]![at] = i;
    this.pos[i] = at;
    this.up(g, at);
  }

  private leave(i: number): void {
    const g = this.group[i]!;
    this.total -= this.groupWeight[g]!;
    const heap = this.heaps[g]!;
    const at = this.pos[i]!;
    const last = --this.sizes[g]!;
    this.pos[i] = -1;
    if (at === last) return;
    const moved = heap[last]!;
    heap[at] = moved;
    this.pos[moved] = at;
    this.up(g, at);
    this.down(g, this.pos[moved]!);
  }

  /** Higher base first; the lower index on a tie (the scan's order). */
  private before(a: number, b: number): boolean {
    const x = this.base[a]!;
    const y = this.base[b]!;
    return x > y || (x === y && a < b);
  }

  private up(g: number, at: number): void {
    const heap = this.heaps[g]!;
    const item = heap[at]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(item, heap[parent]!)) break;
      heap[at] = heap[parent]!;
      this.pos[heap[at]!] = at;
      at = parent;
    }
    heap[at] = item;
    this.pos[item] = at;
  }

  private down(g: number, at: number): void {
    const heap = this.heaps[g]!;
    const size = this.sizes[g]!;
    const item = heap[at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.before(heap[child + 1]!, heap[child]!)) child++;
      if (!this.before(heap[child]!, item)) break;
      heap[at] = heap[child]!;
      this.pos[heap[at]!] = at;
      at = child;
    }
    heap[at] = item;
    this.pos[item] = at;
  }
}
