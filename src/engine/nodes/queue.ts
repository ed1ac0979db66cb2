/**
 * Queue (message broker). A producer's call ends at the broker's acknowledgement (`ackMs`):
 * for the producer it is fire-and-forget. A full queue (`capacity`, per subscription) refuses
 * with 'rejected' (back-pressure). Each message is a call of its own, held by the queue, and
 * pushed to a consumer edge when that edge has a free worker (queueConsumers.ts).
 *
 * pointToPoint: one shared queue; each message goes to one consumer edge, chosen by weight among
 * those with a free worker. pubSub: a copy per outgoing call edge, each with its own queue.
 * Priority of a message = key mod `priorities`, or its request class's priority (at most
 * `priorities` - 1) with `priorityFrom: 'class'` (0 first); FIFO within a priority. A delivery
 * that fails (error or the edge's timeout) is put back at the end of its priority until
 * `maxDeliveries` tries, then sent over the `deadLetter` edge (or counted `dead` without one).
 *
 * With `reply` (request-reply, ../messaging/replies.ts) the producer's call is held instead: its
 * message is enqueued once the broker acknowledges it (`ackMs`), and the call is answered by the
 * consumer's reply `replyMs` after the consumer answered, or `timeout` at `timeoutMs`.
 */
import type { QueueParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import { Sampler } from '../dists.ts';
import { IntQueue } from '../intQueue.ts';
import { Histogram, RESULT_SUB_BITS } from '../metrics/histogram.ts';
import { r4, summarize } from '../metrics/summary.ts';
import { REJECTED, UNAVAILABLE } from '../reasons.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import { BaseNode } from './base.ts';
import { Replies } from '../messaging/replies.ts';
import { ConsumerCredit } from './queueConsumers.ts';
import type { NodeContext } from './types.ts';

const SUB_ACK = 0;
const SUB_POLL = 1;
/** Request-reply: the broker accepts the request (a = call id, b = gen), its producer's timer
 *  fires, or a reply reaches the producer's side (a = message id, b = gen). */
const SUB_ACCEPT = 2;
const SUB_REPLY_TIMEOUT = 3;
const SUB_REPLY = 4;
/** While messages wait and no consumer has room, look again this often (seconds). */
const POLL_S = 0.05;
const DEAD_LETTERING = 1;

export class QueueNode extends BaseNode {
  params: QueueParams;
  private ack: Sampler;
  private readonly levels: number;
  private readonly pubSub: boolean;
  /** Waiting message ids per (subscription, priority): index sub * levels + priority. */
  private readonly waiting: IntQueue[];
  private readonly subDepth: Int32Array;
  private readonly inFlight: Int32Array;
  private readonly free: Float64Array;
  private credit: ConsumerCredit | null = null;
  /** Request-reply (`reply`): the producers waiting for replies (null: fire-and-forget). */
  private readonly replies: Replies | null;
  private readonly deadLetterEdge: number;
  private depth = 0;
  private polling = false;
  private dispatching = false;
  private again = false;
  private readonly age = new Histogram(RESULT_SUB_BITS);
  /** Sum and count of message ages per priority level (counted deliveries). */
  private readonly ageSum: Float64Array;
  private readonly ageN: Float64Array;
  // Counted messages (created after warm-up).
  private enqueued = 0;
  private consumed = 0;
  private redelivered = 0;
  private deadLettered = 0;
  private dead = 0;
  private maxDepth = 0;
  /** Every message offered since t = 0, counted or not: what the live cost bills it for. */
  private offered = 0;

  constructor(ctx: NodeContext) {
    super(ctx);
    if (ctx.node.type !== 'queue') throw new Error('queue behaviour on another kind');
    this.params = ctx.node.params;
    this.ack = new Sampler(this.params.ackMs, this.k.rng);
    this.levels = Math.max(1, this.params.priorities);
    this.pubSub = this.params.delivery === 'pubSub';
    const subs = this.pubSub ? Math.max(1, this.out.length) : 1;
    this.waiting = Array.from({ length: subs * this.levels }, () => new IntQueue());
    this.subDepth = new Int32Array(subs);
    this.ageSum = new Float64Array(this.levels);
    this.ageN = new Float64Array(this.levels);
    this.inFlight = new Int32Array(this.out.length);
    this.free = new Float64Array(this.out.length);
    const dl = this.k.edges.find((e) => e.source === this.index && e.doc.kind === 'deadLetter');
    this.deadLetterEdge = dl === undefined ? -1 : dl.index;
    this.replies = this.params.reply ? new Replies(this.k, this.params.reply) : null;
  }

  override start(): void {
    this.credit = new ConsumerCredit(this.k, this.out);
  }

  /** Live params (src/engine/actions.ts): capacity and tries are read per message. */
  retune(params: QueueParams): void {
    if (params.ackMs !== this.params.ackMs) this.ack = new Sampler(params.ackMs, this.k.rng);
    this.params = params;
  }

  /** Messages offered since t = 0 (as its arrivals count them: refused ones too). */
  get messagesOffered(): number {
    return this.offered;
  }

  arrive(c: Call): void {
    this.offered++;
    if (this.down) return this.k.respond(c, UNAVAILABLE);
    const cap = this.params.capacity;
    if (cap !== undefined) {
      for (let s = 0; s < this.subDepth.length; s++)
        if (this.subDepth[s]! >= cap) return this.k.respond(c, REJECTED);
    }
    if (this.replies !== null) return this.request(c, this.replies);
    this.accept(c);
    if (this.ack.isZero) this.k.respond(c, 0);
    else
      this.k.scheduleNode((this.ack.sample() * this.slow) / 1000, this.index, SUB_ACK, c.id, c.gen);
    this.dispatch();
  }

  /** Its message(s) join the queue (correlated to `c` when it waits for a reply). */
  private accept(c: Call): void {
    if (c.counted) this.enqueued++;
    const rr = this.replies;
    for (let s = 0; s < (this.pubSub ? this.out.length : 1); s++) {
      const m = this.newMessage(c);
      if (rr !== null) rr.correlate(m, c);
      this.enqueue(m, s);
    }
  }

  /** Request-reply: `c` is held for its reply, its message enqueued at the broker's ack. */
  private request(c: Call, rr: Replies): void {
    rr.hold(c);
    this.k.scheduleNode(rr.timeoutS, this.index, SUB_REPLY_TIMEOUT, c.id, c.gen);
    if (!this.ack.isZero) {
      const ackS = (this.ack.sample() * this.slow) / 1000;
      return this.k.scheduleNode(ackS, this.index, SUB_ACCEPT, c.id, c.gen);
    }
    this.accept(c);
    this.dispatch();
  }

  override onEvent(sub: number, a: number, b: number): void {
    if (sub === SUB_POLL) {
      this.polling = false;
      return this.dispatch();
    }
    const c = this.k.pool.alive(a, b);
    if (sub === SUB_REPLY) {
      // `c` is the message whose reply arrived.
      if (c !== null) this.replies!.arrived(c);
      if (c !== null) this.k.pool.free(c);
      return;
    }
    if (c === null) return;
    if (sub === SUB_ACK) return this.k.respond(c, 0);
    if (sub === SUB_REPLY_TIMEOUT) return this.replies!.timedOut(c);
    // SUB_ACCEPT: gone already if its producer timed out before the ack: nothing to enqueue.
    if (c.pending === 0) return;
    this.accept(c);
    this.dispatch();
  }

  override onAnswer(m: Call, child: Call, reason: number): void {
    const k = this.k;
    if (m.pending === DEAD_LETTERING) {
      k.pool.free(m);
    } else {
      this.inFlight[m.slot]!--;
      m.slot = -1;
      if (reason === 0) {
        if (m.counted) this.consumed++;
        if (m.parent >= 0 && this.replies !== null) {
          // The reply: its delivery time kept for the parts, sent over the reply queue.
          m.sendT = child.sendT;
          k.scheduleNode(this.replies.replyS, this.index, SUB_REPLY, m.id, m.gen);
        } else k.pool.free(m);
      } else if (m.aux < this.params.maxDeliveries) {
        if (m.counted) this.redelivered++;
        this.enqueue(m, m.next);
      } else this.deadLetter(m);
    }
    this.dispatch();
  }

  override setDown(replicasDown: number): void {
    super.setDown(replicasDown);
    if (!this.down) this.dispatch(); // messages are durable: delivery resumes
  }

  override describe(out: NodeResult | NodeWindow, window: boolean): void {
    let inFlight = 0;
    for (let i = 0; i < this.inFlight.length; i++) inFlight += this.inFlight[i]!;
    out.inFlight = inFlight;
    this.replies?.describe(out, window);
    if (window) {
      out.depth = this.depth;
      return;
    }
    const r = out as NodeResult;
    r.depth = r.meanQueueLength; // time-average messages waiting
    r.depthNow = this.depth;
    r.depthMax = this.maxDepth;
    r.messageAgeMs = summarize(this.age);
    r.enqueued = this.enqueued;
    r.consumed = this.consumed;
    r.redelivered = this.redelivered;
    r.deadLettered = this.deadLettered;
    r.dead = this.dead;
    r.meanMessageAgeMs = r4(this.age.mean);
    if (this.levels > 1) {
      r.meanAgeByPriorityMs = Array.from(this.ageSum, (sum, p) =>
        this.ageN[p]! > 0 ? r4(sum / this.ageN[p]!) : 0,
      );
    }
  }

  private newMessage(p: Call): Call {
    const m = this.k.pool.alloc();
    m.rootT = p.rootT;
    m.counted = p.counted;
    m.key = p.key;
    m.write = p.write;
    m.source = p.source;
    m.cls = p.cls;
    m.hops = p.hops;
    m.node = this.index;
    m.edge = -1;
    m.arriveT = this.k.now; // enqueue time
    return m;
  }

  /** A message's priority level (0 first). */
  private levelOf(m: Call): number {
    if (this.levels === 1) return 0;
    if (this.params.priorityFrom !== 'class') return m.key % this.levels;
    return Math.min(this.levels - 1, this.k.classes.priority[m.cls] ?? 0);
  }

  private enqueue(m: Call, sub: number): void {
    m.next = sub;
    const prio = this.levelOf(m);
    this.waiting[sub * this.levels + prio]!.push(m.id);
    this.subDepth[sub]!++;
    this.depth++;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    this.stats.addQueue(this.k.now, 1);
  }

  private pop(sub: number): Call {
    const base = sub * this.levels;
    let p = 0;
    while (this.waiting[base + p]!.length === 0) p++;
    this.subDepth[sub]!--;
    this.depth--;
    this.stats.addQueue(this.k.now, -1);
    return this.k.pool.calls[this.waiting[base + p]!.shift()]!;
  }

  /** Push waiting messages to consumers with a free worker. */
  private dispatch(): void {
    // A consumer may answer at once (inside send): finish this pass, then run another.
    if (this.dispatching) {
      this.again = true;
      return;
    }
    this.dispatching = true;
    do {
      this.again = false;
      this.dispatchPass();
    } while (this.again);
    this.dispatching = false;
  }

  private dispatchPass(): void {
    if (this.down || this.depth === 0 || this.credit === null || this.out.length === 0) return;
    const credit = this.credit;
    if (this.pubSub) {
      for (let s = 0; s < this.out.length; s++) {
        const limit = credit.limit(s);
        while (this.subDepth[s]! > 0 && this.inFlight[s]! < limit) this.deliver(this.pop(s), s);
      }
    } else {
      for (;;) {
        const i = this.pickFree(credit);
        if (i < 0) break;
        this.deliver(this.pop(0), i);
        if (this.depth === 0) break;
      }
    }
    if (this.depth > 0 && !this.polling) {
      let busy = 0;
      for (let i = 0; i < this.inFlight.length; i++) busy += this.inFlight[i]!;
      if (busy === 0) {
        // No answer will come to wake us: look again shortly (crashed or scaled-to-zero consumers).
        this.polling = true;
        this.k.scheduleNode(POLL_S, this.index, SUB_POLL, 0, 0);
      }
    }
  }

  /** A consumer edge with a free worker, by weight among those (-1: none). */
  private pickFree(credit: ConsumerCredit): number {
    let total = 0;
    const n = this.out.length;
    for (let i = 0; i < n; i++) {
      const w =
        this.inFlight[i]! < credit.limit(i)
          ? Math.max(1e-12, this.k.edges[this.out[i]!]!.weight)
          : 0;
      total += w;
      this.free[i] = total;
    }
    if (total === 0) return -1;
    if (n === 1) return 0;
    const u = this.k.rng.next() * total;
    for (let i = 0; i < n; i++) if (u < this.free[i]!) return i;
    return n - 1;
  }

  private deliver(m: Call, i: number): void {
    if (m.counted) {
      const ms = (this.k.now - m.arriveT) * 1000;
      this.age.record(ms);
      const p = this.levelOf(m);
      this.ageSum[p]! += ms;
      this.ageN[p]!++;
    }
    m.aux++;
    m.slot = i;
    this.inFlight[i]!++;
    this.k.send(m, this.out[i]!);
  }

  private deadLetter(m: Call): void {
    if (this.deadLetterEdge < 0) {
      if (m.counted) this.dead++;
      this.k.pool.free(m);
      return;
    }
    if (m.counted) this.deadLettered++;
    m.pending = DEAD_LETTERING;
    this.k.send(m, this.deadLetterEdge);
  }
}
