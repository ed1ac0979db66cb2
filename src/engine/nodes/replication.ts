/**
 * Replication between databases: each `replication` edge is an ordered log stream from the
 * node that ships writes to a replica. A write committed at time t is applied on the replica at
 * max(previous apply time on this stream, t + lag), where lag is a draw of the edge's latency
 * plus any `lag` fault: the stream stays in commit order, as a binlog or WAL stream does.
 *
 * The stream is a ring of (key, commit time, hops) in typed arrays, so shipping a write
 * allocates nothing; one node event per write applies the head of the ring when it is due.
 */
import type { ScenarioNode } from '../../model/types.ts';
import type { Call } from '../call.ts';
import type { EdgeRuntime } from '../edge.ts';
import type { Kernel } from '../kernel.ts';

/** Keys tracked per database (last write, last applied). Larger key spaces fold modulo this. */
export const KEY_BOUND = 1 << 20;

/** The key space the clients draw from (the largest), bounded by KEY_BOUND. */
export function keySpaceOf(nodes: readonly ScenarioNode[]): number {
  let n = 1;
  for (const node of nodes) if (node.type === 'client') n = Math.max(n, node.params.keys.count);
  return Math.min(n, KEY_BOUND);
}

/**
 * The primary at the top of `start`'s chain of upstreams. A cycle of replicas has none: then
 * its lowest-indexed member stands as the primary, so every member finds the same root and a
 * write passed up the chain stops there instead of going round forever.
 */
export function chainRoot(
  start: number,
  upstreamOf: (node: number) => number,
  isPrimary: (node: number) => boolean,
): number {
  const seen = new Set<number>();
  let node = start;
  while (!seen.has(node)) {
    seen.add(node);
    if (isPrimary(node)) return node;
    const up = upstreamOf(node);
    if (up < 0) return node;
    node = up;
  }
  // `node` is on the cycle: walk it once for its lowest index.
  let lowest = node;
  for (let n = upstreamOf(node); n !== node; n = upstreamOf(n)) lowest = Math.min(lowest, n);
  return lowest;
}

export class ReplicationLink {
  private keys = new Int32Array(64);
  private commits = new Float64Array(64);
  private hopsArr = new Uint8Array(64);
  /** The pending write (PendingWrites slot) each entry acknowledges when applied; -1 none. */
  private waiters = new Int32Array(64);
  private head = 0;
  length = 0;
  /** Apply time of the newest write in the stream (apply times never go back). */
  lastApplyT = 0;
  /** Filled when the shipping primary fails over: what the stream held at the crash. */
  lostAtCrash = 0;
  oldestLostT = 0;
  // The head just taken by `shift()`.
  key = 0;
  commitT = 0;
  hops = 0;
  waiter = -1;
  /** Apply events that came due while the edge was partitioned: re-sent when it heals. */
  held = 0;

  constructor(
    readonly edge: EdgeRuntime,
    /** Index of the replica node. */
    readonly target: number,
  ) {}

  /** Ship a write committed now; returns the delay until it applies on the replica. */
  push(now: number, key: number, hops: number, waiter: number): number {
    if (this.length === this.keys.length) this.grow();
    const i = (this.head + this.length) & (this.keys.length - 1);
    this.keys[i] = key;
    this.commits[i] = now;
    this.hopsArr[i] = hops;
    this.waiters[i] = waiter;
    this.length++;
    return this.nextDelay(now);
  }

  /** The delay from `now` until the next entry applies: a lag draw, in stream order. */
  nextDelay(now: number): number {
    const lagMs = this.edge.lagDrawMs();
    const at = Math.max(this.lastApplyT, now + lagMs / 1000);
    this.lastApplyT = at;
    return at - now;
  }

  /** How far behind the replica is now: the age of the oldest write not yet applied (s). */
  lagS(now: number): number {
    return this.length > 0 ? now - this.commits[this.head]! : 0;
  }

  shift(): void {
    const i = this.head;
    this.key = this.keys[i]!;
    this.commitT = this.commits[i]!;
    this.hops = this.hopsArr[i]!;
    this.waiter = this.waiters[i]!;
    this.head = (i + 1) & (this.keys.length - 1);
    this.length--;
  }

  /** The primary is gone: writes still in the stream never reach the replica. */
  cutAtCrash(): void {
    this.lostAtCrash = this.length;
    this.oldestLostT = this.length > 0 ? this.commits[this.head]! : 0;
    this.head = 0;
    this.length = 0;
  }

  private grow(): void {
    const n = this.keys.length;
    const keys = new Int32Array(n * 2);
    const commits = new Float64Array(n * 2);
    const hops = new Uint8Array(n * 2);
    const waiters = new Int32Array(n * 2);
    for (let j = 0; j < this.length; j++) {
      const i = (this.head + j) & (n - 1);
      keys[j] = this.keys[i]!;
      commits[j] = this.commits[i]!;
      hops[j] = this.hopsArr[i]!;
      waiters[j] = this.waiters[i]!;
    }
    this.keys = keys;
    this.commits = commits;
    this.hopsArr = hops;
    this.waiters = waiters;
    this.head = 0;
  }
}

/**
 * Hand a call that reached node `from` to node `to` instead (a replica passing a write to its
 * primary; the old primary's address pointing at the promoted replica). The arrival moves from
 * one node's counts to the other's, so each request is counted once, where it is served.
 */
export function redirect(k: Kernel, c: Call, from: number, to: number): void {
  const a = k.nodes[from]!.stats;
  a.wArrivals--;
  if (c.counted) a.arrivals--;
  c.node = to;
  c.arriveT = k.now;
  const b = k.nodes[to]!;
  b.stats.arrival(c.counted);
  b.arrive(c);
}
