/**
 * The entries of a cache: up to `capacity` slots over typed arrays, with eviction in O(1) (lru,
 * fifo, random) or O(log n) (lfu). The arrays start small and double as entries arrive, so a
 * cache of 10^9 entries costs what it holds, not what it could hold; slots are handed out in
 * the same order either way, so runs keep their numbers. Keys are 0..keySpace-1: up to
 * DIRECT_KEYS a key → slot index array replaces a hash map; past it a Map (memory per key
 * cached, not per key that exists). LRU and FIFO share an intrusive doubly-linked list (head = newest);
 * LRU moves an entry to the head on every hit, FIFO never does. LFU keeps an indexed min-heap
 * by (uses, last use). TTL expiry is lazy: an expired entry is a miss when read.
 *
 * A warm start puts the most popular keys in first. Up to WARM_EAGER_MAX of them are put one by
 * one; past that they are a WarmRange: present without a slot until the run touches them (a hit
 * that reorders them, a removal, an eviction), so a warm cache of 10^9 entries costs what the
 * run touches. The untouched warm entries are the oldest and least used of all (put at t = 0,
 * one use each, before anything else), so LRU, FIFO and LFU evict them first, highest key first,
 * exactly as the one-by-one puts would; random eviction picks a warm entry by the slot it would
 * have had.
 */
import type { Eviction } from '../../model/types.ts';
import type { Rng } from '../rng.ts';
import { WarmRange } from './warmRange.ts';

/** Key spaces up to this size index slots by key directly (16 MB). */
export const DIRECT_KEYS = 1 << 22;
/** Slots allocated at first; doubled when full, up to the capacity. */
const FIRST_SLOTS = 1024;
/** Warm starts up to this many entries are put one by one (about 30 MB); larger ones lazily. */
export const WARM_EAGER_MAX = 1 << 20;

export class CacheStore {
  /** Entries that hold a slot (LFU's heap is this long). */
  private held = 0;
  private readonly slotOf: Int32Array | null; // key → slot, -1 if absent (small key spaces)
  private readonly slotMap: Map<number, number> | null; // the same, for large key spaces
  private readonly keySpace: number;
  private keyOf: Int32Array = new Int32Array(0); // slot → key
  private expires: Float64Array = new Float64Array(0);
  private prev: Int32Array = new Int32Array(0);
  private next: Int32Array = new Int32Array(0);
  private head = -1;
  private tail = -1;
  private freq: Float64Array = new Float64Array(0);
  private tick: Float64Array = new Float64Array(0);
  private heap: Int32Array = new Int32Array(0); // LFU: heap of slots
  private heapPos: Int32Array = new Int32Array(0);
  private clock = 0;
  private freeSlots: Int32Array = new Int32Array(0);
  private freeTop = 0;
  /** Slots allocated so far (≤ capacity). */
  private slots = 0;
  /** A large warm start's entries not yet touched (they hold no slot). */
  private warmRange: WarmRange | null = null;

  constructor(
    private capacityNow: number,
    readonly eviction: Eviction,
    keySpace: number,
    private readonly rng: Rng,
  ) {
    this.keySpace = keySpace;
    const direct = keySpace <= DIRECT_KEYS;
    this.slotOf = direct ? new Int32Array(keySpace).fill(-1) : null;
    this.slotMap = direct ? null : new Map();
    this.grow();
  }

  /**
   * Starts with keys 0..count-1 cached at t = 0, key 0 the newest and most recently used (the
   * most popular key). `eagerMax` is for tests: larger warm starts are a WarmRange.
   */
  warm(count: number, ttlS: number, eagerMax = WARM_EAGER_MAX): void {
    if (count <= eagerMax) {
      for (let key = count - 1; key >= 0; key--) this.put(key, 0, ttlS);
      return;
    }
    this.warmRange = new WarmRange(count, ttlS);
    // Each warm put would have been one use: LFU's clock counts them.
    this.clock += count;
  }

  get capacity(): number {
    return this.capacityNow;
  }

  /**
   * A new capacity while running (a live edit). Growing keeps every entry (slots are added as
   * entries arrive). Shrinking evicts, by the policy, the entries over the new capacity: the ones
   * the next puts would have evicted first (untouched warm entries, the oldest and least used of
   * all, before any other under lru, fifo and lfu; uniformly among all entries under random);
   * then the survivors move to the lowest slots, so that a full cache uses every slot below the
   * capacity again (random eviction picks a slot by number).
   */
  resize(capacity: number): void {
    if (capacity >= this.capacityNow) {
      this.capacityNow = capacity;
      return;
    }
    let over = this.size - capacity;
    if (this.eviction === 'random') this.dropRandom(over);
    else {
      const warm = this.warmRange;
      if (warm !== null && over > 0) over -= warm.dropOldest(over);
      for (; over > 0; over--) this.removeSlot(this.victim());
    }
    this.capacityNow = capacity;
    this.compact();
  }

  /** Drops `n` entries, each chosen uniformly among those left (warm or with a slot). */
  private dropRandom(n: number): void {
    const heldSlots: number[] = [];
    for (let s = 0; s < this.slots; s++) if (this.keyOf[s]! >= 0) heldSlots.push(s);
    for (; n > 0; n--) {
      const warmCount = this.warmRange?.count ?? 0;
      const pick = this.rng.int(heldSlots.length + warmCount);
      if (pick < heldSlots.length) {
        const s = heldSlots[pick]!;
        heldSlots[pick] = heldSlots[heldSlots.length - 1]!;
        heldSlots.pop();
        this.removeSlot(s);
      } else {
        this.dropWarm(this.warmRange!.randomKey(this.rng));
      }
    }
  }

  /** Puts the entries with a slot in slots 0..held-1, keeping their order, uses and expiry. */
  private compact(): void {
    const n = this.held;
    const keys = new Int32Array(n);
    const expires = new Float64Array(n);
    const freq = new Float64Array(n);
    const tick = new Float64Array(n);
    // Oldest first, so that inserting them again in this order rebuilds the same list.
    let i = 0;
    if (this.eviction === 'lfu') {
      for (let h = 0; h < n; h++) {
        const s = this.heap[h]!;
        keys[i] = this.keyOf[s]!;
        expires[i] = this.expires[s]!;
        freq[i] = this.freq[s]!;
        tick[i++] = this.tick[s]!;
      }
    } else {
      for (let s = this.tail; s >= 0; s = this.prev[s]!) {
        keys[i] = this.keyOf[s]!;
        expires[i++] = this.expires[s]!;
      }
    }
    for (let j = 0; j < n; j++) this.setSlot(keys[j]!, -1);
    this.freeEverySlot();
    const clock = this.clock;
    for (let j = 0; j < n; j++) {
      this.insert(keys[j]!, expires[j]!, 1);
      if (this.eviction !== 'lfu') continue;
      const s = this.slotFor(keys[j]!);
      this.freq[s] = freq[j]!;
      this.tick[s] = tick[j]!;
      this.siftDown(this.heapPos[s]!);
      this.siftUp(this.heapPos[s]!);
    }
    this.clock = clock;
  }

  /** Entries cached, with or without a slot. */
  get size(): number {
    return this.held + (this.warmRange?.count ?? 0);
  }

  /** Slot of `key`, or -1. */
  private slotFor(key: number): number {
    if (this.slotOf !== null) return key < this.slotOf.length ? this.slotOf[key]! : -1;
    return this.slotMap!.get(key) ?? -1;
  }
  private setSlot(key: number, s: number): void {
    if (this.slotOf !== null) this.slotOf[key] = s;
    else if (s < 0) this.slotMap!.delete(key);
    else this.slotMap!.set(key, s);
  }

  /**
   * More slots: twice as many, up to the capacity. The new ones go on the free stack so the
   * lowest is taken first, the order a full-size stack would have given.
   */
  /** Forgets every slot and starts again from the first allocation (as a new store does). */
  private freeEverySlot(): void {
    this.held = 0;
    this.head = this.tail = -1;
    this.slots = 0;
    this.freeTop = 0;
    this.keyOf = new Int32Array(0);
    this.expires = new Float64Array(0);
    this.prev = new Int32Array(0);
    this.next = new Int32Array(0);
    this.freq = new Float64Array(0);
    this.tick = new Float64Array(0);
    this.heap = new Int32Array(0);
    this.heapPos = new Int32Array(0);
    this.freeSlots = new Int32Array(0);
    this.grow();
  }

  private grow(): void {
    const old = this.slots;
    const n = Math.min(this.capacityNow, Math.max(FIRST_SLOTS, old * 2));
    if (n === old) return;
    const lfu = this.eviction === 'lfu';
    this.keyOf = resized(this.keyOf, new Int32Array(n).fill(-1));
    this.expires = resized(this.expires, new Float64Array(n));
    this.prev = resized(this.prev, new Int32Array(n));
    this.next = resized(this.next, new Int32Array(n));
    if (lfu) {
      this.freq = resized(this.freq, new Float64Array(n));
      this.tick = resized(this.tick, new Float64Array(n));
      this.heap = resized(this.heap, new Int32Array(n));
      this.heapPos = resized(this.heapPos, new Int32Array(n));
    }
    const free = resized(this.freeSlots.subarray(0, this.freeTop), new Int32Array(n));
    for (let s = n - 1; s >= old; s--) free[this.freeTop++] = s;
    this.freeSlots = free;
    this.slots = n;
  }

  /** Read `key` at time t: true on a hit (fresh entry), which also counts as a use. */
  get(key: number, t: number): boolean {
    const s = this.slotFor(key);
    if (s < 0) return this.warmRange !== null && this.getWarm(key, t);
    if (this.expires[s]! <= t) {
      this.removeSlot(s);
      return false;
    }
    if (this.eviction === 'lru') this.moveToHead(s);
    else if (this.eviction === 'lfu') {
      this.freq[s]!++;
      this.tick[s] = ++this.clock;
      this.siftDown(this.heapPos[s]!);
    }
    return true;
  }

  /** Insert or refresh `key`, evicting one entry if full. */
  put(key: number, t: number, ttlS: number): void {
    if (this.capacityNow === 0 || key >= this.keySpace) return;
    const s = this.slotFor(key);
    if (s >= 0) {
      this.expires[s] = t + ttlS;
      return;
    }
    if (this.warmRange?.has(key)) return this.warmRange.refresh(key, t + ttlS);
    if (this.size >= this.capacityNow) this.evict();
    this.insert(key, t + ttlS, 1);
  }

  /** A slot for `key` (there is room), as the newest entry with `uses` uses. */
  private insert(key: number, expires: number, uses: number): void {
    if (this.freeTop === 0) this.grow();
    const s = this.freeSlots[--this.freeTop]!;
    this.setSlot(key, s);
    this.keyOf[s] = key;
    this.expires[s] = expires;
    this.held++;
    if (this.eviction === 'lfu') {
      this.freq[s] = uses;
      this.tick[s] = ++this.clock;
      const i = this.held - 1;
      this.heap[i] = s;
      this.heapPos[s] = i;
      this.siftUp(i);
    } else {
      this.linkHead(s);
    }
  }

  /** A read of an untouched warm entry: expired (gone), or a hit that LRU and LFU record. */
  private getWarm(key: number, t: number): boolean {
    const warm = this.warmRange!;
    if (!warm.has(key)) return false;
    const expires = warm.expiresAt(key);
    if (expires <= t) {
      this.dropWarm(key);
      return false;
    }
    // LRU moves a hit to the front, LFU counts a second use; FIFO and random change nothing.
    if (this.eviction === 'lru' || this.eviction === 'lfu') {
      this.dropWarm(key);
      this.insert(key, expires, 2);
    }
    return true;
  }

  private dropWarm(key: number): void {
    this.warmRange!.take(key);
  }

  /** Drop `key` if present (invalidation on write). */
  remove(key: number): void {
    const s = this.slotFor(key);
    if (s >= 0) this.removeSlot(s);
    else if (this.warmRange?.has(key)) this.dropWarm(key);
  }

  clear(): void {
    for (let s = 0; s < this.slots; s++) {
      const key = this.keyOf[s]!;
      if (key >= 0) this.removeSlot(s);
    }
    this.warmRange = null;
  }

  /** When `key`'s entry expires (seconds), or -1 when absent (refresh-ahead reads this). */
  expiresAt(key: number): number {
    const s = this.slotFor(key);
    if (s >= 0) return this.expires[s]!;
    return this.warmRange?.has(key) ? this.warmRange.expiresAt(key) : -1;
  }

  has(key: number): boolean {
    return this.slotFor(key) >= 0 || this.warmRange?.has(key) === true;
  }

  /** Makes room for one entry. */
  private evict(): void {
    const warm = this.warmRange;
    if (warm === null || warm.count === 0) return this.removeSlot(this.victim());
    if (this.eviction !== 'random') return this.dropWarm(warm.oldest());
    // The slot a warm key would have had: key k in slot count - 1 - k.
    const slot = this.rng.int(this.capacityNow);
    const key = warm.size - 1 - slot;
    if (key >= 0 && warm.has(key)) return this.dropWarm(key);
    if (this.held === 0) return this.dropWarm(warm.oldest());
    this.removeSlot(slot < this.slots && this.keyOf[slot]! >= 0 ? slot : this.tail);
  }

  private victim(): number {
    switch (this.eviction) {
      case 'lru':
      case 'fifo':
        return this.tail;
      case 'lfu':
        return this.heap[0]!;
      case 'random':
        return this.rng.int(this.capacityNow); // only called when full: every slot is in use
    }
  }

  private removeSlot(s: number): void {
    this.setSlot(this.keyOf[s]!, -1);
    this.keyOf[s] = -1;
    this.held--;
    if (this.eviction === 'lfu') {
      const i = this.heapPos[s]!;
      const last = this.heap[this.held]!;
      if (i !== this.held) {
        this.heap[i] = last;
        this.heapPos[last] = i;
        this.siftDown(i);
        this.siftUp(this.heapPos[last]!);
      }
    } else {
      this.unlink(s);
    }
    this.freeSlots[this.freeTop++] = s;
  }

  private linkHead(s: number): void {
    this.prev[s] = -1;
    this.next[s] = this.head;
    if (this.head >= 0) this.prev[this.head] = s;
    this.head = s;
    if (this.tail < 0) this.tail = s;
  }
  private unlink(s: number): void {
    const p = this.prev[s]!;
    const n = this.next[s]!;
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
  }
  private moveToHead(s: number): void {
    if (this.head === s) return;
    this.unlink(s);
    this.linkHead(s);
  }

  private less(a: number, b: number): boolean {
    const fa = this.freq[a]!;
    const fb = this.freq[b]!;
    return fa < fb || (fa === fb && this.tick[a]! < this.tick[b]!);
  }
  private siftUp(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      this.swap(i, p);
      i = p;
    }
  }
  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      let m = i;
      const l = 2 * i + 1;
      const r = l + 1;
      if (l < this.held && this.less(h[l]!, h[m]!)) m = l;
      if (r < this.held && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
  private swap(i: number, j: number): void {
    const h = this.heap;
    const a = h[i]!;
    const b = h[j]!;
    h[i] = b;
    h[j] = a;
    this.heapPos[b] = i;
    this.heapPos[a] = j;
  }
}

/** `into` with `from` copied to its start. */
function resized<T extends Int32Array | Float64Array>(from: T, into: T): T {
  into.set(from as never);
  return into;
}
