/**
 * A batch consumer (a service's `batch`): requests wait, per replica, until a worker is free and
 * either `maxItems` wait or the oldest has waited `maxWaitMs`; a worker then takes up to
 * `maxItems` of them as one batch, whose work is `overheadMs + perItemMs × items`. The first
 * request of a batch (its leader) holds the worker and makes the service's outgoing calls once
 * for the whole batch (a batched write); every request of the batch is answered with the
 * leader's outcome when it finishes.
 *
 * A batch's other members hang off the leader as a list through the calls' node scratch `aux`
 * (member id + 1, 0 ends it), so a batch allocates nothing.
 */
import type { Call } from '../call.ts';
import { IntQueue } from '../intQueue.ts';
import type { Kernel } from '../kernel.ts';
import type { NodeStats } from '../metrics/nodeStats.ts';
import type { ServiceParams } from '../../model/types.ts';
import { r4 } from '../metrics/summary.ts';
import type { NodeResult, NodeWindow } from '../types.ts';

type BatchParams = NonNullable<ServiceParams['batch']>;

/** The event of a replica's oldest request reaching its longest wait (a = replica). */
export const SUB_BATCH_WAIT = 12;

export class Batcher {
  private readonly waiting: IntQueue[];
  /** Batches started and requests they held (counted from warm-up by their leader). */
  batches = 0;
  items = 0;
  windowBatches = 0;
  windowItems = 0;

  constructor(
    private readonly k: Kernel,
    private readonly node: number,
    private readonly stats: NodeStats,
    public p: BatchParams,
    replicas: number,
  ) {
    this.waiting = Array.from({ length: replicas }, () => new IntQueue());
  }

  /** Requests waiting at replica r. */
  queued(r: number): number {
    return this.waiting[r]!.length;
  }

  /** `c` waits at replica `r` for a batch. */
  add(c: Call, r: number): void {
    const line = this.waiting[r]!;
    line.push(c.id);
    this.stats.addQueue(this.k.now, 1);
    if (line.length === 1)
      this.k.scheduleNode(this.p.maxWaitMs / 1000, this.node, SUB_BATCH_WAIT, r, 0);
  }

  /** Whether a batch is due at replica r (a worker being free is the caller's to check). */
  due(r: number): boolean {
    const line = this.waiting[r]!;
    if (line.length === 0) return false;
    if (line.length >= this.p.maxItems) return true;
    const oldest = this.k.pool.calls[line.peek()]!;
    // The timer fires at exactly arrival + maxWait: compare with a hair of slack for rounding.
    return this.k.now - oldest.arriveT >= this.p.maxWaitMs / 1000 - 1e-12;
  }

  /** Take the next batch at replica r: its leader (with the others listed) and its work (s). */
  take(r: number): { leader: Call; workS: number } {
    const line = this.waiting[r]!;
    const calls = this.k.pool.calls;
    const n = Math.min(line.length, this.p.maxItems);
    const leader = calls[line.shift()]!;
    let last = leader;
    for (let i = 1; i < n; i++) {
      const m = calls[line.shift()]!;
      last.aux = m.id + 1;
      last = m;
    }
    last.aux = 0;
    this.stats.addQueue(this.k.now, -n);
    this.windowBatches++;
    this.windowItems += n;
    if (leader.counted) {
      this.batches++;
      this.items += n;
    }
    if (line.length > 0) {
      // The new oldest starts its own wait.
      const oldest = calls[line.peek()]!;
      const left = oldest.arriveT + this.p.maxWaitMs / 1000 - this.k.now;
      this.k.scheduleNode(Math.max(0, left), this.node, SUB_BATCH_WAIT, r, 0);
    }
    return { leader, workS: (this.p.overheadMs + this.p.perItemMs * n) / 1000 };
  }

  /** Answer the other members of `leader`'s batch with `reason` (the leader is answered apart). */
  answerMembers(leader: Call, reason: number): void {
    const calls = this.k.pool.calls;
    let next = leader.aux;
    leader.aux = 0;
    while (next > 0) {
      const m = calls[next - 1]!;
      next = m.aux;
      m.aux = 0;
      this.k.respond(m, reason);
    }
  }

  /** A crash: every request waiting at replica r leaves the line (the caller answers them and
   *  takes them off the books). */
  evict(r: number): number[] {
    return this.waiting[r]!.drain();
  }

  describe(out: NodeResult | NodeWindow, window: boolean): void {
    const batches = window ? this.windowBatches : this.batches;
    const items = window ? this.windowItems : this.items;
    out.batches = batches;
    out.meanBatchItems = batches > 0 ? r4(items / batches) : 0;
    if (window) {
      this.windowBatches = 0;
      this.windowItems = 0;
    }
  }
}
