/**
 * A stream's consumer groups (src/engine/nodes/stream.ts): per group and partition the committed
 * offset, the message in flight, the replica that owns the partition, and the time-averages of
 * lag; per group its members (the replicas up), rebalance pauses and a replay's catch-up. Index
 * gp = group × partitions + partition. Lag is kept incrementally (per gp and per group), so
 * every figure is read in O(groups × partitions) and nothing is counted per event beyond O(1).
 */
import type { Call } from '../call.ts';
import type { Kernel } from '../kernel.ts';
import { r4 } from '../metrics/summary.ts';
import type { ServiceNode } from '../nodes/service.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import type { StreamLog } from './streamLog.ts';

export class StreamGroups {
  private readonly P: number;
  private readonly G: number;
  // Per group · partition.
  private readonly offset: Float64Array;
  private readonly inFlight: Uint8Array;
  /** A delivery is scheduled (a retry): nothing else is sent meanwhile. */
  readonly retrying: Uint8Array;
  private readonly owner: Int32Array;
  private readonly gpLag: Float64Array;
  private readonly lagArea: Float64Array;
  private readonly lagSince: Float64Array;
  private readonly waitSum: Float64Array;
  private readonly waitN: Float64Array;
  // Per group.
  private readonly started: Uint8Array;
  private readonly replay: Uint8Array;
  private readonly startT: Float64Array;
  private readonly lag: Float64Array;
  private readonly maxLag: Float64Array;
  private readonly groupArea: Float64Array;
  private readonly groupSince: Float64Array;
  private readonly consumed: Float64Array;
  private readonly rebalances: Float64Array;
  private readonly paused: Uint8Array;
  private readonly pausedSince: Float64Array;
  private readonly pausedS: Float64Array;
  private readonly backlog: Float64Array;
  private readonly catchUpS: Float64Array;
  /** Each group's members when partitions were last shared out (replica indices, ascending). */
  private readonly members: Int32Array[];
  private readonly memberCount: Int32Array;
  private readonly scratch: Int32Array;
  private redelivered = 0;
  private expired = 0;
  private consumedInWindow = 0;
  private windowStart = 0;

  constructor(
    private readonly k: Kernel,
    /** The stream's node index: its message calls are its own, answered to it. */
    private readonly node: number,
    private readonly log: StreamLog,
    private readonly services: readonly ServiceNode[],
    private readonly names: readonly string[],
    replayAt: Float64Array,
  ) {
    const P = log.partitions;
    const G = services.length;
    this.P = P;
    this.G = G;
    this.offset = new Float64Array(G * P);
    this.inFlight = new Uint8Array(G * P);
    this.retrying = new Uint8Array(G * P);
    this.owner = new Int32Array(G * P).fill(-1);
    this.gpLag = new Float64Array(G * P);
    this.lagArea = new Float64Array(G * P);
    this.lagSince = new Float64Array(G * P);
    this.waitSum = new Float64Array(G * P);
    this.waitN = new Float64Array(G * P);
    this.started = Uint8Array.from(replayAt, (at) => (at < 0 ? 1 : 0));
    this.replay = Uint8Array.from(replayAt, (at) => (at < 0 ? 0 : 1));
    this.startT = new Float64Array(G);
    this.lag = new Float64Array(G);
    this.maxLag = new Float64Array(G);
    this.groupArea = new Float64Array(G);
    this.groupSince = new Float64Array(G);
    this.consumed = new Float64Array(G);
    this.rebalances = new Float64Array(G);
    this.paused = new Uint8Array(G);
    this.pausedSince = new Float64Array(G);
    this.pausedS = new Float64Array(G);
    this.backlog = new Float64Array(G);
    this.catchUpS = new Float64Array(G).fill(NaN);
    this.members = services.map((s) => new Int32Array(s.replicas));
    this.memberCount = new Int32Array(G);
    this.scratch = new Int32Array(Math.max(1, ...services.map((s) => s.replicas)));
    for (let g = 0; g < G; g++) if (this.started[g] === 1) this.share(g);
  }

  /** A message was appended to partition p: every started group's lag there grows by one. */
  appended(p: number): void {
    for (let g = 0; g < this.G; g++) if (this.started[g] === 1) this.addLag(g, p, 1);
  }

  /** The replica that owns partition p in group g (-1: none). */
  ownerOf(g: number, p: number): number {
    return this.owner[g * this.P + p]!;
  }

  /**
   * Group g's next message in partition p as a message call, marked in flight, or null when it
   * may not have one now (one in flight, a retry pending, paused, not started, no owner, caught
   * up). Messages retention removed before g read them are skipped (counted `expired`).
   */
  next(g: number, p: number): Call | null {
    const gp = g * this.P + p;
    if (this.inFlight[gp] === 1 || this.retrying[gp] === 1) return null;
    if (this.started[g] === 0 || this.paused[g] === 1 || this.owner[gp]! < 0) return null;
    const head = this.log.head(p);
    const off = this.offset[gp]!;
    if (off < head) {
      this.expired += head - off;
      this.addLag(g, p, off - head);
      this.offset[gp] = head;
    }
    if (this.offset[gp]! >= this.log.end(p)) return null;
    const k = this.k;
    const m = k.pool.alloc();
    this.log.read(p, this.offset[gp]!, m);
    m.node = this.node;
    m.edge = -1;
    m.arriveT = k.now; // delivered now
    m.aux = gp;
    m.next = this.offset[gp]!;
    this.inFlight[gp] = 1;
    return m;
  }

  /** The consumer answered message `m` (ok or not). */
  answered(gp: number, m: Call, ok: boolean): void {
    this.inFlight[gp] = 0;
    if (!ok) {
      if (m.counted) this.redelivered++;
      return;
    }
    const g = (gp / this.P) | 0;
    const p = gp - g * this.P;
    // Retention may have skipped past it meanwhile only if nothing was in flight: it was.
    this.offset[gp] = m.next + 1;
    this.addLag(g, p, -1);
    this.consumedInWindow++;
    if (m.counted) {
      this.consumed[g]!++;
      this.waitSum[gp]! += (m.arriveT - m.rootT) * 1000;
      this.waitN[gp]!++;
    }
    if (this.replay[g] === 1 && Number.isNaN(this.catchUpS[g]!)) this.checkCaughtUp(g);
  }

  /** Whether group g's replicas up differ from its members (never while paused or not started). */
  membershipChanged(g: number): boolean {
    if (this.started[g] === 0 || this.paused[g] === 1) return false;
    const n = this.up(g, this.scratch);
    if (n !== this.memberCount[g]) return true;
    const members = this.members[g]!;
    for (let i = 0; i < n; i++) if (members[i] !== this.scratch[i]) return true;
    return false;
  }

  /** A rebalance starts: every partition of group g is revoked until `resume`. */
  pause(g: number): void {
    this.paused[g] = 1;
    this.pausedSince[g] = this.k.now;
    this.rebalances[g]!++;
    this.owner.fill(-1, g * this.P, (g + 1) * this.P);
  }

  resume(g: number): void {
    this.paused[g] = 0;
    this.pausedS[g]! += this.sinceWarmup(this.pausedSince[g]!);
    this.share(g);
  }

  /** A replay group joins now, from the oldest retained message of each partition. */
  join(g: number): void {
    const now = this.k.now;
    this.started[g] = 1;
    this.startT[g] = now;
    this.groupSince[g] = now;
    for (let p = 0; p < this.P; p++) {
      this.log.expire(p, now);
      const gp = g * this.P + p;
      this.offset[gp] = this.log.head(p);
      this.lagSince[gp] = now;
      this.addLag(g, p, this.log.end(p) - this.log.head(p));
    }
    this.backlog[g] = this.lag[g]!;
    this.share(g);
    this.checkCaughtUp(g);
  }

  /** The largest lag in partition p over the started groups. */
  partitionLag(p: number): number {
    let most = 0;
    for (let g = 0; g < this.G; g++) {
      if (this.started[g] === 0) continue;
      most = Math.max(most, this.gpLag[g * this.P + p]!);
    }
    return most;
  }

  describeWindow(w: NodeWindow): void {
    const now = this.k.now;
    w.liveLag = this.mostLag(0);
    let anyReplay = false;
    for (let g = 0; g < this.G; g++)
      if (this.replay[g] === 1 && this.started[g] === 1) anyReplay = true;
    if (anyReplay) w.replayLag = this.mostLag(1);
    let oldest = now;
    let rebalancing = 0;
    for (let g = 0; g < this.G; g++) {
      rebalancing += this.paused[g]!;
      if (this.started[g] === 0) continue;
      for (let p = 0; p < this.P; p++) {
        const off = Math.max(this.offset[g * this.P + p]!, this.log.head(p));
        if (off < this.log.end(p)) oldest = Math.min(oldest, this.log.appendedAt(p, off));
      }
    }
    w.lagSeconds = r4(now - oldest);
    w.rebalancing = rebalancing;
    const length = now - this.windowStart;
    w.consumedRps = length > 0 ? r4(this.consumedInWindow / length) : 0;
    this.consumedInWindow = 0;
    this.windowStart = now;
  }

  describeResult(r: NodeResult): void {
    const meanLag: Record<string, number> = {};
    const waitMs: Record<string, number> = {};
    const groupMean: Record<string, number> = {};
    const groupMax: Record<string, number> = {};
    const consumed: Record<string, number> = {};
    const rebalances: Record<string, number> = {};
    const pausedS: Record<string, number> = {};
    const idle: Record<string, number> = {};
    const backlog: Record<string, number> = {};
    const catchUp: Record<string, number> = {};
    for (let g = 0; g < this.G; g++) {
      const name = this.names[g]!;
      const span = this.sinceWarmup(this.startT[g]!);
      for (let p = 0; p < this.P; p++) {
        const gp = g * this.P + p;
        this.touch(g, p);
        meanLag[`${name} p${p}`] = span > 0 ? r4(this.lagArea[gp]! / span) : 0;
        waitMs[`${name} p${p}`] = this.waitN[gp]! > 0 ? r4(this.waitSum[gp]! / this.waitN[gp]!) : 0;
      }
      groupMean[name] = span > 0 ? r4(this.groupArea[g]! / span) : 0;
      groupMax[name] = this.maxLag[g]!;
      consumed[name] = this.consumed[g]!;
      rebalances[name] = this.rebalances[g]!;
      const pausing = this.paused[g] === 1 ? this.sinceWarmup(this.pausedSince[g]!) : 0;
      pausedS[name] = r4(this.pausedS[g]! + pausing);
      idle[name] = Math.max(0, this.memberCount[g]! - this.P);
      if (this.replay[g] === 1 && this.started[g] === 1) {
        backlog[name] = this.backlog[g]!;
        if (!Number.isNaN(this.catchUpS[g]!)) catchUp[name] = r4(this.catchUpS[g]!);
      }
    }
    r.partitionMeanLag = meanLag;
    r.partitionWaitMs = waitMs;
    r.groupMeanLag = groupMean;
    r.groupMaxLag = groupMax;
    r.groupConsumed = consumed;
    r.groupRebalances = rebalances;
    r.groupPausedS = pausedS;
    r.groupIdleConsumers = idle;
    if (this.replay.includes(1)) {
      r.replayBacklog = backlog;
      r.catchUpS = catchUp;
    }
    r.redelivered = this.redelivered;
    r.expired = this.expired;
  }

  /** The largest total lag over the started groups that replay (1) or are live (0). */
  private mostLag(replay: number): number {
    let most = 0;
    for (let g = 0; g < this.G; g++)
      if (this.started[g] === 1 && this.replay[g] === replay) most = Math.max(most, this.lag[g]!);
    return most;
  }

  private checkCaughtUp(g: number): void {
    if (this.lag[g]! <= this.mostLag(0)) this.catchUpS[g] = this.k.now - this.startT[g]!;
  }

  /** Share group g's partitions round robin over its replicas up now. */
  private share(g: number): void {
    const members = this.members[g]!;
    const n = this.up(g, members);
    this.memberCount[g] = n;
    for (let p = 0; p < this.P; p++) this.owner[g * this.P + p] = n > 0 ? members[p % n]! : -1;
  }

  /** Group g's replicas up, ascending, into `into`: how many. */
  private up(g: number, into: Int32Array): number {
    const s = this.services[g]!;
    let n = 0;
    for (let r = 0; r < s.replicas; r++) if (s.isUp(r)) into[n++] = r;
    return n;
  }

  private addLag(g: number, p: number, delta: number): void {
    this.touch(g, p);
    this.gpLag[g * this.P + p]! += delta;
    this.lag[g]! += delta;
    if (this.lag[g]! > this.maxLag[g]!) this.maxLag[g] = this.lag[g]!;
  }

  /** Bring the time-averages of (g, p) and of g up to now, before their lag changes. */
  private touch(g: number, p: number): void {
    const now = this.k.now;
    const gp = g * this.P + p;
    // A group not started yet has no lag: its areas start when it joins.
    if (this.started[g] === 1) {
      this.lagArea[gp]! += this.gpLag[gp]! * this.sinceWarmup(this.lagSince[gp]!);
      this.groupArea[g]! += this.lag[g]! * this.sinceWarmup(this.groupSince[g]!);
    }
    this.lagSince[gp] = now;
    this.groupSince[g] = now;
  }

  /** Seconds from `t` (or warm-up, if later) to now. */
  private sinceWarmup(t: number): number {
    return Math.max(0, this.k.now - Math.max(t, this.k.warmupS));
  }
}
