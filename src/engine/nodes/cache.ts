/**
 * Cache in front of one backing store (its one outgoing edge). A read costs `hitMs` to look
 * up; a hit answers, a miss reads the store and fills the entry when the store answers.
 * Strategies for reads: readThrough (the cache fetches; a crashed cache fails the read) and
 * cacheAside (the application fetches; with the cache crashed, reads go straight to the store).
 * Writes go to the store and invalidate the entry; `onWrite` is the place for the write
 * strategies (writeThrough, writeBehind, refreshAhead) to come.
 */
import type { CacheParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import { Sampler } from '../dists.ts';
import { UNAVAILABLE } from '../reasons.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import { BaseNode } from './base.ts';
import { CacheStore } from './cacheStore.ts';
import type { NodeContext } from './types.ts';

const SUB_LOOKUP = 0;
const AUX_MISS = 1;

export class CacheNode extends BaseNode {
  readonly params: CacheParams;
  readonly store: CacheStore;
  private readonly hit: Sampler;
  private readonly ttlS: number;

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
    if (this.params.warm) {
      // Key 0 is the most popular: insert from the least popular so key 0 is the newest.
      for (let key = Math.min(this.params.capacity, keySpace) - 1; key >= 0; key--) {
        this.store.put(key, 0, this.ttlS);
      }
    }
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
    if (c.write) return this.onWrite(c);
    const delay = (this.hit.sample() * this.slow) / 1000;
    this.k.scheduleNode(delay, this.index, SUB_LOOKUP, c.id, c.gen);
  }

  override onEvent(_sub: number, a: number, b: number): void {
    const c = this.k.pool.alive(a, b);
    if (c === null) return;
    const hit = this.store.get(c.key, this.k.now);
    this.stats.cacheLookup(c.counted, hit);
    if (hit || this.out.length === 0) return this.k.respond(c, 0);
    c.aux = AUX_MISS;
    this.k.send(c, this.out[0]!);
  }

  override onAnswer(c: Call, _child: Call, reason: number): void {
    if (c.aux === AUX_MISS && reason === 0 && !this.down)
      this.store.put(c.key, this.k.now, this.ttlS);
    this.k.respond(c, reason);
  }

  override flush(): void {
    this.store.clear();
  }

  override describe(out: NodeResult | NodeWindow, _window: boolean): void {
    out.entries = this.store.size;
  }

  /** Writes: to the store, invalidating the entry (the place for write strategies). */
  private onWrite(c: Call): void {
    this.store.remove(c.key);
    if (this.out.length === 0) return this.k.respond(c, 0);
    this.k.send(c, this.out[0]!);
  }
}
