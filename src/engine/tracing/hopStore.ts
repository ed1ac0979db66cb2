/**
 * The hops of the requests being traced now, before anyone knows whether they will be kept: one
 * preallocated Float64Array holding a row of `STRIDE` numbers per hop, and a free list, so
 * recording a hop allocates nothing. Row-major on purpose: a hop's numbers share three cache
 * lines, where a column per field touched a line per field, and with tail capture every hop of
 * every request is recorded. A row is named by its offset in `f` (its "span"), so the hooks
 * index without multiplying. A row belongs to one call (id and generation): a hook from a call
 * that no longer owns its row (the trace closed while its callee worked on) finds out and
 * records nothing.
 */
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

// Fields of a row: who owns it, the hop's moments (simulated s, -1: not reached), its outcome.
const CALL_ID = 0;
const CALL_GEN = 1;
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
/** The next row of the same trace (-1: the last), and the trace's root row. */
const NEXT = 16;
const ROOT = 17;
// On root rows only: the trace's last row, the request's number, head-sampled, counted, and
// whether a hop found no room.
const LAST = 18;
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
  readonly f: Float64Array;
  private readonly freeRows: Int32Array;
  /** Row → hop index while a trace is built. */
  private readonly hopIndex: Int32Array;
  /** Rows on the free list. */
  free: number;

  constructor(
    private readonly clock: Clock,
    readonly capacity: number,
  ) {
    this.f = new Float64Array(capacity * STRIDE);
    this.freeRows = new Int32Array(capacity);
    this.hopIndex = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.freeRows[i] = (capacity - 1 - i) * STRIDE;
    for (let i = 0; i < capacity; i++) this.f[i * STRIDE + CALL_ID] = -1;
    this.free = capacity;
  }

  /** A root row for call `c`, request number `seq`: its span (-1: the store is full). */
  openRoot(c: HopCall, seq: number, head: boolean, counted: boolean): number {
    const t = this.clock.now;
    const r = this.take(c.id, c.gen, t);
    if (r < 0) return -1;
    const f = this.f;
    f[r + PARENT] = -1;
    f[r + NODE] = c.node;
    f[r + EDGE] = -1;
    f[r + ATTEMPT] = 0;
    f[r + BACKEND] = -1;
    f[r + ROOT] = r;
    f[r + LAST] = r;
    f[r + ARRIVE] = t;
    f[r + SEQ] = seq;
    f[r + HEAD] = head ? 1 : 0;
    f[r + COUNTED] = counted ? 1 : 0;
    f[r + INCOMPLETE] = 0;
    return r;
  }

  /**
   * A row for call (id, gen), sent at `t` on behalf of the hop in row `parent` (still owned by
   * call (parentId, parentGen)): its span; -1 if the parent's trace is over, or the store full
   * (the trace is then incomplete).
   */
  openHop(parent: number, parentId: number, parentGen: number, c: HopCall): number {
    if (!this.owns(parent, parentId, parentGen)) return -1;
    const f = this.f;
    const root = f[parent + ROOT]! | 0;
    const r = this.take(c.id, c.gen, this.clock.now);
    if (r < 0) {
      f[root + INCOMPLETE] = 1;
      return -1;
    }
    f[r + PARENT] = parent;
    f[r + NODE] = c.node;
    f[r + EDGE] = c.edge;
    f[r + ATTEMPT] = c.attempt;
    f[r + BACKEND] = c.backend;
    f[r + REPLICA] = c.replica;
    f[r + ROOT] = root;
    const last = f[root + LAST]! | 0;
    f[last + NEXT] = r;
    f[root + LAST] = r;
    return r;
  }

  /** Moments of call `c`'s hop (now), if it still owns its row. */
  arrive(c: HopCall): void {
    if (this.owns(c.span, c.id, c.gen)) this.f[c.span + ARRIVE] = this.clock.now;
  }
  startWork(c: HopCall): void {
    if (this.owns(c.span, c.id, c.gen)) this.f[c.span + WORK] = this.clock.now;
  }
  worked(c: HopCall): void {
    if (this.owns(c.span, c.id, c.gen)) this.f[c.span + WORKED] = this.clock.now;
  }
  note(c: HopCall, flag: number): void {
    const r = c.span;
    if (this.owns(r, c.id, c.gen)) this.f[r + FLAGS] = this.f[r + FLAGS]! | flag;
  }
  /** The callee answered (the replica it chose is in `c.replica`). */
  respond(c: HopCall): void {
    const r = c.span;
    if (!this.owns(r, c.id, c.gen)) return;
    this.f[r + RESPOND] = this.clock.now;
    this.f[r + REPLICA] = c.replica;
  }
  /** The caller heard `status`. */
  answer(c: HopCall, status: number): void {
    const r = c.span;
    if (!this.owns(r, c.id, c.gen)) return;
    this.f[r + ANSWER] = this.clock.now;
    this.f[r + STATUS] = status;
  }
  /** The hop's answer reached its caller's node as `status` (a fallback if it had failed). */
  delivered(c: HopCall, status: number): void {
    const r = c.span;
    if (!this.owns(r, c.id, c.gen)) return;
    const f = this.f;
    const mark = status === 0 && f[r + STATUS] !== 0 ? DELIVERED | FALLBACK : DELIVERED;
    f[r + FLAGS] = f[r + FLAGS]! | mark;
  }

  /** The request of root row r is over now with `status`. */
  close(r: number, status: number): void {
    const f = this.f;
    const t = this.clock.now;
    f[r + ANSWER] = t;
    f[r + RESPOND] = t;
    f[r + STATUS] = status;
    f[r + FLAGS] = f[r + FLAGS]! | DELIVERED;
  }

  incomplete(r: number): boolean {
    return this.f[r + INCOMPLETE] === 1;
  }
  headSampled(r: number): boolean {
    return this.f[r + HEAD] === 1;
  }
  /** Request number of root row r. */
  seq(r: number): number {
    return this.f[r + SEQ]!;
  }
  /** Whether the closed request of root row r took longer than `thanS`. */
  slower(r: number, thanS: number): boolean {
    return this.f[r + ANSWER]! - this.f[r + SEND]! > thanS;
  }
  /** Latency of the closed request of root row r, into `out[i]` (no number boxed). */
  latencyInto(r: number, out: Float64Array, i: number): void {
    out[i] = this.f[r + ANSWER]! - this.f[r + SEND]!;
  }

  /** Row r still belongs to call (id, gen). */
  owns(r: number, id: number, gen: number): boolean {
    return this.f[r + CALL_ID] === id && this.f[r + CALL_GEN] === gen;
  }

  /** No call owns the rows of the trace rooted at `root` any more: they are kept as they are. */
  seal(root: number): void {
    const f = this.f;
    for (let r = root; r >= 0; r = f[r + NEXT]! | 0) f[r + CALL_ID] = -1;
  }

  /** Give back every row of the trace rooted at `root`. */
  release(root: number): void {
    const f = this.f;
    for (let r = root; r >= 0; r = f[r + NEXT]! | 0) {
      f[r + CALL_ID] = -1;
      this.freeRows[this.free++] = r;
    }
  }

  /** The plain-object trace of the rows rooted at r. */
  build(r: number, why: TraceReason): Trace {
    const f = this.f;
    const hops: TraceHop[] = [];
    for (let i = r; i >= 0; i = f[i + NEXT]! | 0) {
      this.hopIndex[i / STRIDE] = hops.length;
      const p = f[i + PARENT]!;
      hops.push({
        parent: p < 0 ? -1 : this.hopIndex[p / STRIDE]!,
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

  /** A fresh row for call (id, gen), sent at `t`; -1 when the store is full. */
  private take(id: number, gen: number, t: number): number {
    if (this.free === 0) return -1;
    const r = this.freeRows[--this.free]!;
    const f = this.f;
    f[r + CALL_ID] = id;
    f[r + CALL_GEN] = gen;
    f[r + SEND] = t;
    f[r + ARRIVE] = -1;
    f[r + WORK] = -1;
    f[r + WORKED] = -1;
    f[r + RESPOND] = -1;
    f[r + ANSWER] = -1;
    f[r + STATUS] = 0;
    f[r + FLAGS] = 0;
    f[r + REPLICA] = -1;
    f[r + NEXT] = -1;
    return r;
  }
}

interface Clock {
  readonly now: number;
}

/** What a row copies from the call it records. */
interface HopCall {
  readonly span: number;
  readonly id: number;
  readonly gen: number;
  readonly node: number;
  readonly edge: number;
  readonly attempt: number;
  readonly backend: number;
  readonly replica: number;
}
