/**
 * The hops of the requests being traced now, before anyone knows whether they will be kept: a
 * pool of row objects and a free list, so recording a hop allocates nothing once the pool has
 * grown to what the run holds in flight. A row is an object, named by reference from the call
 * that records it (`span`), not a stretch of a typed array: a hook's store is then one store to a
 * field, where a typed array's took an index, a bounds check and a conversion each, and with tail
 * capture every hop of every request is recorded, so these stores are most of the tracer's cost.
 *
 * A row belongs to the call that opened it until its trace closes. Closing a trace detaches
 * every call still working for it (its `span` becomes null: a callee still busy after its caller
 * timed out), so a call with a span always owns that row: the hooks write without checking, and
 * a hop costs its stores and nothing else. The rest is kept to what each request must touch
 * anyway: a hop is linked in after its root (newest first: no walk to the trace's last row), and
 * a closing trace that is not kept is given back in one walk that looks up only the calls of hops
 * not yet settled (answered and responded: nothing writes on such a row again), which in a
 * healthy run is none.
 */
import type { RelayFrame } from '../relayFrames.ts';
import {
  HOP_DELIVERED,
  HOP_FALLBACK,
  type Trace,
  type TraceHop,
  type TraceReason,
} from './types.ts';

// Module-local copies: read once, not through an import binding on every hop (constants
// imported from another module are getters under tsx, the headless runner's and the tests').
const DELIVERED = HOP_DELIVERED;
const FALLBACK = HOP_FALLBACK;

/** One hop of a trace being recorded (a root row: the client's request, and the trace's own). */
export class HopRow {
  /** The call that recorded it (Kernel.pool.calls), for `detach`. */
  callId = 0;
  // The hop's moments (simulated s, -1: not reached) and outcome (see TraceHop).
  sendS = -1;
  arriveS = -1;
  workS = -1;
  workedS = -1;
  respondS = -1;
  answerS = -1;
  status = 0;
  flags = 0;
  // Who called whom: the parent's row (null: the root), the callee, the edge, the caller's choices.
  parent: HopRow | null = null;
  node = -1;
  edge = -1;
  attempt = 0;
  backend = -1;
  replica = -1;
  /** The next row of the trace (null: none): from the root, its hops newest first. */
  next: HopRow | null = null;
  /** The trace's root row (itself on a root). */
  root: HopRow = this;
  // On root rows only: the request's number, head-sampled, counted, and whether a hop found no
  // room.
  seq = 0;
  head = false;
  counted = false;
  incomplete = false;
  /** Its index in the trace's hops, while the trace is built. */
  index = 0;

  // The hooks: the kernel and the node kinds call these on a traced call's row (`c.span`) at
  // each step, with the clock. They are methods of the row, each a store or two, not calls
  // through the tracer: what the engine's hot functions inline of them is then a few bytes,
  // which leaves V8's inlining budget to the engine's own calls.

  /** The callee got the call. */
  arrived(now: number): void {
    this.arriveS = now;
  }
  /** The call took a worker (a service's, a database's connection): its wait is over. */
  working(now: number): void {
    this.workS = now;
  }
  /** Its local work is done (its downstream calls, if any, come next). */
  workDone(now: number): void {
    this.workedS = now;
  }
  /** A note on the hop (HOP_CACHE_HIT, HOP_CACHE_MISS). */
  note(flag: number): void {
    this.flags |= flag;
  }
  /** The callee answered, from `replica`. */
  responded(now: number, replica: number): void {
    this.respondS = now;
    this.replica = replica;
  }
  /** The caller heard `status` (its answer, its timer, or a refusal before sending). */
  answered(now: number, status: number): void {
    this.answerS = now;
    this.status = status;
  }
  /** The answer was handed to the caller's node as `status` (a fallback if it had failed). */
  delivered(status: number): void {
    this.flags |= status === 0 && this.status !== 0 ? DELIVERED | FALLBACK : DELIVERED;
  }
  /** A relayed hop's answer, heard and handed to its sender at once (`answered`, `delivered`). */
  relayAnswered(now: number, status: number): void {
    this.answerS = now;
    this.status = status;
    this.flags |= DELIVERED;
  }
}

/** The store of live rows. */
export class HopStore {
  /** The free rows, linked by `next` (a trace's rows go back in one splice, no array push). */
  private freeHead: HopRow | null = null;
  private freeCount = 0;
  /** Rows made so far (at most `capacity`). */
  private made = 0;

  constructor(
    private readonly clock: Clock,
    /** The most rows the store will hold. */
    readonly capacity: number,
    /** The kernel's calls by id: who still works for a closing trace. */
    private readonly calls: readonly HopCall[],
  ) {}

  /** Rows free now or still to be made. */
  get room(): number {
    return this.freeCount + this.capacity - this.made;
  }

  /** A free row (null: at capacity). A run makes rows up to what it keeps in flight. */
  private take(): HopRow | null {
    let r = this.freeHead;
    if (r === null) {
      r = this.grow();
      if (r === null) return null;
    }
    this.freeHead = r.next;
    this.freeCount--;
    return r;
  }

  /** Rows made a batch at a time, out of `take`'s way (null: at capacity). */
  private grow(): HopRow | null {
    const n = Math.min(64, this.capacity - this.made);
    for (let i = 0; i < n; i++) {
      const r = new HopRow();
      r.next = this.freeHead;
      this.freeHead = r;
    }
    this.made += n;
    this.freeCount += n;
    return this.freeHead;
  }

  /**
   * A root row for call `c`, request number `seq` (null: the store is full). Only what a root
   * needs: `build` fills in the fields every root has alike.
   */
  openRoot(c: HopCall, seq: number, head: boolean, counted: boolean): HopRow | null {
    const r = this.take();
    if (r === null) return null;
    r.callId = c.id;
    r.sendS = this.clock.now;
    r.flags = 0;
    r.node = c.node;
    r.next = null;
    r.root = r;
    r.seq = seq;
    r.head = head;
    r.counted = counted;
    r.incomplete = false;
    return r;
  }

  /**
   * A row for call `c`, sent now on behalf of the hop in row `parent`; null if the store is
   * full (the trace is then incomplete).
   */
  openHop(parent: HopRow, c: HopCall): HopRow | null {
    const root = parent.root;
    const r = this.take();
    if (r === null) {
      root.incomplete = true;
      return null;
    }
    r.callId = c.id;
    r.sendS = this.clock.now;
    r.arriveS = -1;
    r.workS = -1;
    r.workedS = -1;
    r.respondS = -1;
    r.answerS = -1;
    r.status = 0;
    r.flags = 0;
    r.parent = parent;
    r.node = c.node;
    r.edge = c.edge;
    r.attempt = c.attempt;
    r.backend = c.backend;
    r.replica = c.replica;
    r.root = root;
    r.next = root.next;
    root.next = r;
    return r;
  }

  /** The request of root row r is over now with `status`. */
  close(r: HopRow, status: number): void {
    r.answerS = this.clock.now;
    r.status = status;
    r.flags |= DELIVERED;
  }

  /** Sort root rows `rows[0..n)` by request number (n is small: insertion sort, no garbage). */
  sortBySeq(rows: HopRow[], n: number): void {
    for (let i = 1; i < n; i++) {
      const r = rows[i]!;
      const k = r.seq;
      let j = i - 1;
      for (; j >= 0 && rows[j]!.seq > k; j--) rows[j + 1] = rows[j]!;
      rows[j + 1] = r;
    }
  }

  /**
   * The trace rooted at `root` is closed: every call still working for it (live, same
   * generation, span on one of its rows) stops recording, so its rows stay as they are. The
   * root's own call is being recycled, and a settled hop's call writes nothing more: only the
   * others are looked up.
   */
  detach(root: HopRow): void {
    for (let r = root.next; r !== null; r = r.next) {
      if (r.respondS < 0 || r.answerS < 0) this.detachRow(r);
    }
  }

  /** Give back every row of the trace rooted at `root` (detached). */
  release(root: HopRow): void {
    let n = 1;
    let last = root;
    for (let r = root.next; r !== null; r = r.next) {
      last = r;
      n++;
    }
    this.giveBack(root, last, n);
  }

  /** `detach` and `release` in one walk: a closed trace that is not kept. */
  discard(root: HopRow): void {
    let n = 1;
    let last = root;
    for (let r = root.next; r !== null; r = r.next) {
      if (r.respondS < 0 || r.answerS < 0) this.detachRow(r);
      last = r;
      n++;
    }
    this.giveBack(root, last, n);
  }

  /** Rows `root` to `last` (linked by `next`, `n` of them) go to the free list whole. */
  private giveBack(root: HopRow, last: HopRow, n: number): void {
    last.next = this.freeHead;
    this.freeHead = root;
    this.freeCount += n;
  }

  /**
   * The call that recorded row r and its relay frames stop recording on it. No generation check
   * is needed: r is this trace's until it is released, so a call (or frame) with span r is the
   * one that recorded it (a recycled call starts with a null span, and frames with the call's).
   */
  private detachRow(r: HopRow): void {
    const c = this.calls[r.callId]!;
    if (c.span === r) c.span = null;
    // The hops it was relayed from (src/engine/relayFrames.ts) record on their rows too.
    for (let h = c.frame; h !== null; h = h.below) if (h.span === r) h.span = null;
  }

  /** The plain-object trace of the rows rooted at r. */
  build(r: HopRow, why: TraceReason): Trace {
    let n = 1;
    for (let i = r.next; i !== null; i = i.next) n++;
    // The hops are linked newest first: their places in the order they were sent, then the hops
    // (a parent is sent before its children, so its place is known by then). The array is made
    // at its length: no growing, no scratch list.
    const hops = new Array<TraceHop>(n);
    hops[0] = rootHop(r);
    r.index = 0;
    let k = n;
    for (let i = r.next; i !== null; i = i.next) i.index = --k;
    for (let i = r.next; i !== null; i = i.next) {
      hops[i.index] = {
        parent: i.parent!.index,
        node: i.node,
        edge: i.edge,
        attempt: i.attempt,
        backend: i.backend,
        replica: i.replica,
        sendS: i.sendS,
        arriveS: i.arriveS,
        workS: i.workS,
        workedS: i.workedS,
        respondS: i.respondS,
        answerS: i.answerS,
        status: i.status,
        flags: i.flags,
      };
    }
    return {
      id: r.seq,
      why,
      counted: r.counted,
      startS: r.sendS,
      endS: r.answerS,
      status: r.status,
      hops,
    };
  }
}
interface Clock {
  readonly now: number;
}

/** The root's hop: the client's request, its moments the request's own. */
function rootHop(r: HopRow): TraceHop {
  const t0 = r.sendS;
  const t1 = r.answerS;
  return {
    parent: -1,
    node: r.node,
    edge: -1,
    attempt: 0,
    backend: -1,
    replica: -1,
    sendS: t0,
    arriveS: t0,
    workS: -1,
    workedS: -1,
    respondS: t1,
    answerS: t1,
    status: r.status,
    flags: r.flags,
  };
}

/** What a row copies from the call it records; the hooks detach a call by its spans. */
interface HopCall {
  span: HopRow | null;
  readonly frame: RelayFrame | null;
  readonly id: number;
  readonly node: number;
  readonly edge: number;
  readonly attempt: number;
  readonly backend: number;
  readonly replica: number;
}
