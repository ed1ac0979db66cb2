/**
 * Cache in front of one backing store (its one outgoing edge). A read costs `hitMs` to look
 * up; a hit answers, a miss reads the store and fills the entry when the store answers.
 * Strategies for reads: readThrough (the cache fetches; a crashed cache fails the read) and
 * cacheAside (the application fetches; with the cache crashed, reads go straight to the store).
 * Writes, miss coalescing (stampedes), write-behind batches and refresh-ahead live in
 * cachePaths.ts.
 */
import type { CacheParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import { Sampler } from '../dists.ts';
import { LookupTally } from '../metrics/lookups.ts';
import { UNAVAILABLE } from '../reasons.ts';
import { HOP_CACHE_HIT, HOP_CACHE_MISS } from '../tracing/types.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import { BaseNode } from './base.ts';
import { AUX_MISS, AUX_WRITE, CachePaths, SUB_FLUSH, SUB_WRITE_LOCAL } from './cachePaths.ts';
import { CacheStore } from './cacheStore.ts';
import type { NodeContext } from './types.ts';

const SUB_LOOKUP = 0;

export class CacheNode extends BaseNode {
  params: CacheParams;
  readonly store: CacheStore;
  private hit: Sampler;
  private readonly ttlS: number;
  private readonly paths: CachePaths;
  private readonly lookups = new LookupTally();

  constructor(ctx: NodeContext) {
    super(ctx);
    if (ctx.node.type !== 'cache') throw new Error('cache behaviour on another kind');
    this.params = ctx.node.params;
    this.hit = new Sampler(this.params.hitMs, this.k.rng);
    this.ttlS = this.params.ttlMs !== undefined ? this.params.ttlMs / 1000 : Infinity;
    let keySpace = 1;
    for (const n of ctx.targets)
      if (n.type === 'client') keySpace = Math.max(keySpace, n.params.keys.count);
    this.store = new CacheStore(this.params.capacity, this.params.eviction, keySpace, this.k.rng);
    this.paths = new CachePaths(ctx, this.params, this.store, this.ttlS);
    // Key 0 is the most popular: it starts as the newest entry.
    if (this.params.warm) this.store.warm(Math.min(this.params.capacity, keySpace), this.ttlS);
  }

  override start(): void {
    this.paths.start();
  }

  /**
   * Live params (src/engine/actions.ts): entries stored from now on take the new TTL; a new
   * capacity keeps the entries when it grows and evicts by the policy when it shrinks.
   */
  retune(params: CacheParams): void {
    if (params.capacity !== this.store.capacity) this.store.resize(params.capacity);
    if (params.hitMs !== this.params.hitMs) this.hit = new Sampler(params.hitMs, this.k.rng);
    this.params = params;
    this.paths.ttlS = params.ttlMs !== undefined ? params.ttlMs / 1000 : Infinity;
  }

  arrive(c: Call): void {
    if (this.down) {
      // Cache-aside: the application falls back to the store itself.
      if (this.params.strategy === 'cacheAside' && this.out.length > 0) {
        this.k.send(c, this.out[0]!);
        return;
      }
      return this.k.respond(c, UNAVAILABLE);
    }
    const delay = (this.hit.sample() * this.slow) / 1000;
    if (c.write) return this.paths.write(c, this.out[0] ?? -1, delay);
    this.k.scheduleNode(delay, this.index, SUB_LOOKUP, c.id, c.gen);
  }

  override onEvent(sub: number, a: number, b: number): void {
    if (sub === SUB_FLUSH) return this.paths.flushBatch(this.out[0] ?? -1, this.down);
    const c = this.k.pool.alive(a, b);
    if (c === null) return;
    if (sub === SUB_WRITE_LOCAL) return this.paths.writeLocal(c);
    const hit = this.store.get(c.key, this.k.now);
    this.lookups.record(c.counted, hit);
    if (c.span !== null) c.span.note(hit ? HOP_CACHE_HIT : HOP_CACHE_MISS);
    if (hit) this.paths.hit(c.key);
    if (hit || this.out.length === 0) return this.k.respond(c, 0);
    if (this.paths.miss(c)) return; // waits for the fetch already in flight
    c.aux = AUX_MISS;
    this.k.send(c, this.out[0]!);
  }

  override onAnswer(c: Call, _child: Call, reason: number): void {
    if (this.paths.backgroundDone(c, reason)) return;
    if (c.aux === AUX_WRITE) return this.paths.written(c, reason);
    if (c.aux === AUX_MISS) {
      if (reason === 0 && !this.down) this.store.put(c.key, this.k.now, this.paths.ttlS);
      this.paths.fetched(c.key, reason);
    }
    this.k.respond(c, reason);
  }

  override setDown(replicasDown: number): void {
    super.setDown(replicasDown);
    if (this.down) this.paths.lose(); // a crash loses the write-behind buffer
  }

  override flush(): void {
    this.store.clear();
    this.paths.lose();
  }

  override describe(out: NodeResult | NodeWindow, window: boolean): void {
    this.lookups.describe(out, window);
    out.entries = this.store.size;
    this.paths.describe(out, window);
  }
}
