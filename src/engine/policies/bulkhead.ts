/**
 * Bulkheads (`bulkhead` on a call edge): the caller lets at most `maxConcurrent` calls over the
 * edge be out at once, counted over all its replicas, so a slow dependency can hold only that
 * many of the caller's workers and the rest stay free for its other work. A call beyond the cap
 * waits in the edge's own line while fewer than `maxWaiting` wait (first in, first out), else it
 * fails at once with 'bulkheadFull'; one that has waited `maxWaitMs` for a slot gives up with
 * 'bulkheadTimeout' (a connection pool's acquire timeout). A slot is taken when the call goes
 * and given back when the caller hears its answer (or its timeout): a call its caller gave up
 * on no longer counts, even if the callee is still working on it.
 *
 * A waiting call is a pooled `Call` used as a token (parent, edge, replica, backend, attempt),
 * as a pending retry is; the policy sends it when a slot frees. Its wait is not under the edge's
 * timeout, which starts when it is sent. A token whose wait ran out is marked and stays in the
 * line until it reaches the front (it is skipped then), so nothing is searched or allocated.
 */
import type { BulkheadPolicy } from '../../model/types.ts';
import type { Call } from '../call.ts';
import { IntQueue } from '../intQueue.ts';

/** A token's `aux`: still waiting in its line, or gave up there (skipped when it comes up). */
export const IN_LINE = 1;
export const GAVE_UP = 2;

export class Bulkheads {
  private readonly max: Int32Array;
  private readonly maxWaiting: Int32Array;
  /** The longest a call waits for a slot (s); Infinity: no bound. */
  readonly maxWaitS: Float64Array;
  private readonly out: Int32Array;
  /** Calls waiting per edge, not counting tokens that gave up and still sit in the line. */
  private readonly waiting: Int32Array;
  /** Token call ids waiting per edge (created for edges with a bulkhead only). */
  private readonly lines: (IntQueue | null)[];

  constructor(policies: ReadonlyArray<BulkheadPolicy | undefined>) {
    this.max = Int32Array.from(policies, (p) => p?.maxConcurrent ?? 0);
    this.maxWaiting = Int32Array.from(policies, (p) => p?.maxWaiting ?? 0);
    this.maxWaitS = Float64Array.from(policies, waitBoundS);
    this.out = new Int32Array(policies.length);
    this.waiting = new Int32Array(policies.length);
    this.lines = policies.map((p) => (p === undefined ? null : new IntQueue()));
  }

  /**
   * A live change of edge i's bulkhead: the calls out and waiting stay as they are, but when it
   * is switched off, its waiting tokens are answered (returned here, for the caller to send).
   */
  set(i: number, p: BulkheadPolicy | undefined): number[] {
    this.max[i] = p?.maxConcurrent ?? 0;
    this.maxWaiting[i] = p?.maxWaiting ?? 0;
    this.maxWaitS[i] = waitBoundS(p);
    if (p !== undefined) this.lines[i] ??= new IntQueue();
    if (p !== undefined) return [];
    this.waiting[i] = 0;
    return this.lines[i]?.drain() ?? [];
  }

  has(i: number): boolean {
    return this.max[i]! > 0;
  }

  /** Take a slot for a call over edge i; false when all are out. */
  tryTake(i: number): boolean {
    if (this.out[i]! >= this.max[i]!) return false;
    this.out[i]!++;
    return true;
  }

  /** A slot taken on the caller's behalf for a waiting call about to be sent. */
  take(i: number): void {
    this.out[i]!++;
  }

  /** May one more call wait over edge i? */
  canWait(i: number): boolean {
    return this.waiting[i]! < this.maxWaiting[i]!;
  }

  wait(i: number, token: Call): void {
    token.aux = IN_LINE;
    this.waiting[i]!++;
    this.lines[i]!.push(token.id);
  }

  /** A waiting token leaves edge i's wait (sent, or given up): it no longer counts there. */
  left(i: number, token: Call): void {
    if (token.aux === IN_LINE) this.waiting[i]!--;
    token.aux = 0;
  }

  /** A slot over edge i is given back. */
  release(i: number): void {
    if (this.out[i]! > 0) this.out[i]!--;
  }

  /** The next token in edge i's line, if a slot is free for it, or -1 (it may have given up). */
  next(i: number): number {
    const line = this.lines[i];
    if (line === null || line === undefined || line.length === 0) return -1;
    return this.out[i]! < this.max[i]! ? line.shift() : -1;
  }

  /** Calls out over edge i now (for tests and the figures). */
  outNow(i: number): number {
    return this.out[i]!;
  }
}

function waitBoundS(p: BulkheadPolicy | undefined): number {
  return p?.maxWaitMs === undefined ? Infinity : p.maxWaitMs / 1000;
}
