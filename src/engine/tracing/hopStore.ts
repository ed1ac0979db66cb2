/**
 * The hops of the requests being traced now, before anyone knows whether they will be kept: one
 * preallocated Float64Array holding a row of `STRIDE` numbers per hop, and a free list, so
 * recording a hop allocates nothing. Row-major on purpose: a hop's numbers share three cache
 * lines, where a column per field touched a line per field, and with tail capture every hop of
 * every request is recorded. A row is named by its offset in `f` (its "span"), so the hooks
 * index without multiplying.
 *
 * A row belongs to the call that opened it until its trace closes. Closing a trace detaches
 * every call still working for it (its `span` becomes -1: a callee still busy after its caller
 * timed out), so a call with a span always owns that row: the hooks write without checking, and
 * a hop costs its stores and nothing else. With tail capture that is most of the tracer's cost,
 * so the rest is kept to what each request must touch anyway: a hop is linked in after its root
 * (newest first: no walk to the trace's last row), and a closing trace that is not kept is given
 * back in one walk that looks up only the calls of hops not yet settled (answered and responded:
 * nothing writes on such a row again), which in a healthy run is none.
 */
import type { RelayFrame } from '../relayFrames.ts';
import {
  HOP_DELIVERED,
  HOP_FALLBACK,
  type Trace,
  type TraceHop,
  type TraceReason,
} from './types.ts';

// Module-local copies: read once, not through an import binding on every hop.
const DELIVERED = HOP_DELIVERED;
const FALLBACK = HOP_FALLBACK;

// Fields of a row: the call that recorded it, the hop's moments (simulated s, -1: not reached),
// its outcome. Field 1 is free.
const CALL_ID = 0;
const SEND = 2;
const ARRIVE = 3;
const WORK = 4;
const WORKED = 5;
const RESPOND = 6;
const ANSWER = 7;
const STATUS = 8;
const FLAGS = 9;
// Who called whom: the parent's span (-1: the root), the callee, the edge, the caller's choices.
const PARENT = 10;
const NODE = 11;
const EDGE = 12;
const ATTEMPT = 13;
const BACKEND = 14;
const REPLICA = 15;
/**
 * The next row of the trace (-1: none): from the root, its hops newest first. And the trace's
 * root row.
 */
const NEXT = 16;
const ROOT = 17;
// On root rows only: the trace's number of rows, the request's number, head-sampled, counted,
// and whether a hop found no room.
const COUNT = 18;
const SEQ = 19;
const HEAD = 20;
const COUNTED = 21;
const INCOMPLETE = 22;
const STRIDE = 24;

/**
 * The store of live rows. The layout stays inside this module on purpose: constants imported
 * from another module are getters under tsx (the headless runner and the bench), which cost more
 * than the recording itself.
 */
export class HopStore {
  f: Float64Array;
  private freeRows: Int32Array;
  /** Row → hop index while a trace is built. */
  private hopIndex: Int32Array;
  /** A trace's rows in the order they were sent, while it is built. */
  private order: Int32Array;
  /** Rows on the free list. */
  private free = 0;
  /** Rows allocated so far: they double when all are taken, up to `capacity`. */
  private rows = 0;

  constructor(
    private readonly clock: Clock,
    /** The most rows the store will hold. */
    readonly capacity: number,
    /** The kernel's calls by id: who still works for a closing trace. */
    private readonly calls: readonly HopCall[],
  ) {
    this.f = new Float64Array(0);
    this.freeRows = new Int32Array(0);
    this.hopIndex = new Int32Array(0);
    this.order = new Int32Array(0);
    this.grow();
  }

  /** Rows free now or still to be allocated. */
  get room(): number {
    return this.free + this.capacity - this.rows;
  }

  /**
   * More rows (false: at capacity). A run starts small and grows to what it keeps in flight, so
   * a short run does not pay for filling megabytes it never uses.
   */
  private grow(): boolean {
    const rows = Math.min(this.capacity, Math.max(1024, this.rows * 2));
    if (rows === this.rows) return false;
    const f = new Float64Array(rows * STRIDE);
    f.set(this.f);
    this.f = f;
    const freeRows = new Int32Array(rows);
    freeRows.set(this.freeRows.subarray(0, this.free));
    for (let i = rows - 1; i >= this.rows; i--) freeRows[this.free++] = i * STRIDE;
    this.freeRows = freeRows;
    this.hopIndex = new Int32Array(rows);
    this.order = new Int32Array(rows);
    this.rows = rows;
    return true;
  }

  /**
   * A root row for call `c`, request number `seq`: its span (-1: the store is full). Only what
   * a root needs: `build` fills in the fields every root has alike.
   */
  openRoot(c: HopCall, seq: number, head: boolean, counted: boolean): number {
    if (this.free === 0 && !this.grow()) return -1;
    const r = this.freeRows[--this.free]!;
    const f = this.f;
    f[r + CALL_ID] = c.id;
    f[r + SEND] = this.clock.now;
    f[r + FLAGS] = 0;
    f[r + NODE] = c.node;
    f[r + NEXT] = -1;
    f[r + ROOT] = r;
    f[r + COUNT] = 1;
    f[r + SEQ] = seq;
    f[r + HEAD] = head ? 1 : 0;
    f[r + COUNTED] = counted ? 1 : 0;
    f[r + INCOMPLETE] = 0;
    return r;
  }

  /**
   * A row for call `c`, sent now on behalf of the hop in row `parent`: its span; -1 if the
   * store is full (the trace is then incomplete).
   */
  openHop(parent: number, c: HopCall): number {
    let f = this.f;
    const root = f[parent + ROOT]! | 0;
    if (this.free === 0 && !this.grow()) {
      f[root + INCOMPLETE] = 1;
      return -1;
    }
    const r = this.freeRows[--this.free]!;
    f = this.f; // grow() may have replaced it
    f[r + CALL_ID] = c.id;
    f[r + SEND] = this.clock.now;
    f[r + ARRIVE] = -1;
    f[r + WORK] = -1;
    f[r + WORKED] = -1;
    f[r + RESPOND] = -1;
    f[r + ANSWER] = -1;
    f[r + STATUS] = 0;
    f[r + FLAGS] = 0;
    f[r + PARENT] = parent;
    f[r + NODE] = c.node;
    f[r + EDGE] = c.edge;
    f[r + ATTEMPT] = c.attempt;
    f[r + BACKEND] = c.backend;
    f[r + REPLICA] = c.replica;
    f[r + ROOT] = root;
    f[r + NEXT] = f[root + NEXT]!;
    f[root + NEXT] = r;
    f[root + COUNT] = f[root + COUNT]! + 1;
    return r;
  }

  /** Moments of call `c`'s hop (now). */
  arrive(c: HopCall): void {
    this.f[c.span + ARRIVE] = this.clock.now;
  }
  startWork(c: HopCall): void {
    this.f[c.span + WORK] = this.clock.now;
  }
  worked(c: HopCall): void {
    this.f[c.span + WORKED] = this.clock.now;
  }
  note(c: HopCall, flag: number): void {
    const i = c.span + FLAGS;
    this.f[i] = this.f[i]! | flag;
  }
  /** The callee answered (the replica it chose is in `c.replica`). */
  respond(c: HopCall): void {
    const r = c.span;
    this.f[r + RESPOND] = this.clock.now;
    this.f[r + REPLICA] = c.replica;
  }
  /** The caller heard `status`. */
  answer(c: HopCall, status: number): void {
    const r = c.span;
    this.f[r + ANSWER] = this.clock.now;
    this.f[r + STATUS] = status;
  }
  /** The hop's answer reached its caller's node as `status` (a fallback if it had failed). */
  delivered(c: HopCall, status: number): void {
    const r = c.span;
    const f = this.f;
    const mark = status === 0 && f[r + STATUS] !== 0 ? DELIVERED | FALLBACK : DELIVERED;
    f[r + FLAGS] = f[r + FLAGS]! | mark;
  }

  /** The request of root row r is over now with `status`. */
  close(r: number, status: number): void {
    const f = this.f;
    const t = this.clock.now;
    f[r + ANSWER] = t;
    f[r + STATUS] = status;
    f[r + FLAGS] = f[r + FLAGS]! | DELIVERED;
  }

  incomplete(r: number): boolean {
    return this.f[r + INCOMPLETE] === 1;
  }
  headSampled(r: number): boolean {
    return this.f[r + HEAD] === 1;
  }
  /** Latency of the closed request of root row r. */
  latency(r: number): number {
    return this.f[r + ANSWER]! - this.f[r + SEND]!;
  }
  /** Latency of the closed request of root row r, into `out[i]` (no number boxed). */
  latencyInto(r: number, out: Float64Array, i: number): void {
    out[i] = this.f[r + ANSWER]! - this.f[r + SEND]!;
  }
  /** Sort root rows `rows[0..n)` by request number (n is small: insertion sort, no garbage). */
  sortBySeq(rows: Int32Array, n: number): void {
    const f = this.f;
    for (let i = 1; i < n; i++) {
      const r = rows[i]!;
      const k = f[r + SEQ]!;
      let j = i - 1;
      for (; j >= 0 && f[rows[j]! + SEQ]! > k; j--) rows[j + 1] = rows[j]!;
      rows[j + 1] = r;
    }
  }

  /**
   * The trace rooted at `root` is closed: every call still working for it (live, same
   * generation, span on one of its rows) stops recording, so its rows stay as they are. The
   * root's own call is being recycled, and a settled hop's call writes nothing more: only the
   * others are looked up.
   */
  detach(root: number): void {
    const f = this.f;
    for (let r = f[root + NEXT]! | 0; r >= 0; r = f[r + NEXT]! | 0) {
      if (f[r + RESPOND]! < 0 || f[r + ANSWER]! < 0) this.detachRow(r);
    }
  }

  /** Give back every row of the trace rooted at `root` (detached). */
  release(root: number): void {
    const f = this.f;
    for (let r = root; r >= 0; r = f[r + NEXT]! | 0) this.freeRows[this.free++] = r;
  }

  /** `detach` and `release` in one walk: a closed trace that is not kept. */
  discard(root: number): void {
    const f = this.f;
    this.freeRows[this.free++] = root;
    for (let r = f[root + NEXT]! | 0; r >= 0; r = f[r + NEXT]! | 0) {
      if (f[r + RESPOND]! < 0 || f[r + ANSWER]! < 0) this.detachRow(r);
      this.freeRows[this.free++] = r;
    }
  }

  /**
   * The call that recorded row r and its relay frames stop recording on it. No generation check
   * is needed: r is this trace's until it is released, so a call (or frame) with span r is the
   * one that recorded it (a recycled call starts with span -1, and frames with the call's).
   */
  private detachRow(r: number): void {
    const c = this.calls[this.f[r + CALL_ID]! | 0]!;
    if (c.span === r) c.span = -1;
    // The hops it was relayed from (src/engine/relayFrames.ts) record on their rows too.
    for (let h = c.frame; h !== null; h = h.below) if (h.span === r) h.span = -1;
  }

  /** The plain-object trace of the rows rooted at r. */
  build(r: number, why: TraceReason): Trace {
    const f = this.f;
    const hops: TraceHop[] = [rootHop(f, r)];
    this.hopIndex[r / STRIDE] = 0;
    // The hops are linked newest first: back into the order they were sent.
    const order = this.order;
    let n = f[r + COUNT]! - 1;
    for (let i = f[r + NEXT]! | 0; i >= 0; i = f[i + NEXT]! | 0) order[--n] = i;
    for (let k = 0, n = f[r + COUNT]! - 1; k < n; k++) {
      const i = order[k]!;
      this.hopIndex[i / STRIDE] = hops.length;
      hops.push({
        parent: this.hopIndex[f[i + PARENT]! / STRIDE]!,
        node: f[i + NODE]!,
        edge: f[i + EDGE]!,
        attempt: f[i + ATTEMPT]!,
        backend: f[i + BACKEND]!,
        replica: f[i + REPLICA]!,
        sendS: f[i + SEND]!,
        arriveS: f[i + ARRIVE]!,
        workS: f[i + WORK]!,
        workedS: f[i + WORKED]!,
        respondS: f[i + RESPOND]!,
        answerS: f[i + ANSWER]!,
        status: f[i + STATUS]!,
        flags: f[i + FLAGS]!,
      });
    }
    return {
      id: f[r + SEQ]!,
      why,
      counted: f[r + COUNTED] === 1,
      startS: f[r + SEND]!,
      endS: f[r + ANSWER]!,
      status: f[r + STATUS]!,
      hops,
    };
  }
}
interface Clock {
  readonly now: number;
}

/** The root's hop: the client's request, its moments the request's own. */
function rootHop(f: Float64Array, r: number): TraceHop {
  const t0 = f[r + SEND]!;
  const t1 = f[r + ANSWER]!;
  return {
    parent: -1,
    node: f[r + NODE]!,
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
    status: f[r + STATUS]!,
    flags: f[r + FLAGS]!,
  };
}

/** What a row copies from the call it records; the hooks detach a call by its spans. */
interface HopCall {
  span: number;
  readonly frame: RelayFrame | null;
  readonly id: number;
  readonly node: number;
  readonly edge: number;
  readonly attempt: number;
  readonly backend: number;
  readonly replica: number;
}
