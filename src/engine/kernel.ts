/**
 * The discrete-event kernel: the clock, the event list, the call pool, and the life of a call
 * over an edge (send → arrive → respond → answer, with timeout, loss and partition). Node kinds
 * decide what happens at a node; the kernel only moves calls between them.
 *
 * Edges with zero latency deliver synchronously (no event), which keeps a chain of
 * instantaneous hops (client → balancer → service) to the events that matter. A client's or a
 * balancer's hop over such an edge, where no policy needs a call of its own, is a relay
 * (`forward`): the call goes on itself, as many hops as it is relayed, with the same counts in
 * the same order as child calls would give.
 */
import type { Uptime } from './availability/uptime.ts';
import type { Call } from './call.ts';
import { ClassTable } from './classes/classTable.ts';
import { CallPool, clearState } from './call.ts';
import type { EdgeRuntime } from './edge.ts';
import { EventQueue } from './eventQueue.ts';
import { GlobalStats } from './metrics/globalStats.ts';
import type { NodeStats } from './metrics/nodeStats.ts';
import type { NodeBehaviour } from './nodes/types.ts';
import { HELD, noPolicy, type CallPolicy } from './policies/index.ts';
import { LOST, TIMEOUT, UNAVAILABLE } from './reasons.ts';
import { RelayFrames } from './relayFrames.ts';
import type { Rng } from './rng.ts';
import type { Tracer } from './tracing/tracer.ts';

export const EV_ARRIVE = 1; // a call reaches its callee (a = call, b = gen)
export const EV_RESPONSE = 2; // an answer reaches the caller (a = call, b = gen)
export const EV_TIMEOUT = 3; // the caller's timer, or a lost call's verdict (a = call, b = gen)
export const EV_NODE = 4; // a node's own event (c = node * 16 + sub)
export const EV_FAULT = 5; // a = fault index, b = 1 start / 0 end
export const EV_WINDOW = 6;
export const EV_WARMUP = 7;
export const EV_POLICY = 8;
export const EV_ACTION = 9; // a = action index (src/engine/actions.ts)

/** Calls that never reached the callee: which verdict the caller's timer gives. */
const LOST_BY_LOSS = 1;
const LOST_BY_PARTITION = 2;
/** A request passing more hops than this is in a zero-latency cycle: fail it. */
const MAX_HOPS = 64;

type StopReason = 'time' | 'events' | 'budget' | 'inFlight';

export interface KernelHooks {
  /** code: 1 start, 0 end, from 2 up a fault's own timed event (a failure process's tick). */
  onFault(index: number, code: number): void;
  onWindow(t: number): void;
  onWarmup(t: number): void;
  onAction(index: number): void;
}

export class Kernel {
  now = 0;
  events = 0;
  readonly queue = new EventQueue(4096);
  readonly pool = new CallPool();
  /** The hops relayed calls were on before (see `forward`). */
  readonly frames = new RelayFrames();
  readonly global: GlobalStats;
  nodes: NodeBehaviour[] = [];
  /**
   * Each node's figures, by index: read here rather than through `nodes[i].stats`, a load from
   * objects of as many classes as the design has kinds (megamorphic beyond four).
   */
  stats: NodeStats[] = [];
  /** The caller policies; `noPolicy` (no edge has one) is never called on the hot path. */
  policy: CallPolicy = noPolicy;
  hooks: KernelHooks | null = null;
  /** Request traces (src/engine/tracing); null: off, and calls' `span` are only compared with null. */
  tracer: Tracer | null = null;
  /** Draw keys / source addresses for requests only when some node reads them. */
  needKeys = false;
  needSources = false;
  /** The availability of nodes a `failures` fault hits, by node index (src/engine/availability). */
  readonly uptimes: (Uptime | undefined)[] = [];
  /** The document's request classes (empty without any). */
  classes = new ClassTable();

  constructor(
    readonly rng: Rng,
    readonly edges: EdgeRuntime[],
    readonly warmupS: number,
    readonly eventBudget: number,
    readonly maxInFlight: number,
    /** Someone drains the windows: keep per-window figures (see SimulationOptions.windows). */
    readonly liveWindows: boolean,
  ) {
    this.global = new GlobalStats(this, liveWindows);
  }

  scheduleNode(delayS: number, node: number, sub: number, a: number, b: number): void {
    const q = this.queue;
    q.at = this.now + delayS;
    q.pushAt(EV_NODE, a, b, node * 16 + sub);
  }

  /** `scheduleNode` for an open client's next arrival: see EventQueue's arrivals' heap. */
  scheduleArrival(delayS: number, node: number, sub: number, a: number, b: number): void {
    const q = this.queue;
    q.at = this.now + delayS;
    q.pushArrivalAt(EV_NODE, a, b, node * 16 + sub);
  }

  schedulePolicy(delayS: number, a: number, b: number, c: number): void {
    const q = this.queue;
    q.at = this.now + delayS;
    q.pushAt(EV_POLICY, a, b, c);
  }

  /** A call's event `delayS` from now (see EventQueue: the time goes through a field). */
  private scheduleCall(delayS: number, kind: number, c: Call): void {
    const q = this.queue;
    q.at = this.now + delayS;
    q.pushAt(kind, c.id, c.gen, 0);
  }

  /** A new root request at a client node. */
  newRoot(node: number): Call {
    // Every field is set here (identity below, state by clearState): no reset on alloc.
    const c = this.pool.allocUnset();
    c.rootT = this.now;
    c.counted = this.now >= this.warmupS;
    c.key = 0;
    c.write = false;
    c.source = 0;
    c.cls = 0;
    c.hops = 0;
    c.parent = -1;
    c.parentGen = 0;
    c.edge = -1;
    c.node = node;
    c.replica = -1;
    c.backend = -1;
    c.attempt = 0;
    c.sendT = 0;
    clearState(c);
    c.arriveT = this.now;
    this.stats[node]!.arrival(c.counted);
    if (this.tracer !== null) this.tracer.root(c);
    return c;
  }

  /** A root request is over: count it end to end and recycle it. */
  finishRoot(root: Call, reason: number): void {
    this.stats[root.node]!.rootDeparture(root, reason);
    this.global.requestDone(root, reason);
    if (root.span !== null) this.tracer!.finish(root, reason);
    this.pool.free(root);
  }

  /** Call over edge `edgeIdx` on behalf of `parent` (optionally pinned to a replica). */
  send(parent: Call, edgeIdx: number, replica = -1, backend = -1, attempt = 0): void {
    const e = this.edges[edgeIdx]!;
    // Every field is set here (identity below, state by clearState): no reset on alloc.
    const c = this.pool.allocUnset();
    c.rootT = parent.rootT;
    c.counted = parent.counted;
    c.key = parent.key;
    c.write = parent.write;
    c.source = parent.source;
    c.cls = parent.cls;
    c.hops = parent.hops + 1;
    c.parent = parent.id;
    c.parentGen = parent.gen;
    c.edge = edgeIdx;
    c.node = e.target;
    c.replica = replica;
    c.backend = backend;
    c.attempt = attempt;
    c.sendT = this.now;
    clearState(c);
    if (parent.span !== null) c.span = this.tracer!.open(c, parent.span);
    e.wCalls++;
    e.calls++;
    if (this.policy !== noPolicy) {
      const refused = this.policy.beforeCall(this, e, c);
      if (refused === HELD) {
        // Not sent after all: the policy sends it again, counted then.
        e.wCalls--;
        e.calls--;
        this.pool.free(c);
        return;
      }
      if (refused !== 0) return this.failNow(c, refused);
    }
    if (c.hops > MAX_HOPS) return this.failNow(c, UNAVAILABLE);
    if (e.partitioned) {
      if (e.timeoutS === 0) return this.failNow(c, UNAVAILABLE);
      c.lost = LOST_BY_PARTITION;
      this.scheduleCall(e.timeoutS, EV_TIMEOUT, c);
      return;
    }
    if (e.loss > 0 && this.rng.next() < e.loss) {
      // Dropped on the way: the caller hears of it when its timer fires, or, without a timer,
      // after a round trip's worth of time (as a connection reset would tell it).
      c.lost = LOST_BY_LOSS;
      const wait = e.timeoutS > 0 ? e.timeoutS : e.oneWayS() + e.oneWayS();
      this.scheduleCall(wait, EV_TIMEOUT, c);
      return;
    }
    if (e.timeoutS > 0) this.scheduleCall(e.timeoutS, EV_TIMEOUT, c);
    const lat = e.oneWayS();
    if (lat === 0) this.arrive(c);
    else this.scheduleCall(lat, EV_ARRIVE, c);
    // `c` may be answered and recycled by now: do not touch it here.
  }

  /**
   * `send` for a node that keeps nothing in its call while the hop is out (a client's root
   * request, a balancer's call), over edge `edgeIdx`, pinned to `replica`, as its backend
   * `backend`. A relay when nothing needs a call of its own for the hop: no policy, and an
   * instantaneous edge without timeout, loss or partition. `c` then goes on itself, its hop so
   * far saved in a frame (RelayFrames) until the answer comes back (`unrelay`, then the sender's
   * `onRelayAnswer`), with the edge's and the target's counts as `send` would keep them: no call
   * allocated, reset, answered and freed for a hop that only passes through. A relayed call may
   * be relayed again (a client's request through a balancer). Otherwise, a child call (`send`).
   */
  forward(c: Call, edgeIdx: number, replica: number, backend: number): void {
    const e = this.edges[edgeIdx]!;
    if (
      this.policy !== noPolicy ||
      c.hops >= MAX_HOPS ||
      e.timeoutS > 0 ||
      e.partitioned ||
      e.loss > 0 ||
      e.addMs !== 0 ||
      !e.latency.isZero ||
      e.region !== null
    ) {
      return this.send(c, edgeIdx, replica, backend);
    }
    const senderSpan = c.span;
    this.frames.push(c);
    c.node = e.target;
    c.edge = edgeIdx;
    c.replica = replica;
    c.backend = backend;
    c.attempt = 0;
    c.hops++;
    c.sendT = this.now;
    c.span = senderSpan !== null ? this.tracer!.open(c, senderSpan) : null;
    e.wCalls++;
    e.calls++;
    this.arrive(c);
  }

  /** The callee is done with `c` (reason 0 = ok): count it and send the answer back. */
  respond(c: Call, reason: number): void {
    this.stats[c.node]!.departure(c, reason);
    if (c.span !== null) c.span.responded(this.now, c.replica);
    c.result = reason;
    const lat = this.edges[c.edge]!.oneWayS();
    if (lat === 0) this.responseArrived(c);
    else this.scheduleCall(lat, EV_RESPONSE, c);
  }

  /** Hand an answer to the parent's node, unless the parent is gone (recycled or killed). */
  deliverToParent(child: Call, reason: number): void {
    const parent = this.pool.calls[child.parent];
    if (parent === undefined || parent.gen !== child.parentGen || parent.killed) return;
    if (child.span !== null) child.span.delivered(reason);
    this.nodes[parent.node]!.onAnswer(parent, child, reason);
  }

  /** Process events before `limitT` (at most `maxEvents`); the clock ends at limitT if reached. */
  run(limitT: number, maxEvents: number): StopReason {
    const q = this.queue;
    const pool = this.pool;
    // The run's event count at which this call stops: `maxEvents` more, or the budget.
    const start = this.events;
    const stopAt = Math.min(start + maxEvents, this.eventBudget);
    q.limit = limitT;
    for (;;) {
      const events = this.events;
      // The checks come before the pop (which takes the event), as a stop leaves it queued; the
      // budget's is only told when an event was due.
      if (events >= stopAt || ((events & 1023) === 0 && pool.live > this.maxInFlight)) {
        if (!q.due()) break;
        if (events >= stopAt) return events - start >= maxEvents ? 'events' : 'budget';
        return 'inFlight';
      }
      if (!q.popDue()) break;
      this.now = q.t;
      this.events = events + 1;
      this.dispatch(q.kind, q.a, q.b, q.c);
    }
    if (limitT > this.now) this.now = limitT;
    return 'time';
  }

  private dispatch(kind: number, a: number, b: number, c: number): void {
    // A node's own events first: a balanced request's two (its arrival, its work done).
    if (kind === EV_NODE) {
      this.nodes[c >> 4]!.onEvent(c & 15, a, b);
      return;
    }
    switch (kind) {
      case EV_ARRIVE: {
        const call = this.pool.alive(a, b);
        if (call !== null) this.arrive(call);
        return;
      }
      case EV_RESPONSE: {
        const call = this.pool.calls[a]!;
        if (call.gen === b) this.responseArrived(call);
        return;
      }
      case EV_TIMEOUT: {
        const call = this.pool.calls[a]!;
        if (call.gen === b && !call.answered) this.timerFired(call);
        return;
      }
      case EV_FAULT:
        this.hooks?.onFault(a, b);
        return;
      case EV_WINDOW:
        this.hooks?.onWindow(this.now);
        return;
      case EV_WARMUP:
        this.hooks?.onWarmup(this.now);
        return;
      case EV_POLICY:
        this.policy.onEvent(this, a, b, c);
        return;
      case EV_ACTION:
        this.hooks?.onAction(a);
        return;
      default:
        throw new Error(`kernel: no handler for event kind ${kind}`);
    }
  }

  private arrive(c: Call): void {
    c.arriveT = this.now;
    if (c.span !== null) c.span.arrived(this.now);
    this.stats[c.node]!.arrival(c.counted);
    this.nodes[c.node]!.arrive(c);
  }

  private responseArrived(c: Call): void {
    if (c.frame !== null) return this.unrelay(c);
    if (!c.answered) {
      c.answered = true;
      this.deliver(c, c.result);
    }
    this.pool.free(c);
  }

  private timerFired(c: Call): void {
    c.answered = true;
    if (c.frame !== null) {
      // The caller gave up on the hop `c` was called over while relayed hops go on: answer it
      // as that hop's call, then let them carry on.
      this.frames.swapFirst(c);
      this.deliver(c, TIMEOUT);
      this.frames.swapFirst(c);
      return;
    }
    const lost = c.lost;
    this.deliver(c, lost === LOST_BY_LOSS ? LOST : TIMEOUT);
    // A lost call has no callee holding it; otherwise it is recycled when its answer returns.
    if (lost !== 0) this.pool.free(c);
  }

  /**
   * A relayed hop's answer is back at its sender: `c` is on the sender's hop again (the relayed
   * hop's backend and send time are in `frames.poppedBackend` and `poppedSendT`). The hop's
   * failure is counted on its edge, and the sender hears of it, as `deliver` does for a child
   * call. `killed` stays as the hop left it: a crashed replica's pending events for `c` stay void.
   */
  private unrelay(c: Call): void {
    const reason = c.result;
    if (c.span !== null) c.span.relayAnswered(this.now, reason);
    const edge = c.edge;
    this.frames.pop(c);
    if (reason !== 0) {
      const e = this.edges[edge]!;
      e.wFailed++;
      e.failed++;
    }
    this.nodes[c.node]!.onRelayAnswer!(c, reason);
  }

  private failNow(c: Call, reason: number): void {
    c.answered = true;
    this.deliver(c, reason);
    this.pool.free(c);
  }

  private deliver(child: Call, reason: number): void {
    const e = this.edges[child.edge]!;
    if (child.span !== null) child.span.answered(this.now, reason);
    if (reason !== 0) {
      e.wFailed++;
      e.failed++;
    }
    if (this.policy !== noPolicy && this.policy.afterCall(this, e, child, reason)) return;
    this.deliverToParent(child, reason);
  }
}
