/**
 * A pool of identical workers with a FIFO queue of calls waiting for one: a service replica's
 * workers, a database's connections. The pool keeps the books (which calls hold a worker, which
 * wait, and the node's busy and queue integrals); the node decides what a worker does and when
 * it is given back. No allocation per call: holders are a fixed array (slot = position,
 * swap-remove on release) and the queue a growable ring of call ids.
 */
import type { Call } from './call.ts';
import { IntQueue } from './intQueue.ts';
import type { Kernel } from './kernel.ts';
import type { NodeStats } from './metrics/nodeStats.ts';
import type { Discipline, WaitingLine } from './overload/discipline.ts';
import type { PriorityLine } from './classes/priorityLine.ts';

/** What `offer` did with a call. */
export const TOOK_WORKER = 0;
export const QUEUED = 1;
export const QUEUE_FULL = 2;

export class WorkerPool implements WaitingLine {
  /** Workers held now (the first `busy` entries of `holders`). */
  busy = 0;
  /** How the line is served when not first in, first out, every call served (see
   *  ./overload/discipline.ts); null keeps the plain path. */
  discipline: Discipline | null = null;
  /** First in first out, or by class priority (a service's `priority`). */
  private waiting: IntQueue | PriorityLine = new IntQueue();
  private holders: Int32Array;

  /** `queueCapacity`: the most calls that may wait (Infinity: unbounded). */
  constructor(
    private readonly k: Kernel,
    private readonly stats: NodeStats,
    public workers: number,
    public queueCapacity: number,
  ) {
    this.holders = new Int32Array(workers);
  }

  /** Serve by class priority (before any call waits). */
  prioritize(line: PriorityLine): void {
    this.waiting = line;
  }

  /** The line by priority, if the pool serves by priority. */
  get priorityLine(): PriorityLine | null {
    return this.waiting instanceof IntQueue ? null : this.waiting;
  }

  /** Preemptive resume: `c` gives its worker back and waits again, first of its priority. */
  preempt(c: Call): void {
    this.release(c);
    (this.waiting as PriorityLine).unshift(c.id);
    this.stats.addQueue(this.k.now, 1);
  }

  /** The newest call of the lowest priority waiting leaves the line (to be shed). */
  takeLowest(): number {
    this.stats.addQueue(this.k.now, -1);
    return (this.waiting as PriorityLine).popLowest();
  }

  /** Calls waiting for a worker. */
  get queued(): number {
    return this.waiting.length;
  }

  /** The id of the call holding worker `i` (0 ≤ i < busy). */
  holderAt(i: number): number {
    return this.holders[i]!;
  }

  /** Nothing held and nothing waiting. */
  get idle(): boolean {
    return this.busy === 0 && this.waiting.length === 0;
  }

  /** A free worker takes `c` (TOOK_WORKER: the caller starts its work), or it waits, or not. */
  offer(c: Call): number {
    if (this.busy < this.workers) {
      this.hold(c);
      return TOOK_WORKER;
    }
    if (this.waiting.length >= this.queueCapacity) return QUEUE_FULL;
    this.waiting.push(c.id);
    this.stats.addQueue(this.k.now, 1);
    return QUEUED;
  }

  /** `c` gives its worker back. */
  release(c: Call): void {
    const last = --this.busy;
    // Swap-remove: the last holder takes the freed slot.
    if (c.slot !== last) {
      const moved = this.k.pool.calls[this.holders[last]!]!;
      this.holders[c.slot] = moved.id;
      moved.slot = c.slot;
    }
    c.slot = -1;
    this.stats.addBusy(this.k.now, -1);
  }

  /** The call waiting longest takes a free worker (the caller starts its work); null if none. */
  takeNext(): Call | null {
    // After a live cut in workers, more may hold one than there are: none is handed on.
    if (this.waiting.length === 0 || this.busy >= this.workers) return null;
    const d = this.discipline;
    if (d === null) {
      const next = this.k.pool.calls[this.waiting.shift()]!;
      this.stats.addQueue(this.k.now, -1);
      this.hold(next);
      return next;
    }
    const next = d.pick(this);
    if (next !== null) this.hold(next);
    d.flush();
    return next;
  }

  /** The call waiting longest leaves the line (for a discipline). */
  takeOldest(): number {
    this.stats.addQueue(this.k.now, -1);
    return this.waiting.shift();
  }

  /** The call waiting least leaves the line (for a discipline). */
  takeNewest(): number {
    this.stats.addQueue(this.k.now, -1);
    return this.waiting.pop();
  }

  /**
   * A live change of the number of workers. Fewer: the extra holders finish and are not
   * replaced. More: the callers waiting longest take the new workers, returned for their work
   * to start. Calls already waiting beyond a lowered `queueCapacity` stay.
   */
  resize(workers: number): Call[] {
    if (workers > this.holders.length) {
      const grown = new Int32Array(workers);
      grown.set(this.holders.subarray(0, this.busy));
      this.holders = grown;
    }
    this.workers = workers;
    const started: Call[] = [];
    while (this.busy < workers && this.waiting.length > 0) {
      const next = this.takeNext(); // null: a discipline dropped every waiting call
      if (next === null) break;
      started.push(next);
    }
    return started;
  }

  /** A crash: empty the pool, returning the ids that held a worker and those that waited. */
  evict(): { held: number[]; waiting: number[] } {
    const waiting = this.waiting.drain();
    const held = Array.from(this.holders.subarray(0, this.busy));
    this.busy = 0;
    return { held, waiting };
  }

  private hold(c: Call): void {
    const slot = this.busy++;
    this.holders[slot] = c.id;
    c.slot = slot;
    if (c.span !== null) c.span.working(this.k.now);
    this.stats.addBusy(this.k.now, 1);
  }
}
