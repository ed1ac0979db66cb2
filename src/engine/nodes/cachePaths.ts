/**
 * A cache's write strategies, miss coalescing and background loads, beside the read path of
 * cache.ts. Per key (typed arrays over the key space): fetches in flight, the calls waiting on
 * a fetch (a list threaded through `call.next`), and the write-behind dirty flag.
 *
 * - Stampede: a miss on a key already being fetched counts `stampedeMisses`. Every strategy
 *   but cacheAside coalesces it (the cache owns the load: one fetch, the others wait for it);
 *   cacheAside does not (each application instance loads the key itself).
 * - writes: cacheAside / readThrough / refreshAhead write the store and invalidate the entry;
 *   writeThrough writes the store, then fills the entry (latency = the store's write);
 *   writeBehind fills the entry, marks it dirty and answers after `hitMs`; every
 *   `writeBehindFlushMs` the dirty keys are written to the store in one batch (one store write
 *   per key, repeated writes to a key coalesced). Dirty entries are `atRisk`: a crash or a
 *   flush fault before the batch loses them (`lostWrites`).
 * - refreshAhead: a hit within `refreshAheadRatio` × TTL of expiry starts one background
 *   reload from the store; the entry's TTL restarts when it returns.
 */
import type { CacheParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import type { Kernel } from '../kernel.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import type { CacheStore } from './cacheStore.ts';
import { keySpaceOf } from './replication.ts';
import type { NodeContext } from './types.ts';

export const AUX_MISS = 1;
export const AUX_WRITE = 2;
const AUX_REFRESH = 3;
const AUX_FLUSH = 4;
export const SUB_FLUSH = 1;
export const SUB_WRITE_LOCAL = 2;

export class CachePaths {
  private readonly k: Kernel;
  private readonly index: number;
  private readonly keySpace: number;
  private readonly fetching: Int32Array;
  private readonly waitHead: Int32Array;
  private readonly dirty: Uint8Array;
  private readonly dirtyKeys: Int32Array;
  private dirtyN = 0;
  readonly coalesce: boolean;
  // Figures.
  stampedeMisses = 0;
  coalesced = 0;
  refreshes = 0;
  flushed = 0;
  lostWrites = 0;
  atRiskMax = 0;
  private wStampede = 0;

  constructor(
    ctx: NodeContext,
    private readonly p: CacheParams,
    private readonly store: CacheStore,
    /** Set by a live change of the cache's `ttlMs`. */
    public ttlS: number,
  ) {
    this.k = ctx.kernel;
    this.index = ctx.index;
    this.keySpace = keySpaceOf(ctx.targets);
    this.coalesce = p.strategy !== 'cacheAside';
    this.fetching = new Int32Array(this.keySpace);
    this.waitHead = new Int32Array(this.keySpace).fill(-1);
    const wb = p.strategy === 'writeBehind';
    this.dirty = new Uint8Array(wb ? this.keySpace : 0);
    this.dirtyKeys = new Int32Array(wb ? this.keySpace : 0);
  }

  start(): void {
    if (this.p.strategy === 'writeBehind') this.scheduleFlush();
  }

  /** A read missed. True when it joined a fetch already in flight (it waits for that). */
  miss(c: Call): boolean {
    const key = c.key;
    if (key >= this.keySpace) return false;
    if (this.fetching[key]! > 0) {
      this.wStampede++;
      if (c.counted) this.stampedeMisses++;
      if (this.coalesce) {
        if (c.counted) this.coalesced++;
        c.next = this.waitHead[key]!;
        this.waitHead[key] = c.id;
        return true;
      }
    }
    this.fetching[key]!++;
    return false;
  }

  /** The fetch for a miss answered: wake the reads that waited on it. */
  fetched(key: number, reason: number): void {
    if (key >= this.keySpace) return;
    this.fetching[key]!--;
    let id = this.waitHead[key]!;
    this.waitHead[key] = -1;
    while (id >= 0) {
      const w = this.k.pool.calls[id]!;
      id = w.next;
      w.next = 0;
      this.k.respond(w, reason);
    }
  }

  /** A hit: maybe reload ahead of expiry. */
  hit(key: number): void {
    if (this.p.strategy !== 'refreshAhead' || this.ttlS === Infinity || key >= this.keySpace)
      return;
    if (this.fetching[key]! > 0) return;
    const left = this.store.expiresAt(key) - this.k.now;
    if (left > this.p.refreshAheadRatio * this.ttlS) return;
    this.fetching[key]!++;
    this.refreshes++;
    this.background(key, false, AUX_REFRESH);
  }

  /** A write arrived at a live cache. */
  write(c: Call, storeEdge: number, lookupS: number): void {
    const s = this.p.strategy;
    if (s === 'writeBehind') {
      this.k.scheduleNode(lookupS, this.index, SUB_WRITE_LOCAL, c.id, c.gen);
      return;
    }
    if (s !== 'writeThrough') this.store.remove(c.key);
    if (storeEdge < 0) return this.k.respond(c, 0);
    c.aux = AUX_WRITE;
    this.k.send(c, storeEdge);
  }

  /** A write's store call answered (writeThrough fills the entry on success). */
  written(c: Call, reason: number): void {
    if (reason === 0 && this.p.strategy === 'writeThrough')
      this.store.put(c.key, this.k.now, this.ttlS);
    this.k.respond(c, reason);
  }

  /** writeBehind: the write lands in the cache (after the lookup time) and is answered. */
  writeLocal(c: Call): void {
    const key = c.key;
    this.store.put(key, this.k.now, this.ttlS);
    if (key < this.keySpace && this.dirty[key] === 0) {
      this.dirty[key] = 1;
      this.dirtyKeys[this.dirtyN++] = key;
      if (this.dirtyN > this.atRiskMax) this.atRiskMax = this.dirtyN;
    }
    this.k.respond(c, 0);
  }

  /** The write-behind batch: every dirty key to the store. */
  flushBatch(storeEdge: number, down: boolean): void {
    this.scheduleFlush();
    if (down || storeEdge < 0) return;
    const n = this.dirtyN;
    this.dirtyN = 0;
    for (let i = 0; i < n; i++) {
      const key = this.dirtyKeys[i]!;
      this.dirty[key] = 0;
      this.flushed++;
      this.background(key, true, AUX_FLUSH);
    }
  }

  /** The cache lost its memory (crash or flush fault): dirty writes never reach the store. */
  lose(): void {
    this.lostWrites += this.dirtyN;
    for (let i = 0; i < this.dirtyN; i++) this.dirty[this.dirtyKeys[i]!] = 0;
    this.dirtyN = 0;
  }

  /** A background call (refresh or flush) answered. False: not one of ours. */
  backgroundDone(c: Call, reason: number): boolean {
    if (c.aux === AUX_REFRESH) {
      if (reason === 0) this.store.put(c.key, this.k.now, this.ttlS);
      this.fetched(c.key, reason);
    } else if (c.aux !== AUX_FLUSH) return false;
    this.k.pool.free(c);
    return true;
  }

  describe(out: NodeResult | NodeWindow, window: boolean): void {
    if (window) {
      out.stampedeMisses = this.wStampede;
      this.wStampede = 0;
      if (this.p.strategy === 'writeBehind') out.atRisk = this.dirtyN;
      return;
    }
    out.stampedeMisses = this.stampedeMisses;
    if (this.coalesce) out.coalescedMisses = this.coalesced;
    if (this.p.strategy === 'refreshAhead') out.refreshes = this.refreshes;
    if (this.p.strategy === 'writeBehind') {
      out.atRisk = this.dirtyN;
      out.atRiskMax = this.atRiskMax;
      out.flushedWrites = this.flushed;
      out.lostWrites = this.lostWrites;
    }
  }

  private scheduleFlush(): void {
    this.k.scheduleNode(this.p.writeBehindFlushMs / 1000, this.index, SUB_FLUSH, 0, 0);
  }

  /** A call of the cache's own to its store (not a client's request). */
  private background(key: number, write: boolean, aux: number): void {
    const k = this.k;
    const edge = k.nodes[this.index]!.out[0];
    if (edge === undefined) return;
    const m = k.pool.alloc();
    m.rootT = k.now;
    m.counted = k.now >= k.warmupS;
    m.key = key;
    m.write = write;
    m.node = this.index;
    m.edge = -1;
    m.arriveT = k.now;
    m.aux = aux;
    k.send(m, edge);
  }
}
