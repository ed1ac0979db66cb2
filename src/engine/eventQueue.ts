/**
 * The future event list: binary min-heaps over typed arrays, ordered by (time, sequence).
 *
 * The sequence number makes ties stable (first scheduled, first run), which is what makes a run
 * reproducible to the last digit. Every (time, sequence) pair is distinct, so the order events
 * come out in is the order of those pairs, whatever the heap's shape. A heap holds only
 * (time, slot): an event's sequence and payload (kind and three integers) sit in slot arrays
 * recycled through a free list, read only where times tie and when the event is popped, so a
 * heap move copies two numbers, and scheduling and popping allocate nothing. Arrays double
 * when full.
 *
 * Two heaps, one sequence: the main one, and the arrivals' (`pushArrivalAt`), which holds each
 * open client's next arrival, one event per client. An arrival is scheduled and popped once per
 * request, as the work it starts is; in a heap of its own it does not sift through the work in
 * progress (a balancer's 80 requests in service: about a third of the event list's cost). The
 * arrival scheduled while no other waits outside the heaps sits in a field of its own (`lone*`):
 * with one open client, the usual design, that is every arrival, which then takes no slot and
 * no heap (a slot, a heap insert and a pop's bookkeeping cost a request about 4 % of the
 * balancer's instructions). `pop` takes the earliest of the lone arrival and the two heaps'
 * first events by (time, sequence), so events come out in the order one heap would give.
 *
 * The hot path passes an event's time through the field `at` (`q.at = t; q.pushAt(…)`), not as
 * an argument: V8 boxes a number passed to a function it does not inline, one heap allocation
 * per event, while a store to a number field writes in place.
 */
export class EventQueue {
  /** The main heap, and the arrivals'. */
  private readonly main: TimeHeap;
  private readonly arrivals: TimeHeap;
  private sSeq: Float64Array;
  /** Each slot's payload: kind, a, b, c at 4·slot (one array: one check of it per access). */
  private sPay: Int32Array;
  private free: Int32Array;
  private freeTop = 0;
  private nextSeq = 0;
  /** The lone arrival (see the file's comment): held when `loneSeq` ≥ 0. */
  private loneT = 0;
  private loneSeq = -1;
  private loneKind = 0;
  private loneA = 0;
  private loneB = 0;
  private loneC = 0;

  /** The time of the event `pushAt` schedules next. */
  at = 0;

  // The event last popped (read these right after `pop()` returns true).
  t = 0;
  kind = 0;
  a = 0;
  b = 0;
  c = 0;

  constructor(capacity = 1024) {
    this.main = new TimeHeap(capacity);
    this.arrivals = new TimeHeap(capacity);
    this.sSeq = new Float64Array(capacity);
    this.sPay = new Int32Array(4 * capacity);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeTop = capacity;
  }

  get size(): number {
    return this.main.n + this.arrivals.n + (this.loneSeq >= 0 ? 1 : 0);
  }

  /** The time `popDue` looks before (a field, as `at` is). */
  limit = Infinity;

  /** Is there an event before `limit`? (The run loop asks only where it may stop.) */
  due(): boolean {
    const limit = this.limit;
    return (
      (this.main.n > 0 && this.main.time[0]! < limit) ||
      (this.arrivals.n > 0 && this.arrivals.time[0]! < limit) ||
      (this.loneSeq >= 0 && this.loneT < limit)
    );
  }

  /** Schedule with the next sequence number (ties run in scheduling order). */
  push(time: number, kind: number, a: number, b: number, c: number): void {
    this.at = time;
    this.insert(this.main, this.nextSeq++, kind, a, b, c);
  }

  /** `push` at the time set in `at` (see the file's comment). */
  pushAt(kind: number, a: number, b: number, c: number): void {
    this.insert(this.main, this.nextSeq++, kind, a, b, c);
  }

  /**
   * `pushAt` for a client's next arrival: the lone arrival if none is held, else into the
   * arrivals' heap (see the file's comment).
   */
  pushArrivalAt(kind: number, a: number, b: number, c: number): void {
    if (this.loneSeq < 0) {
      this.loneT = this.at;
      this.loneSeq = this.nextSeq++;
      this.loneKind = kind;
      this.loneA = a;
      this.loneB = b;
      this.loneC = c;
      return;
    }
    this.insert(this.arrivals, this.nextSeq++, kind, a, b, c);
  }

  /**
   * Schedule with an explicit sequence key. Faults use negative keys derived from their index,
   * so a fault runs before every ordinary event at the same instant whether it came from the
   * document or from `inject()`: both paths then replay identically.
   */
  pushWithSeq(time: number, seq: number, kind: number, a: number, b: number, c: number): void {
    this.at = time;
    this.insert(this.main, seq, kind, a, b, c);
  }

  /** Insert an event at time `at` with sequence key `seq` into `heap`. */
  private insert(heap: TimeHeap, seq: number, kind: number, a: number, b: number, c: number): void {
    if (this.freeTop === 0) this.grow();
    const slot = this.free[--this.freeTop]!;
    this.sSeq[slot] = seq;
    const pay = this.sPay;
    const at = 4 * slot;
    pay[at] = kind;
    pay[at + 1] = a;
    pay[at + 2] = b;
    pay[at + 3] = c;
    heap.at = this.at;
    heap.insert(slot, this.sSeq);
  }

  /** Remove the earliest event into (t, kind, a, b, c). False when empty. */
  pop(): boolean {
    const limit = this.limit;
    this.limit = Infinity;
    const popped = this.popDue();
    this.limit = limit;
    return popped;
  }

  /**
   * `pop` if the earliest event comes before `limit`; false (and nothing removed) otherwise.
   * One call, where asking whether one is due and then popping it looked at every heap twice.
   */
  popDue(): boolean {
    const limit = this.limit;
    const main = this.main;
    const arrivals = this.arrivals;
    const sSeq = this.sSeq;
    // The earlier of the heaps' first events (null: both empty).
    let heap: TimeHeap | null = null;
    let ht = Infinity;
    if (main.n > 0) {
      heap = main;
      ht = main.time[0]!;
    }
    if (arrivals.n > 0) {
      const xt = arrivals.time[0]!;
      if (
        heap === null ||
        xt < ht ||
        (xt === ht && sSeq[arrivals.slot[0]!]! < sSeq[main.slot[0]!]!)
      ) {
        heap = arrivals;
        ht = xt;
      }
    }
    const loneSeq = this.loneSeq;
    if (loneSeq >= 0) {
      const lt = this.loneT;
      if (heap === null || lt < ht || (lt === ht && loneSeq < sSeq[heap.slot[0]!]!)) {
        if (!(lt < limit)) return false;
        this.t = lt;
        this.kind = this.loneKind;
        this.a = this.loneA;
        this.b = this.loneB;
        this.c = this.loneC;
        this.loneSeq = -1;
        return true;
      }
    }
    if (heap === null || !(ht < limit)) return false;
    const slot = heap.slot[0]!;
    this.t = ht;
    heap.removeFirst(sSeq);
    const pay = this.sPay;
    const at = 4 * slot;
    this.kind = pay[at]!;
    this.a = pay[at + 1]!;
    this.b = pay[at + 2]!;
    this.c = pay[at + 3]!;
    this.free[this.freeTop++] = slot;
    return true;
  }

  private grow(): void {
    const old = this.sSeq.length;
    const cap = old * 2;
    this.main.grow(cap);
    this.arrivals.grow(cap);
    this.sSeq = growF64(this.sSeq, cap);
    this.sPay = growI32(this.sPay, 4 * cap);
    this.free = new Int32Array(cap);
    // Every old slot is in use (the free list was empty): the new ones are free.
    for (let i = 0; i < cap - old; i++) this.free[i] = cap - 1 - i;
    this.freeTop = cap - old;
  }
}

/**
 * A binary min-heap of (time, slot), ties by the slots' sequence numbers (`sSeq`, kept by the
 * queue). Times come in through the field `at`, never as an argument (see EventQueue).
 */
class TimeHeap {
  time: Float64Array;
  slot: Int32Array;
  n = 0;
  /** The time of the entry `insert` adds. */
  at = 0;

  constructor(capacity: number) {
    this.time = new Float64Array(capacity);
    this.slot = new Int32Array(capacity);
  }

  /** Add `slot` at time `at`. */
  insert(slot: number, sSeq: Float64Array): void {
    this.rise(this.n++, slot, sSeq);
  }

  /**
   * Remove the first entry. Bottom-up: the hole left at the root goes down to a leaf by the
   * earlier child (one comparison a level), and the last entry then rises from there, which it
   * seldom does far, being a leaf's: fewer comparisons than sifting it down from the root (two
   * a level).
   */
  removeFirst(sSeq: Float64Array): void {
    const hTime = this.time;
    const hSlot = this.slot;
    const n = --this.n;
    if (n === 0) return;
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
    this.at = hTime[n]!;
    this.rise(i, hSlot[n]!, sSeq);
  }

  /** `slot`, at time `at`, fills the hole at i, rising while parents come later. */
  private rise(hole: number, slot: number, sSeq: Float64Array): void {
    const hTime = this.time;
    const hSlot = this.slot;
    const time = this.at;
    let i = hole;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = hTime[p]!;
      if (pt < time || (pt === time && sSeq[hSlot[p]!]! < sSeq[slot]!)) break;
      hTime[i] = pt;
      hSlot[i] = hSlot[p]!;
      i = p;
    }
    hTime[i] = time;
    hSlot[i] = slot;
  }

  grow(cap: number): void {
    this.time = growF64(this.time, cap);
    this.slot = growI32(this.slot, cap);
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
