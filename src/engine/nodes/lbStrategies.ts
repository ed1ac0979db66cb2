/**
 * The balancing strategies over a balancer's backends (one per replica of each service
 * behind it). Every strategy skips backends whose `healthy` flag is down: health checks and
 * outlier detection (added elsewhere) only need to call setHealthy. Returns -1 when no backend
 * is healthy. No strategy looks at every backend per arrival: the indexes in lbIndexes.ts keep
 * each choice O(log n) (smooth weighted round robin: O(distinct weights + log n)).
 */
import type { LbStrategy } from '../../model/types.ts';
import type { Rng } from '../rng.ts';
import { InRotation, MinScores, SmoothWeighted } from './lbIndexes.ts';

/** Weight of the newest observation in the response-time average. */
const EWMA_ALPHA = 0.2;

export class Backends {
  readonly n: number;
  readonly edge: Int32Array;
  readonly replica: Int32Array;
  readonly weight: Float64Array;
  /** In rotation (1) or not; changed only through setHealthy, which keeps the indexes. */
  readonly healthy: Uint8Array;
  /** Calls in flight to each backend from this balancer (connect / release). */
  readonly conns: Int32Array;
  /** EWMA of observed response times (s), for leastResponseTime (release). */
  readonly ewma: Float64Array;
  rr = 0;
  readonly inRotation: InRotation;
  /** Told of every change of `healthy` (class routes keep their own backends in step). */
  onHealth: ((i: number, healthy: boolean) => void) | null = null;
  /** Built on the first pick that needs them, kept up to date from then on. */
  private byConns: MinScores | null = null;
  private byResponse: MinScores | null = null;
  private smooth: SmoothWeighted | null = null;

  constructor(list: Array<{ edge: number; replica: number; weight: number }>) {
    this.n = list.length;
    this.edge = Int32Array.from(list, (b) => b.edge);
    this.replica = Int32Array.from(list, (b) => b.replica);
    this.weight = Float64Array.from(list, (b) => b.weight);
    this.healthy = new Uint8Array(this.n).fill(1);
    this.conns = new Int32Array(this.n);
    this.ewma = new Float64Array(this.n);
    this.inRotation = new InRotation(this.n);
  }

  setHealthy(i: number, healthy: boolean): void {
    const v = healthy ? 1 : 0;
    if (this.healthy[i] === v) return;
    this.healthy[i] = v;
    this.inRotation.change(i, healthy ? 1 : -1);
    this.smooth?.setIn(i, healthy);
    this.rescore(i);
    this.onHealth?.(i, healthy);
  }

  /** A call was sent to backend i. */
  connect(i: number): void {
    this.conns[i]!++;
    this.rescore(i);
  }

  /**
   * The response time (s) of the answer `release` is told of, NaN if the call failed: set just
   * before, in a field, as V8 boxes a number passed to a function it does not inline.
   */
  responseS = NaN;

  /** A call to backend i was answered, after `responseS`. */
  release(i: number): void {
    this.conns[i]!--;
    const responseS = this.responseS;
    if (responseS === responseS) {
      const e = this.ewma[i]!;
      this.ewma[i] = e === 0 ? responseS : e + EWMA_ALPHA * (responseS - e);
    }
    this.rescore(i);
  }

  private rescore(i: number): void {
    const out = this.healthy[i] === 0;
    this.byConns?.set(i, out ? Infinity : this.conns[i]!);
    this.byResponse?.set(i, out ? Infinity : responseScore(this, i));
  }

  /** The lowest-scoring backend in rotation; ties go round robin so none is starved. */
  lowest(strategy: 'leastConnections' | 'leastResponseTime'): number {
    let scores = strategy === 'leastConnections' ? this.byConns : this.byResponse;
    if (scores === null) {
      scores = new MinScores(this.n);
      if (strategy === 'leastConnections') this.byConns = scores;
      else this.byResponse = scores;
      for (let i = 0; i < this.n; i++) this.rescore(i);
    }
    const start = this.rr;
    this.rr = start + 1 === this.n ? 0 : start + 1;
    return scores.firstLowest(start);
  }

  /** nearest: how far each edge's target is (mean one-way ms, the regions' latency included);
   *  set by the balancer. Absent (a class route's own backends): edge order, as failover. */
  distanceMs: ((edge: number) => number) | null = null;
  /** nearest / failover: the runs of backends of one edge, [start, end) pairs, preferred first. */
  private tiers: Int32Array | null = null;
  private tiersBy: 'nearest' | 'failover' | null = null;

  /**
   * The preferred tier that has a backend in rotation, round robin among its replicas: all
   * traffic to the nearest (or first-listed) target, the next when health checks take all of it
   * out. O(tiers × log n): a global router has a few regions behind it.
   */
  tiered(strategy: 'nearest' | 'failover'): number {
    if (this.tiersBy !== strategy) {
      this.tiers = this.buildTiers(strategy);
      this.tiersBy = strategy;
    }
    const tiers = this.tiers!;
    const live = this.inRotation;
    for (let t = 0; t < tiers.length; t += 2) {
      const lo = live.before(tiers[t]!);
      const count = live.before(tiers[t + 1]!) - lo;
      if (count === 0) continue;
      const c = this.rr % count;
      this.rr = this.rr + 1 >= this.n ? 0 : this.rr + 1;
      return live.nth(lo + c);
    }
    return -1;
  }

  private buildTiers(strategy: 'nearest' | 'failover'): Int32Array {
    const runs: Array<[number, number]> = [];
    for (let i = 0; i < this.n; i++) {
      const last = runs.at(-1);
      if (last !== undefined && this.edge[last[0]] === this.edge[i]) last[1] = i + 1;
      else runs.push([i, i + 1]);
    }
    const far = this.distanceMs;
    if (strategy === 'nearest' && far !== null) {
      // A stable sort: equally near targets keep their edges' order.
      runs.sort((a, b) => far(this.edge[a[0]]!) - far(this.edge[b[0]]!));
    }
    return Int32Array.from(runs.flat());
  }

  smoothWeighted(): number {
    this.smooth ??= new SmoothWeighted(this.weight, this.healthy);
    return this.smooth.pick();
  }
}

/** Expected wait behind the calls already sent: EWMA response time × (in flight + 1). */
function responseScore(b: Backends, i: number): number {
  return b.ewma[i]! * (b.conns[i]! + 1);
}

/** Mix a 32-bit integer (murmur3 finalizer): spreads neighbouring client addresses. */
function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function pickBackend(b: Backends, strategy: LbStrategy, rng: Rng, source: number): number {
  const n = b.n;
  if (n === 0) return -1;
  const live = b.inRotation;
  switch (strategy) {
    case 'roundRobin': {
      // The first backend in rotation at or after the cursor, wrapping round.
      if (live.count === 0) return -1;
      if (live.count === n) {
        // All in rotation: the cursor is the pick (what the index below finds, in O(1)).
        const c = b.rr;
        b.rr = c + 1 === n ? 0 : c + 1;
        return c;
      }
      const ahead = live.before(b.rr);
      const c = live.nth(ahead < live.count ? ahead : 0);
      b.rr = c + 1 === n ? 0 : c + 1;
      return c;
    }
    case 'weightedRoundRobin':
      // nginx's smooth weighted round robin: even spacing, exact long-run proportions.
      return b.smoothWeighted();
    case 'random':
      return live.nth(rng.int(live.count));
    case 'ipHash':
      return live.count === 0 ? -1 : live.nth(mix32(source) % live.count);
    case 'powerOfTwoChoices': {
      const h = live.count;
      if (h <= 1) return live.nth(0);
      const i = rng.int(h);
      let j = rng.int(h - 1);
      if (j >= i) j++;
      const x = live.nth(i);
      const y = live.nth(j);
      return b.conns[y]! < b.conns[x]! ? y : x;
    }
    case 'leastConnections':
    case 'leastResponseTime':
      return b.lowest(strategy);
    case 'nearest':
    case 'failover':
      return b.tiered(strategy);
  }
}
