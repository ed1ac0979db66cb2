/**
 * Database: a pool of `connections` serving queries one each (reads take `readTimeMs`, writes
 * `writeTimeMs`), a FIFO queue for a connection (bounded by `queueCapacity`: full → 'rejected').
 * Replication, stale reads, conflicts and failover live in `DataState` (dataState.ts); this file
 * is the query path. A write reaching a read replica is passed to its primary; any call reaching
 * a primary that has failed over is passed to the promoted replica.
 */
import { sized } from '../../model/kinds/sizes.ts';
import type { DatabaseParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import { Sampler } from '../dists.ts';
import { Discipline } from '../overload/discipline.ts';
import { LoadClock } from '../overload/loadClock.ts';
import { Pauses, SUB_PAUSE_END, SUB_PAUSE_START } from '../overload/pauses.ts';
import { r4 } from '../metrics/summary.ts';
import { FAILED, REJECTED, UNAVAILABLE } from '../reasons.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import { QUEUE_FULL, TOOK_WORKER, WorkerPool } from '../workerPool.ts';
import { BaseNode } from './base.ts';
import { DataState, dbAt, SUB_APPLIED, SUB_APPLY, SUB_PROMOTE } from './dataState.ts';
import { switchOver } from './failover.ts';
import { redirect } from './replication.ts';
import type { NodeContext } from './types.ts';

const SUB_DONE = 0;
/** A load-dependent query's work is done (a = call id, b = its clock's stamp). */
const SUB_WORKED = 3;
/** A quorum read's slowest consulted copy has answered (a = call id, b = its gen). */
const SUB_QUORUM_READ = 7;

export class DatabaseNode extends BaseNode {
  params: DatabaseParams;
  readonly data: DataState;
  private readS: Sampler;
  private writeS: Sampler;
  private conns: number;
  /** The connections and the queue for one. */
  private readonly pool: WorkerPool;
  /** With `loadDependence`: the clock that re-times queries as the load changes. */
  private clock: LoadClock | null;
  /** Once a pause fault has hit it: the stop-the-world pauses. */
  private pauses: Pauses | null = null;
  /** The error fault: the share of queries that fail at once. */
  private errorShare = 0;

  constructor(ctx: NodeContext) {
    super(ctx);
    if (ctx.node.type !== 'database') throw new Error('database behaviour on another kind');
    this.params = ctx.node.params;
    this.readS = new Sampler(this.params.readTimeMs, this.k.rng);
    this.writeS = new Sampler(this.params.writeTimeMs, this.k.rng);
    this.conns = sized(this.params.connections, this.params.size);
    this.pool = new WorkerPool(
      this.k,
      this.stats,
      this.conns,
      this.params.queueCapacity ?? Infinity,
    );
    this.stats.addCapacity(0, this.conns);
    this.clock = this.newClock(this.params);
    this.setDiscipline(this.params);
    this.data = new DataState(this, ctx);
  }

  get isDown(): boolean {
    return this.down;
  }

  override start(): void {
    this.data.link();
  }

  arrive(c: Call): void {
    const d = this.data;
    if (d.promotedTo >= 0) return redirect(this.k, c, this.index, d.promotedTo);
    if (this.down) {
      d.refused(c);
      return this.k.respond(c, UNAVAILABLE);
    }
    if (c.write && d.role === 'replica' && d.root >= 0) {
      return redirect(this.k, c, this.index, d.root);
    }
    if (!c.write && d.sticksToPrimary(c)) return redirect(this.k, c, this.index, d.root);
    const copy = c.write ? -1 : d.sessionCopy(c);
    if (copy >= 0) return redirect(this.k, c, this.index, copy);
    // Under a partition, a store that chose consistency refuses what it cannot do safely.
    if (c.write ? d.acksNeeded() < 0 : d.refusesRead(c)) {
      if (c.write) d.refused(c);
      return this.k.respond(c, UNAVAILABLE);
    }
    if (this.errorShare > 0 && this.k.rng.next() < this.errorShare) {
      return this.k.respond(c, FAILED);
    }
    const got = this.pool.offer(c);
    if (got === TOOK_WORKER) this.startQuery(c);
    else if (got === QUEUE_FULL) this.k.respond(c, REJECTED);
    else if (this.clock !== null && this.clock.ld.on === 'present') this.retime();
  }

  override onEvent(sub: number, a: number, b: number): void {
    if (sub === SUB_APPLY) return this.data.applyDue(a, b);
    if (sub === SUB_PROMOTE) return this.data.promote(b);
    if (sub === SUB_APPLIED) return this.stats.addBusy(this.k.now, -1);
    if (sub === SUB_PAUSE_START || sub === SUB_PAUSE_END) return this.pauses?.onEvent(sub, b);
    if (sub === SUB_WORKED) {
      const c = this.clock?.due(a, b) ?? null;
      if (c !== null) this.answered(c);
      return;
    }
    const c = this.k.pool.alive(a, b);
    if (c === null) return;
    if (sub === SUB_QUORUM_READ) return c.killed ? undefined : this.finishWrite(c);
    if (this.pauses !== null && this.pauses.owes(c, SUB_DONE)) return;
    this.answered(c);
  }

  override setSlow(factor: number): void {
    super.setSlow(factor);
    this.retime();
  }

  /** The pause fault: stop the world for `pauseS` (+ `perRequestS` per query present) every
   *  `everyS` (0: no more pauses). */
  setPause(everyS: number, pauseS: number, perRequestS: number): void {
    this.pauses ??= new Pauses(
      this.k,
      this.index,
      () => this.retime(),
      () => this.pool.busy + this.pool.queued,
    );
    this.pauses.set(everyS, pauseS, perRequestS);
  }

  /** The error fault: this share of queries fails at once. */
  setErrorShare(share: number): void {
    this.errorShare = share;
  }

  /**
   * `c`'s query is done: commit or read, give the connection back, answer. A write that waits
   * for replica acks keeps its connection (the session blocks) until `finishWrite`.
   */
  private answered(c: Call): void {
    if (c.write) {
      const need = this.data.acksNeeded();
      if (need < 0) {
        this.data.refused(c);
        this.release(c);
        return this.k.respond(c, UNAVAILABLE);
      }
      if (this.data.commit(c, need)) return;
    } else {
      const waitS = this.data.read(c);
      // A quorum read keeps its connection until the other copies answer.
      if (waitS > 0) return this.k.scheduleNode(waitS, this.index, SUB_QUORUM_READ, c.id, c.gen);
    }
    this.finishWrite(c);
  }

  /** A query's answer: its connection back, then the answer (a held write: acks are in). */
  finishWrite(c: Call): void {
    this.release(c);
    this.k.respond(c, 0);
  }

  /**
   * A replicated write applied here costs a write's mean work: busy time, not a connection. The
   * mean, not a draw: the run's other random draws (and so every lesson's numbers) stay as they
   * were, and the time-average utilization is the same.
   */
  applyWork(): void {
    this.stats.addBusy(this.k.now, 1);
    const work = (this.writeS.meanMs * this.slow) / 1000;
    this.k.scheduleNode(work, this.index, SUB_APPLIED, 0, 0);
  }

  /**
   * A quorum read elsewhere consulted this copy: it reads the key (a draw of `readTimeMs`, slowed
   * as its own queries are), charged as busy time like an applied write, not a connection.
   * Returns that work, in seconds: part of the time the copy takes to answer.
   */
  consultedRead(): number {
    const work = (this.readS.sample() * this.slow) / 1000;
    this.stats.addBusy(this.k.now, 1);
    this.k.scheduleNode(work, this.index, SUB_APPLIED, 0, 0);
    return work;
  }

  /** A replication edge from here healed from a partition. */
  healed(edge: number): void {
    this.data.healed(edge);
  }

  override setDown(replicasDown: number): void {
    const down = replicasDown > 0;
    if (down === this.down) return;
    this.down = down;
    this.stats.addCapacity(this.k.now, down ? -this.conns : this.conns);
    if (!down) return;
    this.killAll();
    this.data.crashed();
  }

  override describe(out: NodeResult | NodeWindow, window: boolean): void {
    this.data.describe(out, window);
    const slowdown = this.clock?.slowdown(window);
    if (slowdown !== undefined) out.slowdown = r4(slowdown);
    const d = this.pool.discipline;
    if (d !== null) {
      out.dropped = window ? d.windowDropped : d.dropped;
      if (window) d.windowDropped = 0;
    }
  }

  /** Operator action: this replica becomes the primary of its primary's group (failover.ts). */
  promote(): void {
    const primary = this.data.role === 'replica' ? dbAt(this.k, this.data.root) : null;
    const link = primary?.links.find((l) => l.target === this.index);
    if (primary && primary.role === 'primary' && link) switchOver(primary, link);
  }

  /** Live params (src/engine/actions.ts): query times, the pool and its queue, from now on. */
  retune(params: DatabaseParams): void {
    const old = this.params;
    this.params = params;
    if (params.readTimeMs !== old.readTimeMs)
      this.readS = new Sampler(params.readTimeMs, this.k.rng);
    if (params.writeTimeMs !== old.writeTimeMs)
      this.writeS = new Sampler(params.writeTimeMs, this.k.rng);
    this.pool.queueCapacity = params.queueCapacity ?? Infinity;
    if (params.discipline !== old.discipline) this.setDiscipline(params);
    // Queries under way keep the clock they started with; a new one applies to new queries.
    if (params.loadDependence === undefined) this.clock = null;
    else if (this.clock === null) this.clock = this.newClock(params);
    else this.clock.ld = params.loadDependence;
    const conns = sized(params.connections, params.size);
    if (conns === this.conns) return;
    if (!this.down) this.stats.addCapacity(this.k.now, conns - this.conns);
    this.conns = conns;
    const started = this.pool.resize(conns);
    if (!this.down) for (const c of started) this.startQuery(c);
  }

  /** The line served as `p.discipline` says (a live change keeps the counts). */
  private setDiscipline(p: DatabaseParams): void {
    const d = p.discipline;
    if (d === undefined) this.pool.discipline = null;
    else if (this.pool.discipline === null) this.pool.discipline = new Discipline(this.k, d);
    else this.pool.discipline.p = d;
  }

  private newClock(p: DatabaseParams): LoadClock | null {
    const ld = p.loadDependence;
    return ld === undefined ? null : new LoadClock(this.k, this.index, SUB_WORKED, ld);
  }

  /** `c` holds a connection: its query starts. */
  private startQuery(c: Call): void {
    const work = (c.write ? this.writeS : this.readS).sample();
    if (this.clock !== null) return this.clock.begin(c, this.pool, work, this.outside());
    if (this.pauses !== null) this.pauses.markStart(c);
    this.k.scheduleNode((work * this.slow) / 1000, this.index, SUB_DONE, c.id, c.gen);
  }

  /** What slows the work beyond its load: the slow and cpu faults, a pause (no progress). */
  private outside(): number {
    return this.pauses !== null && this.pauses.paused ? Infinity : this.slow;
  }

  private retime(): void {
    this.clock?.retime(this.pool, this.outside());
  }

  private release(c: Call): void {
    this.pool.release(c);
    const next = this.down ? null : this.pool.takeNext();
    if (next !== null) this.startQuery(next);
    else this.retime();
  }

  /** A crash loses every query in service or waiting: each answers 'unavailable'. */
  private killAll(): void {
    const { held, waiting } = this.pool.evict();
    if (this.clock !== null) for (const id of held) this.clock.end(id);
    this.failCrashed(held, waiting);
  }
}
