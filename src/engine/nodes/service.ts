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
import { sized } from '../../model/kinds/sizes.ts';
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
import { ServiceClasses } from '../classes/serviceClasses.ts';
import { Batcher, SUB_BATCH_WAIT } from '../messaging/batcher.ts';
import { Discipline } from '../overload/discipline.ts';
import { ConcurrencyLimiter } from '../policies/concurrencyLimit.ts';
import { LoadClock } from '../overload/loadClock.ts';
import { Pauses, SUB_PAUSE_END, SUB_PAUSE_START } from '../overload/pauses.ts';
import { FAILED, REJECTED, SHED, UNAVAILABLE } from '../reasons.ts';
import { r4 } from '../metrics/summary.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import { QUEUE_FULL, TOOK_WORKER, WorkerPool } from '../workerPool.ts';
import { BaseNode } from './base.ts';
import type { NodeContext } from './types.ts';

const SUB_DONE = 0;
/** A load-dependent request's work is done (a = call id, b = its clock's stamp). */
const SUB_WORKED = 3;

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
  /** With `loadDependence`: the clock that re-times work as the load changes. */
  private clock: LoadClock | null;
  /** Once a pause fault has hit it: the stop-the-world pauses. */
  private pauses: Pauses | null = null;
  /** The error fault: the share of arrivals that fail at once. */
  private errorShare = 0;
  /** With request classes: time per class, priority lines, preemption (null: none of these). */
  private readonly classes: ServiceClasses | null;
  /** A batch consumer (`batch`): requests served in batches (null: one at a time). */
  private readonly batcher: Batcher | null;
  /** With `concurrencyLimit`: each replica's limit on the requests it admits at once. */
  private limiter: ConcurrencyLimiter | null = null;
  /**
   * Workers and a first-come line, nothing else at an arrival: no error fault, batches,
   * concurrency limit, shedding, classes, load dependence or pauses (`replan` keeps it). An
   * arrival and a start of work then skip those checks.
   */
  private plain = false;

  constructor(ctx: NodeContext) {
    super(ctx);
    if (ctx.node.type !== 'service') throw new Error('service behaviour on a non-service');
    this.p = ctx.node.params;
    this.replicas = replicaSlots(this.p, ctx.plannedReplicas?.[ctx.index]);
    this.workers = sized(this.p.workers, this.p.size);
    this.svc = new Sampler(this.p.serviceTimeMs, this.k.rng);
    this.downR = new Uint8Array(this.replicas);
    this.downSinceS = new Float64Array(this.replicas);
    const queueCapacity = this.p.queueCapacity ?? Infinity;
    this.pools = Array.from(
      { length: this.replicas },
      () => new WorkerPool(this.k, this.stats, this.workers, queueCapacity),
    );
    this.disciplines(this.p);
    this.classes =
      this.k.classes.count > 0 && (this.p.classServiceMs || this.p.priority) && !this.p.batch
        ? new ServiceClasses(this.k, this.p)
        : null;
    this.classes?.lines(this.pools);
    this.batcher = this.p.batch
      ? new Batcher(this.k, this.index, this.stats, this.p.batch, this.replicas)
      : null;
    this.limits(this.p);
    const initial = initialReplicas(this.p);
    this.stats.addCapacity(0, initial * this.workers);
    this.slots = new ReplicaSlots(this.k, this, this.replicas, initial);
    const a = this.p.autoscale;
    this.clock =
      this.p.loadDependence === undefined
        ? null
        : new LoadClock(this.k, this.index, SUB_WORKED, this.p.loadDependence);
    this.scaler =
      a === undefined
        ? null
        : new Autoscaler(this.k, this.index, a, this.slots, this.stats, ctx.targets);
    this.replan();
  }

  private replan(): void {
    this.plain =
      this.errorShare === 0 &&
      this.batcher === null &&
      this.limiter === null &&
      this.p.shedQueueLength === undefined &&
      this.classes === null &&
      this.clock === null &&
      this.pauses === null;
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
    const workers = sized(params.workers, params.size);
    if (workers !== this.workers) this.setWorkers(workers);
    const queueCapacity = params.queueCapacity ?? Infinity;
    for (const pool of this.pools) pool.queueCapacity = queueCapacity;
    if (params.replicas !== old.replicas) this.slots.scaleTo(params.replicas, 0);
    if (params.discipline !== old.discipline) this.disciplines(params);
    if (params.concurrencyLimit !== old.concurrencyLimit) this.limits(params);
    // Work under way keeps the clock it started with; a clock switched on applies to new work.
    if (params.loadDependence === undefined) this.clock = null;
    else if (this.clock === null)
      this.clock = new LoadClock(this.k, this.index, SUB_WORKED, params.loadDependence);
    else this.clock.ld = params.loadDependence;
    this.replan();
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
    if (this.plain) {
      c.replica = r;
      const got = this.pools[r]!.offer(c);
      if (got === TOOK_WORKER) this.startService(c);
      else if (got === QUEUE_FULL) this.k.respond(c, REJECTED);
      return;
    }
    if (this.errorShare > 0 && this.k.rng.next() < this.errorShare) {
      this.k.respond(c, FAILED);
      return;
    }
    c.replica = r;
    if (this.batcher !== null) return this.batchArrive(c, r);
    const pool = this.pools[r]!;
    if (this.limiter !== null && !this.limiter.admits(r, pool.busy + pool.queued)) {
      return this.k.respond(c, SHED);
    }
    const shed = this.p.shedQueueLength;
    // A free worker serves at once (its queue is then empty), so shedding only ever refuses a
    // request that would wait: `shedQueueLength: 0` means "never wait", not "refuse all".
    let shedInstead = -1;
    if (shed !== undefined && pool.busy >= this.workers && pool.queued >= shed) {
      // With priorities, a lower-priority waiting request is shed first.
      shedInstead = this.classes?.shedLower(pool, c) ?? -1;
      if (shedInstead < 0) return this.k.respond(c, SHED);
    }
    if (pool.busy >= this.workers && this.classes?.preemptive) this.classes.preemptFor(pool, c);
    const got = pool.offer(c);
    if (shedInstead >= 0) this.k.respond(this.k.pool.calls[shedInstead]!, SHED);
    if (got === TOOK_WORKER) this.startService(c);
    else if (got === QUEUE_FULL) this.k.respond(c, REJECTED);
    else if (this.clock !== null && this.clock.ld.on === 'present') this.retime(pool);
  }

  override onEvent(sub: number, a: number, b: number): void {
    if (sub === SUB_DONE) return this.done(a, b);
    if (sub === SUB_SCALE) return this.scaler?.onTick(a);
    if (sub === SUB_BATCH_WAIT) return this.startBatches(a);
    if (sub === SUB_READY) return this.slots.ready(a, b);
    if (sub === SUB_PAUSE_START || sub === SUB_PAUSE_END) return this.pauses?.onEvent(sub, b);
    if (sub === SUB_WORKED) {
      const c = this.clock?.due(a, b) ?? null;
      if (c !== null) this.worked(c);
    }
  }

  /** The local work of call (a, b) is done, unless the call is gone (a crash killed it). */
  private done(a: number, b: number): void {
    const c = this.k.pool.alive(a, b);
    if (c === null) return;
    if (this.pauses !== null && this.pauses.owes(c, SUB_DONE)) return;
    if (this.classes !== null && !this.classes.done(c)) return;
    this.worked(c);
  }

  override setSlow(factor: number): void {
    super.setSlow(factor);
    this.retimeAll();
  }

  /** The pause fault: stop the world for `pauseS` (+ `perRequestS` per request present) every
   *  `everyS` (0: no more pauses). */
  setPause(everyS: number, pauseS: number, perRequestS: number): void {
    this.pauses ??= new Pauses(
      this.k,
      this.index,
      () => this.retimeAll(),
      () => this.present(),
    );
    this.pauses.set(everyS, pauseS, perRequestS);
    this.replan();
  }

  /** The error fault: this share of arrivals fails at once. */
  setErrorShare(share: number): void {
    this.errorShare = share;
    this.replan();
  }

  /** `c`'s local work is done: its calls, or its answer. */
  private worked(c: Call): void {
    if (c.span !== null) c.span.workDone(this.k.now);
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
      const slowdown = this.clock?.slowdown(true);
      if (slowdown !== undefined) out.slowdown = r4(slowdown);
      if (this.p.discipline) out.dropped = this.dropped(true);
      this.batcher?.describe(out, true);
      if (this.limiter !== null) out.concurrencyLimit = this.limiter.mean(this.serving);
      return;
    }
    if (this.limiter !== null) out.concurrencyLimit = r4(this.limiter.average(this.k.now));
    out.replicas = r4(this.slots.average(this.k.now));
    const slowdown = this.clock?.slowdown(false);
    if (slowdown !== undefined) out.slowdown = r4(slowdown);
    if (this.p.discipline) out.dropped = this.dropped(false);
    this.batcher?.describe(out, false);
    if (this.scaler !== null) {
      out.replicasMax = this.slots.peak;
      out.replicasNow = this.slots.provisioned;
      out.scalingActions = this.scaler.actions;
    }
  }

  /** Each replica's line served as `p.discipline` says (a live change keeps the counts). */
  private disciplines(p: ServiceParams): void {
    for (const pool of this.pools) {
      if (p.discipline === undefined) pool.discipline = null;
      else if (pool.discipline === null) pool.discipline = new Discipline(this.k, p.discipline);
      else pool.discipline.p = p.discipline;
    }
  }

  private readonly serving = (r: number): boolean => this.isUp(r);

  /** The concurrency limiter `p` asks for (a live change restarts it from its initial limit). */
  private limits(p: ServiceParams): void {
    const cl = p.concurrencyLimit;
    if (cl === undefined) this.limiter = null;
    else if (this.limiter === null)
      this.limiter = new ConcurrencyLimiter(cl, this.replicas, this.k.warmupS);
    else this.limiter.set(cl, this.k.now);
  }

  /** Calls the disciplines dropped: in the window just closed (then restart), or since warm-up. */
  private dropped(window: boolean): number {
    let n = 0;
    for (const pool of this.pools) {
      const d = pool.discipline;
      if (d === null) continue;
      n += window ? d.windowDropped : d.dropped;
      if (window) d.windowDropped = 0;
    }
    return n;
  }

  /** Messages a consumer of this service may hold per worker (a batch consumer: a batch). */
  get itemsPerWorker(): number {
    return this.p.batch?.maxItems ?? 1;
  }

  /** `c` waits at replica r for a batch (a full line rejects, as a queue would). */
  private batchArrive(c: Call, r: number): void {
    const cap = this.p.queueCapacity;
    if (cap !== undefined && this.batcher!.queued(r) >= cap) return this.k.respond(c, REJECTED);
    this.batcher!.add(c, r);
    this.startBatches(r);
  }

  /** Free workers of replica r take the batches that are due. */
  private startBatches(r: number): void {
    const b = this.batcher!;
    const pool = this.pools[r]!;
    if (this.downR[r] === 1) return;
    while (pool.busy < this.workers && b.due(r)) {
      const { leader, workS } = b.take(r);
      pool.offer(leader);
      this.k.scheduleNode(workS * this.slow, this.index, SUB_DONE, leader.id, leader.gen);
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

  /** `c` holds a worker: its local work starts (one place schedules it: see `plain`). */
  private startService(c: Call): void {
    if (!this.plain) {
      if (this.clock !== null) {
        this.clock.begin(c, this.pools[c.replica]!, this.svc.sample(), this.outside());
        return;
      }
      if (this.pauses !== null) this.pauses.markStart(c);
    }
    const classes = this.classes;
    let delayS: number;
    if (classes === null) delayS = (this.svc.sample() * this.slow) / 1000;
    else {
      delayS = classes.workS(c, this.svc, this.slow);
      classes.started(c, delayS);
    }
    this.k.scheduleNode(delayS, this.index, SUB_DONE, c.id, c.gen);
  }

  /** Requests at the node now, waiting or in service, over all its replicas. */
  private present(): number {
    let n = 0;
    for (const pool of this.pools) n += pool.busy + pool.queued;
    return n;
  }

  /** What slows the work beyond its load: the slow and cpu faults, a pause (no progress). */
  private outside(): number {
    return this.pauses !== null && this.pauses.paused ? Infinity : this.slow;
  }

  private retime(pool: WorkerPool): void {
    this.clock?.retime(pool, this.outside());
  }

  private retimeAll(): void {
    if (this.clock !== null) for (const pool of this.pools) this.retime(pool);
  }

  private finish(c: Call, reason: number): void {
    this.batcher?.answerMembers(c, reason);
    if (c.slot >= 0) this.releaseWorker(c);
    if (this.limiter !== null) {
      const pool = this.pools[c.replica]!;
      // In flight as it finished, itself included.
      const present = pool.busy + pool.queued + 1;
      this.limiter.sample(c.replica, this.k.now - c.arriveT, reason !== 0, present, this.k.now);
    }
    this.k.respond(c, reason);
  }

  private releaseWorker(c: Call): void {
    const r = c.replica;
    const pool = this.pools[r]!;
    pool.release(c);
    if (this.batcher !== null) this.startBatches(r);
    const next = this.downR[r] === 0 ? pool.takeNext() : null;
    if (next !== null) this.startService(next);
    else {
      this.retime(pool);
      this.slots.idle(r);
    }
  }

  private killReplica(r: number): void {
    const { held, waiting } = this.pools[r]!.evict();
    if (this.clock !== null) for (const id of held) this.clock.end(id);
    const b = this.batcher;
    if (b !== null) {
      for (const id of held) b.answerMembers(this.k.pool.calls[id]!, UNAVAILABLE);
      waiting.push(...b.evict(r));
    }
    this.failCrashed(held, waiting);
  }
}
