/**
 * The hops of the requests being traced now, before anyone knows whether they will be kept:
 * preallocated columns (one row per hop) and a free list, so recording a hop allocates nothing.
 * A row belongs to one call (id and generation): a hook from a call that no longer owns its row
 * (the trace closed while its callee worked on) finds out and records nothing.
 */
import { HOP_DELIVERED } from './types.ts';

export class HopStore {
  readonly parent: Int32Array;
  readonly node: Int32Array;
  readonly edge: Int32Array;
  readonly attempt: Int32Array;
  readonly backend: Int32Array;
  readonly replica: Int32Array;
  readonly status: Int32Array;
  readonly flags: Int32Array;
  readonly callId: Int32Array;
  readonly callGen: Int32Array;
  /** The trace's root row, and the next row of the same trace (-1: the last). */
  readonly root: Int32Array;
  readonly next: Int32Array;
  /** On root rows: the trace's last row. */
  readonly last: Int32Array;
  readonly sendS: Float64Array;
  readonly arriveS: Float64Array;
  readonly workS: Float64Array;
  readonly workedS: Float64Array;
  readonly respondS: Float64Array;
  readonly answerS: Float64Array;
  private readonly freeRows: Int32Array;
  /** Rows on the free list. */
  free: number;

  constructor(readonly capacity: number) {
    const ints = (): Int32Array => new Int32Array(capacity);
    const times = (): Float64Array => new Float64Array(capacity);
    this.parent = ints();
    this.node = ints();
    this.edge = ints();
    this.attempt = ints();
    this.backend = ints();
    this.replica = ints();
    this.status = ints();
    this.flags = ints();
    this.callId = ints().fill(-1);
    this.callGen = ints();
    this.root = ints();
    this.next = ints();
    this.last = ints();
    this.sendS = times();
    this.arriveS = times();
    this.workS = times();
    this.workedS = times();
    this.respondS = times();
    this.answerS = times();
    this.freeRows = ints();
    for (let i = 0; i < capacity; i++) this.freeRows[i] = capacity - 1 - i;
    this.free = capacity;
  }

  /** A fresh row for call (id, gen), sent at `t`; -1 when the store is full. */
  open(id: number, gen: number, t: number): number {
    if (this.free === 0) return -1;
    const r = this.freeRows[--this.free]!;
    this.callId[r] = id;
    this.callGen[r] = gen;
    this.next[r] = -1;
    this.sendS[r] = t;
    this.arriveS[r] = -1;
    this.workS[r] = -1;
    this.workedS[r] = -1;
    this.respondS[r] = -1;
    this.answerS[r] = -1;
    this.status[r] = 0;
    this.flags[r] = 0;
    this.replica[r] = -1;
    return r;
  }

  /** Row r still belongs to call (id, gen). */
  owns(r: number, id: number, gen: number): boolean {
    return this.callId[r] === id && this.callGen[r] === gen;
  }

  /** Append row r to the trace whose root row is `root`. */
  link(root: number, r: number): void {
    this.root[r] = root;
    this.next[this.last[root]!] = r;
    this.last[root] = r;
  }

  /** Give back every row of the trace rooted at `root`. */
  release(root: number): void {
    for (let r = root; r >= 0; r = this.next[r]!) {
      this.callId[r] = -1;
      this.freeRows[this.free++] = r;
    }
  }

  delivered(r: number): boolean {
    return (this.flags[r]! & HOP_DELIVERED) !== 0;
  }
}
