/**
 * Service: `replicas` × `workers`, a FIFO queue per replica (optionally bounded), then the
 * outgoing calls (sequential, parallel or oneOf). Blocking: the worker stays held until the
 * calls answer (thread per request); non-blocking: it is freed after the local work.
 *
 * Replica choice when called directly (not through a balancer that pins one): join the
 * shortest queue (fewest busy + waiting), ties broken round robin. A crashed replica answers
 * 'unavailable' at once and loses what it held.
 *
 * Autoscaling (src/engine/autoscale): replicas are slots added (after a start-up time) and
 * removed (draining: no new work, the held and queued requests finish) at run time; `replicas`
 * is the number of slots, the most the service can have at once. A call pinned to a slot that
 * is not serving (starting, draining, off) goes to a serving replica instead.
 */
import type { ServiceParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import { Sampler } from '../dists.ts';
import { Autoscaler } from '../autoscale/autoscaler.ts';
import {
  initialReplicas,
  ReplicaSlots,
  replicaSlots,
  SUB_READY,
  SUB_SCALE,
} from '../autoscale/replicaSlots.ts';
import { REJECTED, SHED, UNAVAILABLE } from '../reasons.ts';
import { r4 } from '../metrics/summary.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import { QUEUE_FULL, TOOK_WORKER, WorkerPool } from '../workerPool.ts';
import { BaseNode } from './base.ts';
import type { NodeContext } from './types.ts';

const SUB_DONE = 0;

export class ServiceNode extends BaseNode {
  readonly replicas: number;
  workers: number;
  private p: ServiceParams;
  private svc: Sampler;
  /** Each replica's workers and queue. */
  readonly pools: WorkerPool[];
  readonly downR: Uint8Array;
  /** When each replica last went down (simulated s): health checks measure time to detect. */
  readonly downSinceS: Float64Array;
  private rr = 0;
  readonly slots: ReplicaSlots;
  private readonly scaler: Autoscaler | null;

  constructor(ctx: NodeContext) {
    super(ctx);
    if (ctx.node.type !== 'service') throw new Error('service behaviour on a non-service');
    this.p = ctx.node.params;
    this.replicas = replicaSlots(this.p, ctx.plannedReplicas?.[ctx.index]);
    this.workers = this.p.workers;
    this.svc = new Sampler(this.p.serviceTimeMs, this.k.rng);
    this.downR = new Uint8Array(this.replicas);
    this.downSinceS = new Float64Array(this.replicas);
    const queueCapacity = this.p.queueCapacity ?? Infinity;
    this.pools = Array.from(
      { length: this.replicas },
      () => new WorkerPool(this.k, this.stats, this.workers, queueCapacity),
    );
    const initial = initialReplicas(this.p);
    this.stats.addCapacity(0, initial * this.workers);
    this.slots = new ReplicaSlots(this.k, this, this.replicas, initial);
    const a = this.p.autoscale;
    this.scaler =
      a === undefined
        ? null
        : new Autoscaler(this.k, this.index, a, this.slots, this.stats, ctx.targets);
  }

  override start(): void {
    this.scaler?.start();
  }

  /** Live params (src/engine/actions.ts): each change takes effect now. */
  retune(params: ServiceParams): void {
    const old = this.p;
    this.p = params;
    if (params.serviceTimeMs !== old.serviceTimeMs)
      this.svc = new Sampler(params.serviceTimeMs, this.k.rng);
    if (params.workers !== this.workers) this.setWorkers(params.workers);
    const queueCapacity = params.queueCapacity ?? Infinity;
    for (const pool of this.pools) pool.queueCapacity = queueCapacity;
    if (params.replicas !== old.replicas) this.slots.scaleTo(params.replicas, 0);
  }

  drain(replica: number): void {
    this.slots.drain(replica);
  }

  private setWorkers(workers: number): void {
    const delta = workers - this.workers;
    this.workers = workers;
    for (let r = 0; r < this.replicas; r++) {
      if (this.slots.serves(r) && this.downR[r] === 0) this.stats.addCapacity(this.k.now, delta);
      const started = this.pools[r]!.resize(workers);
      if (this.downR[r] === 0) for (const c of started) this.startService(c);
    }
  }

  /** Is replica r up? (Balancers ask before pinning.) */
  isUp(r: number): boolean {
    return r < this.replicas && this.downR[r] === 0 && this.slots.isActive(r);
  }

  /** A health probe's wait at replica r (ms): behind the queue when every worker is busy. */
  probeWaitMs(r: number): number {
    const pool = this.pools[r]!;
    if (pool.busy < this.workers) return 0;
    return ((pool.queued + 1) / this.workers) * this.svc.meanMs * this.slow;
  }

  arrive(c: Call): void {
    const pinned = c.replica >= 0 && (c.replica >= this.replicas || this.slots.isActive(c.replica));
    const r = pinned ? c.replica : this.pickReplica();
    if (r < 0 || r >= this.replicas || this.downR[r] === 1) {
      this.k.respond(c, UNAVAILABLE);
      return;
    }
    c.replica = r;
    const pool = this.pools[r]!;
    const shed = this.p.shedQueueLength;
    // A free worker serves at once (its queue is then empty), so shedding only ever refuses a
    // request that would wait: `shedQueueLength: 0` means "never wait", not "refuse all".
    if (shed !== undefined && pool.busy >= this.workers && pool.queued >= shed) {
      return this.k.respond(c, SHED);
    }
    const got = pool.offer(c);
    if (got === TOOK_WORKER) this.startService(c);
    else if (got === QUEUE_FULL) this.k.respond(c, REJECTED);
  }

  override onEvent(sub: number, a: number, b: number): void {
    if (sub === SUB_SCALE) return this.scaler?.onTick(a);
    if (sub === SUB_READY) return this.slots.ready(a, b);
    const c = this.k.pool.alive(a, b);
    if (c === null) return;
    const n = this.out.length;
    if (n === 0) return this.finish(c, 0);
    if (!this.p.blocking) this.releaseWorker(c);
    const mode = this.p.calls;
    if (mode === 'sequential') {
      c.next = 0;
      this.k.send(c, this.out[0]!);
    } else if (mode === 'parallel') {
      c.pending = n;
      c.result = 0;
      for (let i = 0; i < n; i++) this.k.send(c, this.out[i]!);
    } else {
      this.k.send(c, this.pickEdgeByWeight());
    }
  }

  override onAnswer(c: Call, _child: Call, reason: number): void {
    const mode = this.p.calls;
    if (mode === 'sequential') {
      if (reason !== 0) return this.finish(c, reason);
      if (++c.next < this.out.length) this.k.send(c, this.out[c.next]!);
      else this.finish(c, 0);
    } else if (mode === 'parallel') {
      if (reason !== 0 && c.result === 0) c.result = reason;
      if (--c.pending === 0) this.finish(c, c.result);
    } else {
      this.finish(c, reason);
    }
  }

  override setDown(replicasDown: number): void {
    const down = Math.min(this.replicas, replicasDown);
    for (let r = 0; r < this.replicas; r++) {
      const want = r < down ? 1 : 0;
      if (this.downR[r] === want) continue;
      this.downR[r] = want;
      if (this.slots.serves(r))
        this.stats.addCapacity(this.k.now, want === 1 ? -this.workers : this.workers);
      if (want === 1) {
        this.downSinceS[r] = this.k.now;
        this.killReplica(r);
        this.slots.idle(r); // a crashed draining replica has nothing left to finish
      }
    }
    this.down = down === this.replicas;
  }

  override describe(out: NodeResult | NodeWindow, window: boolean): void {
    if (window) {
      out.replicas = this.slots.provisioned;
      (out as NodeWindow).healthyReplicas = this.slots.up;
      return;
    }
    out.replicas = r4(this.slots.average(this.k.now));
    if (this.scaler !== null) {
      out.replicasMax = this.slots.peak;
      out.replicasNow = this.slots.provisioned;
      out.scalingActions = this.scaler.actions;
    }
  }

  private pickReplica(): number {
    const n = this.replicas;
    if (n === 1) return 0;
    let best = -1;
    let bestLoad = Infinity;
    const start = this.rr;
    this.rr = start + 1 === n ? 0 : start + 1;
    for (let i = 0; i < n; i++) {
      const r = (start + i) % n;
      if (this.downR[r] === 1 || !this.slots.isActive(r)) continue;
      const pool = this.pools[r]!;
      const load = pool.busy + pool.queued;
      if (load < bestLoad) {
        bestLoad = load;
        best = r;
      }
    }
    return best;
  }

  /** `c` holds a worker: its local work starts. */
  private startService(c: Call): void {
    this.k.scheduleNode((this.svc.sample() * this.slow) / 1000, this.index, SUB_DONE, c.id, c.gen);
  }

  private finish(c: Call, reason: number): void {
    if (c.slot >= 0) this.releaseWorker(c);
    this.k.respond(c, reason);
  }

  private releaseWorker(c: Call): void {
    const r = c.replica;
    const pool = this.pools[r]!;
    pool.release(c);
    const next = this.downR[r] === 0 ? pool.takeNext() : null;
    if (next !== null) this.startService(next);
    else this.slots.idle(r);
  }

  private killReplica(r: number): void {
    const { held, waiting } = this.pools[r]!.evict();
    this.failCrashed(held, waiting);
  }
}
