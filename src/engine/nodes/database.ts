/**
 * Database: a pool of `connections` serving queries one each (reads take `readTimeMs`, writes
 * `writeTimeMs`), a FIFO queue for a connection (bounded by `queueCapacity`: full → 'rejected').
 * Replication, stale reads, conflicts and failover live in `DataState` (dataState.ts); this file
 * is the query path. A write reaching a read replica is passed to its primary; any call reaching
 * a primary that has failed over is passed to the promoted replica.
 */
import type { DatabaseParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import { Sampler } from '../dists.ts';
import { REJECTED, UNAVAILABLE } from '../reasons.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import { QUEUE_FULL, TOOK_WORKER, WorkerPool } from '../workerPool.ts';
import { BaseNode } from './base.ts';
import { DataState, dbAt, SUB_APPLY, SUB_PROMOTE } from './dataState.ts';
import { switchOver } from './failover.ts';
import { redirect } from './replication.ts';
import type { NodeContext } from './types.ts';

const SUB_DONE = 0;

export class DatabaseNode extends BaseNode {
  params: DatabaseParams;
  readonly data: DataState;
  private readS: Sampler;
  private writeS: Sampler;
  private conns: number;
  /** The connections and the queue for one. */
  private readonly pool: WorkerPool;

  constructor(ctx: NodeContext) {
    super(ctx);
    if (ctx.node.type !== 'database') throw new Error('database behaviour on another kind');
    this.params = ctx.node.params;
    this.readS = new Sampler(this.params.readTimeMs, this.k.rng);
    this.writeS = new Sampler(this.params.writeTimeMs, this.k.rng);
    this.conns = this.params.connections;
    this.pool = new WorkerPool(
      this.k,
      this.stats,
      this.conns,
      this.params.queueCapacity ?? Infinity,
    );
    this.stats.addCapacity(0, this.conns);
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
    const got = this.pool.offer(c);
    if (got === TOOK_WORKER) this.startQuery(c);
    else if (got === QUEUE_FULL) this.k.respond(c, REJECTED);
  }

  override onEvent(sub: number, a: number, b: number): void {
    if (sub === SUB_APPLY) return this.data.applyDue(a, b);
    if (sub === SUB_PROMOTE) return this.data.promote(b);
    const c = this.k.pool.alive(a, b);
    if (c === null) return;
    if (c.write) this.data.commit(c.key);
    else this.data.read(c);
    this.release(c);
    this.k.respond(c, 0);
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
    if (params.connections === this.conns) return;
    if (!this.down) this.stats.addCapacity(this.k.now, params.connections - this.conns);
    this.conns = params.connections;
    const started = this.pool.resize(params.connections);
    if (!this.down) for (const c of started) this.startQuery(c);
  }

  /** `c` holds a connection: its query starts. */
  private startQuery(c: Call): void {
    const ms = (c.write ? this.writeS : this.readS).sample() * this.slow;
    this.k.scheduleNode(ms / 1000, this.index, SUB_DONE, c.id, c.gen);
  }

  private release(c: Call): void {
    this.pool.release(c);
    const next = this.down ? null : this.pool.takeNext();
    if (next !== null) this.startQuery(next);
  }

  /** A crash loses every query in service or waiting: each answers 'unavailable'. */
  private killAll(): void {
    const { held, waiting } = this.pool.evict();
    this.failCrashed(held, waiting);
  }
}
