/**
 * The future event list: a binary min-heap over typed arrays, ordered by (time, sequence).
 *
 * The sequence number makes ties stable (first scheduled, first run), which is what makes a run
 * reproducible to the last digit. Every (time, sequence) pair is distinct, so the order events
 * come out in is the order of those pairs, whatever the heap's shape. The heap holds only
 * (time, slot): an event's sequence and payload (kind and three integers) sit in slot arrays
 * recycled through a free list, read only where times tie and when the event is popped, so a
 * heap move copies two numbers, and scheduling and popping allocate nothing. Arrays double
 * when full.
 *
 * The hot path passes an event's time through the field `at` (`q.at = t; q.pushAt(…)`), not as
 * an argument: V8 boxes a number passed to a function it does not inline, one heap allocation
 * per event, while a store to a number field writes in place.
 */
export class EventQueue {
  private hTime: Float64Array;
  private hSlot: Int32Array;
  private sSeq: Float64Array;
  private sKind: Int32Array;
  private sA: Int32Array;
  private sB: Int32Array;
  private sC: Int32Array;
  private free: Int32Array;
  private freeTop = 0;
  private n = 0;
  private nextSeq = 0;

  /** The time of the event `pushAt` schedules next. */
  at = 0;

  // The event last popped (read these right after `pop()` returns true).
  t = 0;
  kind = 0;
  a = 0;
  b = 0;
  c = 0;

  constructor(capacity = 1024) {
    this.hTime = new Float64Array(capacity);
    this.hSlot = new Int32Array(capacity);
    this.sSeq = new Float64Array(capacity);
    this.sKind = new Int32Array(capacity);
    this.sA = new Int32Array(capacity);
    this.sB = new Int32Array(capacity);
    this.sC = new Int32Array(capacity);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeTop = capacity;
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.n > 0 ? this.hTime[0]! : Infinity;
  }

  /** Schedule with the next sequence number (ties run in scheduling order). */
  push(time: number, kind: number, a: number, b: number, c: number): void {
    this.at = time;
    this.insert(this.nextSeq++, kind, a, b, c);
  }

  /** `push` at the time set in `at` (see the file's comment). */
  pushAt(kind: number, a: number, b: number, c: number): void {
    this.insert(this.nextSeq++, kind, a, b, c);
  }

  /**
   * Schedule with an explicit sequence key. Faults use negative keys derived from their index,
   * so a fault runs before every ordinary event at the same instant whether it came from the
   * document or from `inject()`: both paths then replay identically.
   */
  pushWithSeq(time: number, seq: number, kind: number, a: number, b: number, c: number): void {
    this.at = time;
    this.insert(seq, kind, a, b, c);
  }

  /** Insert an event at time `at` with sequence key `seq`. */
  private insert(seq: number, kind: number, a: number, b: number, c: number): void {
    const time = this.at;
    if (this.freeTop === 0) this.grow();
    const slot = this.free[--this.freeTop]!;
    const sSeq = this.sSeq;
    sSeq[slot] = seq;
    this.sKind[slot] = kind;
    this.sA[slot] = a;
    this.sB[slot] = b;
    this.sC[slot] = c;
    // Sift up with a hole: move parents down until the new key fits.
    const hTime = this.hTime;
    const hSlot = this.hSlot;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = hTime[p]!;
      if (pt < time || (pt === time && sSeq[hSlot[p]!]! < seq)) break;
      hTime[i] = pt;
      hSlot[i] = hSlot[p]!;
      i = p;
    }
    hTime[i] = time;
    hSlot[i] = slot;
  }

  /**
   * Remove the earliest event into (t, kind, a, b, c). False when empty.
   *
   * Bottom-up: the hole left at the root goes down to a leaf by the earlier child (one
   * comparison a level), and the last entry then rises from there, which it seldom does far,
   * being a leaf's: fewer comparisons than sifting it down from the root (two a level).
   */
  pop(): boolean {
    if (this.n === 0) return false;
    const hTime = this.hTime;
    const hSlot = this.hSlot;
    const sSeq = this.sSeq;
    const slot = hSlot[0]!;
    this.t = hTime[0]!;
    this.kind = this.sKind[slot]!;
    this.a = this.sA[slot]!;
    this.b = this.sB[slot]!;
    this.c = this.sC[slot]!;
    this.free[this.freeTop++] = slot;
    const n = --this.n;
    if (n === 0) return true;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n) {
        const ct = hTime[c]!;
        const rt = hTime[r]!;
        if (rt < ct || (rt === ct && sSeq[hSlot[r]!]! < sSeq[hSlot[c]!]!)) c = r;
      }
      hTime[i] = hTime[c]!;
      hSlot[i] = hSlot[c]!;
      i = c;
    }
    // The last entry fills the hole at i, rising above later parents.
    const lt = hTime[n]!;
    const lslot = hSlot[n]!;
    const ls = sSeq[lslot]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = hTime[p]!;
      if (pt < lt || (pt === lt && sSeq[hSlot[p]!]! < ls)) break;
      hTime[i] = pt;
      hSlot[i] = hSlot[p]!;
      i = p;
    }
    hTime[i] = lt;
    hSlot[i] = lslot;
    return true;
  }

  private grow(): void {
    const old = this.hTime.length;
    const cap = old * 2;
    this.hTime = growF64(this.hTime, cap);
    this.hSlot = growI32(this.hSlot, cap);
    this.sSeq = growF64(this.sSeq, cap);
    this.sKind = growI32(this.sKind, cap);
    this.sA = growI32(this.sA, cap);
    this.sB = growI32(this.sB, cap);
    this.sC = growI32(this.sC, cap);
    this.free = new Int32Array(cap);
    // Every old slot is in use (the free list was empty): the new ones are free.
    for (let i = 0; i < cap - old; i++) this.free[i] = cap - 1 - i;
    this.freeTop = cap - old;
  }
}

function growF64(a: Float64Array, cap: number): Float64Array {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}
function growI32(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
