/**
 * Request-reply over a queue pair (a queue's `reply`): the producer's call `c` is held by the
 * queue until the consumer's reply, matched by its correlation id, comes back over the reply
 * queue. The message carries the correlation as its `parent`/`parentGen` (the producer's call
 * id and generation: a recycled call no longer matches); `c.pending` says whether the producer
 * still waits. A timer answers `timeout` at `timeoutMs` after the request arrived; a reply that
 * finds nobody waiting (timed out, or a second copy's reply under pubSub) is counted late and
 * dropped.
 *
 * The parts of a reply's time, for the producer: the ack (arrival → enqueue, `m.arriveT`), the
 * wait in the queue (→ delivery of the attempt that succeeded, kept in `m.sendT`), the
 * consumer's time (→ its answer) and the reply's hop (`replyMs`). They are summed per counted
 * reply that reached its producer, so the four means add up to the mean request-reply time.
 */
import type { QueueParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import type { Kernel } from '../kernel.ts';
import { r4 } from '../metrics/summary.ts';
import { TIMEOUT } from '../reasons.ts';
import type { NodeResult, NodeWindow } from '../types.ts';

type ReplyParams = NonNullable<QueueParams['reply']>;

/** `c.pending` of a producer's call the queue holds for its reply. */
const AWAITING = 2;

export class Replies {
  readonly timeoutS: number;
  readonly replyS: number;
  // Counted (requests created after warm-up), and the window's (all).
  private replies = 0;
  private timeouts = 0;
  private late = 0;
  private wReplies = 0;
  private wTimeouts = 0;
  private wLate = 0;
  /** Sums over counted replies that reached their producer: ack, wait, consumer, total (s). */
  private ackS = 0;
  private waitS = 0;
  private consumerS = 0;
  private totalS = 0;

  constructor(
    private readonly k: Kernel,
    p: ReplyParams,
  ) {
    this.timeoutS = p.timeoutMs / 1000;
    this.replyS = p.replyMs / 1000;
  }

  /** The producer's call `c` arrived: it now waits for its reply. */
  hold(c: Call): void {
    c.pending = AWAITING;
  }

  /** Message `m` answers the producer's call `c`. */
  correlate(m: Call, c: Call): void {
    m.parent = c.id;
    m.parentGen = c.gen;
  }

  /** The producer's timer: still waiting, it is answered `timeout`. */
  timedOut(c: Call): void {
    if (c.pending !== AWAITING) return;
    c.pending = 0;
    this.wTimeouts++;
    if (c.counted) this.timeouts++;
    this.k.respond(c, TIMEOUT);
  }

  /** Message `m`'s reply reaches the producer's side now (the consumer answered at
   *  now − replyS, after its delivery at `m.sendT`). */
  arrived(m: Call): void {
    const c = this.k.pool.alive(m.parent, m.parentGen);
    if (c === null || c.pending !== AWAITING || c.answered) {
      this.wLate++;
      if (m.counted) this.late++;
      // Its caller gave up at the edge (its own timeout) while the queue held it: release it.
      if (c !== null && c.pending === AWAITING) {
        c.pending = 0;
        this.k.respond(c, TIMEOUT);
      }
      return;
    }
    c.pending = 0;
    this.wReplies++;
    if (c.counted) {
      const now = this.k.now;
      this.replies++;
      this.ackS += m.arriveT - c.arriveT;
      this.waitS += m.sendT - m.arriveT;
      this.consumerS += now - this.replyS - m.sendT;
      this.totalS += now - c.arriveT;
    }
    this.k.respond(c, 0);
  }

  describe(out: NodeResult | NodeWindow, window: boolean): void {
    if (window) {
      out.replies = this.wReplies;
      out.replyTimeouts = this.wTimeouts;
      out.lateReplies = this.wLate;
      this.wReplies = this.wTimeouts = this.wLate = 0;
      return;
    }
    const r = out as NodeResult;
    r.replies = this.replies;
    r.replyTimeouts = this.timeouts;
    r.lateReplies = this.late;
    const n = this.replies;
    const ms = (s: number) => (n > 0 ? r4((s / n) * 1000) : 0);
    r.meanAckMs = ms(this.ackS);
    r.meanWaitMs = ms(this.waitS);
    r.meanConsumerMs = ms(this.consumerS);
    r.meanReplyMs = n > 0 ? r4(this.replyS * 1000) : 0;
    r.meanRequestReplyMs = ms(this.totalS);
  }
}
