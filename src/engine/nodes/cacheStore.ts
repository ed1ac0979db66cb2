/**
 * The entries of a cache: `capacity` slots over typed arrays, with eviction in O(1) (lru,
 * fifo, random) or O(log n) (lfu). Keys are 0..keySpace-1, so a key → slot index array
 * replaces a hash map. LRU and FIFO share an intrusive doubly-linked list (head = newest);
 * LRU moves an entry to the head on every hit, FIFO never does. LFU keeps an indexed min-heap
 * by (uses, last use). TTL expiry is lazy: an expired entry is a miss when read.
 */
import type { Eviction } from '../../model/types.ts';
import type { Rng } from '../rng.ts';

export class CacheStore {
  size = 0;
  private readonly slotOf: Int32Array; // key → slot, -1 if absent
  private readonly keyOf: Int32Array; // slot → key
  private readonly expires: Float64Array;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private head = -1;
  private tail = -1;
  private readonly freq: Float64Array;
  private readonly tick: Float64Array;
  private readonly heap: Int32Array; // LFU: heap of slots
  private readonly heapPos: Int32Array;
  private clock = 0;
  private readonly freeSlots: Int32Array;
  private freeTop: number;

  constructor(
    readonly capacity: number,
    readonly eviction: Eviction,
    keySpace: number,
    private readonly rng: Rng,
  ) {
    this.slotOf = new Int32Array(keySpace).fill(-1);
    this.keyOf = new Int32Array(capacity).fill(-1);
    this.expires = new Float64Array(capacity);
    this.prev = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    const lfu = eviction === 'lfu';
    this.freq = new Float64Array(lfu ? capacity : 0);
    this.tick = new Float64Array(lfu ? capacity : 0);
    this.heap = new Int32Array(lfu ? capacity : 0);
    this.heapPos = new Int32Array(lfu ? capacity : 0);
    this.freeSlots = Int32Array.from({ length: capacity }, (_, i) => capacity - 1 - i);
    this.freeTop = capacity;
  }

  /** Read `key` at time t: true on a hit (fresh entry), which also counts as a use. */
  get(key: number, t: number): boolean {
    const s = key < this.slotOf.length ? this.slotOf[key]! : -1;
    if (s < 0) return false;
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
    if (this.capacity === 0 || key >= this.slotOf.length) return;
    let s = this.slotOf[key]!;
    if (s >= 0) {
      this.expires[s] = t + ttlS;
      return;
    }
    if (this.freeTop === 0) this.removeSlot(this.victim());
    s = this.freeSlots[--this.freeTop]!;
    this.slotOf[key] = s;
    this.keyOf[s] = key;
    this.expires[s] = t + ttlS;
    this.size++;
    if (this.eviction === 'lfu') {
      this.freq[s] = 1;
      this.tick[s] = ++this.clock;
      const i = this.size - 1;
      this.heap[i] = s;
      this.heapPos[s] = i;
      this.siftUp(i);
    } else {
      this.linkHead(s);
    }
  }

  /** Drop `key` if present (invalidation on write). */
  remove(key: number): void {
    const s = key < this.slotOf.length ? this.slotOf[key]! : -1;
    if (s >= 0) this.removeSlot(s);
  }

  clear(): void {
    for (let s = 0; s < this.capacity; s++) {
      const key = this.keyOf[s]!;
      if (key >= 0) this.removeSlot(s);
    }
  }

  /** When `key`'s entry expires (seconds), or -1 when absent (refresh-ahead reads this). */
  expiresAt(key: number): number {
    const s = key < this.slotOf.length ? this.slotOf[key]! : -1;
    return s >= 0 ? this.expires[s]! : -1;
  }

  has(key: number): boolean {
    return key < this.slotOf.length && this.slotOf[key]! >= 0;
  }

  private victim(): number {
    switch (this.eviction) {
      case 'lru':
      case 'fifo':
        return this.tail;
      case 'lfu':
        return this.heap[0]!;
      case 'random':
        return this.rng.int(this.capacity); // only called when full: every slot is in use
    }
  }

  private removeSlot(s: number): void {
    this.slotOf[this.keyOf[s]!] = -1;
    this.keyOf[s] = -1;
    this.size--;
    if (this.eviction === 'lfu') {
      const i = this.heapPos[s]!;
      const last = this.heap[this.size]!;
      if (i !== this.size) {
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
      if (l < this.size && this.less(h[l]!, h[m]!)) m = l;
      if (r < this.size && this.less(h[r]!, h[m]!)) m = r;
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
