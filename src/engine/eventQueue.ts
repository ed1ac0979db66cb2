/**
 * The future event list: a binary min-heap over typed arrays, ordered by (time, sequence).
 *
 * The sequence number makes ties stable (first scheduled, first run), which is what makes a run
 * reproducible to the last digit. The heap holds only (time, seq, slot); an event's payload
 * (kind and three integers) sits in slot arrays recycled through a free list, so scheduling and
 * popping allocate nothing. Arrays double when full.
 *
 * The hot path passes an event's time through the field `at` (`q.at = t; q.pushAt(…)`), not as
 * an argument: V8 boxes a number passed to a function it does not inline, one heap allocation
 * per event, while a store to a number field writes in place.
 */
export class EventQueue {
  private hTime: Float64Array;
  private hSeq: Float64Array;
  private hSlot: Int32Array;
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
    this.hSeq = new Float64Array(capacity);
    this.hSlot = new Int32Array(capacity);
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
    this.sKind[slot] = kind;
    this.sA[slot] = a;
    this.sB[slot] = b;
    this.sC[slot] = c;
    // Sift up with a hole: move parents down until the new key fits.
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = hTime[p]!;
      if (pt < time || (pt === time && hSeq[p]! < seq)) break;
      hTime[i] = pt;
      hSeq[i] = hSeq[p]!;
      hSlot[i] = hSlot[p]!;
      i = p;
    }
    hTime[i] = time;
    hSeq[i] = seq;
    hSlot[i] = slot;
  }

  /** Remove the earliest event into (t, kind, a, b, c). False when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    const slot = hSlot[0]!;
    this.t = hTime[0]!;
    this.kind = this.sKind[slot]!;
    this.a = this.sA[slot]!;
    this.b = this.sB[slot]!;
    this.c = this.sC[slot]!;
    this.free[this.freeTop++] = slot;
    const n = --this.n;
    if (n > 0) {
      // Sift the last entry down from the root.
      const lt = hTime[n]!;
      const ls = hSeq[n]!;
      const lslot = hSlot[n]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        const r = c + 1;
        if (r < n) {
          const ct = hTime[c]!;
          const rt = hTime[r]!;
          if (rt < ct || (rt === ct && hSeq[r]! < hSeq[c]!)) c = r;
        }
        const ct = hTime[c]!;
        if (lt < ct || (lt === ct && ls < hSeq[c]!)) break;
        hTime[i] = ct;
        hSeq[i] = hSeq[c]!;
        hSlot[i] = hSlot[c]!;
        i = c;
      }
      hTime[i] = lt;
      hSeq[i] = ls;
      hSlot[i] = lslot;
    }
    return true;
  }

  private grow(): void {
    const old = this.hTime.length;
    const cap = old * 2;
    this.hTime = growF64(this.hTime, cap);
    this.hSeq = growF64(this.hSeq, cap);
    this.hSlot = growI32(this.hSlot, cap);
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
