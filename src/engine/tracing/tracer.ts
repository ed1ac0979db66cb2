/**
 * The tracer: the kernel and the node kinds call it at each step of a traced call (a call whose
 * `span` names a row of the hop store); untraced calls have span -1 and cost one comparison per
 * hook. Which requests are traced:
 *
 * - head sampling: request n is traced when a hash of (seed, n) falls below `sampleRate`: no
 *   draw from the simulation's random streams, so tracing never changes what the run does;
 * - tail capture: with `slowestPerWindow` or `failed`, every request is recorded while in
 *   flight, and kept at its end only if it failed, or was among the slowest of the window it
 *   ended in (held until that window is over).
 *
 * Memory is bounded: the live hops by the store's capacity (a request that finds no room is not
 * traced, counted as dropped), the kept traces by `maxTraces` between two drains. A kept trace
 * becomes plain objects (`Trace`) once, when kept; nothing is allocated per event.
 */
import type { Call } from '../call.ts';
import { HopStore } from './hopStore.ts';
import {
  HOP_DELIVERED,
  HOP_FALLBACK,
  type Trace,
  type TraceHop,
  type TraceReason,
  type TracingCounts,
  type TracingSettings,
} from './types.ts';

/** Live hop rows: enough for thousands of requests in flight at a few hops each. */
const LIVE_HOPS = 1 << 15;
/** A request starts being traced only with this many rows free, so its hops find room. */
const ROOM_PER_REQUEST = 64;

/** A uniform number in [0, 1) from (seed, n): murmur3's finalizer over the mixed pair. */
export function sampleUnit(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

interface Clock {
  readonly now: number;
}

export class Tracer {
  readonly store: HopStore;
  private readonly tail: boolean;
  private seq = 0;
  /** Per root row: the request's number, head-sampled, counted, a hop found no room. */
  private readonly seqOf: Float64Array;
  private readonly head: Uint8Array;
  private readonly counted: Uint8Array;
  private readonly incomplete: Uint8Array;
  private out: Trace[] = [];
  /** The slowest requests of the window `slowWindow` so far (at most `slowestPerWindow`). */
  private slow: Trace[] = [];
  private slowWindow = -1;
  /** Row → hop index while a trace is built. */
  private readonly hopIndex: Int32Array;
  readonly counts: TracingCounts = { requests: 0, kept: 0, dropped: 0 };

  constructor(
    private readonly clock: Clock,
    readonly settings: TracingSettings,
    private readonly seed: number,
    private readonly windowS: number,
    capacity = LIVE_HOPS,
  ) {
    this.store = new HopStore(capacity);
    this.tail = settings.slowestPerWindow > 0 || settings.failed;
    this.seqOf = new Float64Array(capacity);
    this.head = new Uint8Array(capacity);
    this.counted = new Uint8Array(capacity);
    this.incomplete = new Uint8Array(capacity);
    this.hopIndex = new Int32Array(capacity);
  }

  /** A client created root request `c`. */
  root(c: Call): void {
    const n = this.seq++;
    this.counts.requests++;
    const head = sampleUnit(this.seed, n) < this.settings.sampleRate;
    if (!head && !this.tail) return;
    const s = this.store;
    if (s.free < ROOM_PER_REQUEST) {
      if (head) this.counts.dropped++;
      return;
    }
    const r = s.open(c.id, c.gen, this.clock.now);
    s.parent[r] = -1;
    s.node[r] = c.node;
    s.edge[r] = -1;
    s.attempt[r] = 0;
    s.backend[r] = -1;
    s.root[r] = r;
    s.last[r] = r;
    s.arriveS[r] = this.clock.now;
    this.seqOf[r] = n;
    this.head[r] = head ? 1 : 0;
    this.counted[r] = c.counted ? 1 : 0;
    this.incomplete[r] = 0;
    c.span = r;
  }

  /** `c` is about to go over its edge on behalf of the hop in row `parentSpan`: its row. */
  open(c: Call, parentSpan: number, parentId: number, parentGen: number): number {
    const s = this.store;
    if (!s.owns(parentSpan, parentId, parentGen)) return -1;
    const root = s.root[parentSpan]!;
    const r = s.open(c.id, c.gen, this.clock.now);
    if (r < 0) {
      this.incomplete[root] = 1;
      return -1;
    }
    s.parent[r] = parentSpan;
    s.node[r] = c.node;
    s.edge[r] = c.edge;
    s.attempt[r] = c.attempt;
    s.backend[r] = c.backend;
    s.replica[r] = c.replica;
    s.link(root, r);
    return r;
  }

  /** The callee got `c`. */
  arrive(c: Call): void {
    if (this.store.owns(c.span, c.id, c.gen)) this.store.arriveS[c.span] = this.clock.now;
  }

  /** `c` took a worker (a service's, a database's connection): its wait is over. */
  startWork(c: Call): void {
    if (this.store.owns(c.span, c.id, c.gen)) this.store.workS[c.span] = this.clock.now;
  }

  /** `c`'s local work is done (its downstream calls, if any, come next). */
  worked(c: Call): void {
    if (this.store.owns(c.span, c.id, c.gen)) this.store.workedS[c.span] = this.clock.now;
  }

  /** A note on `c`'s hop (HOP_CACHE_HIT, HOP_CACHE_MISS). */
  note(c: Call, flag: number): void {
    if (this.store.owns(c.span, c.id, c.gen)) this.store.flags[c.span]! |= flag;
  }

  /** The callee answered `c` (the replica it chose is in `c.replica`). */
  respond(c: Call): void {
    const s = this.store;
    if (!s.owns(c.span, c.id, c.gen)) return;
    s.respondS[c.span] = this.clock.now;
    s.replica[c.span] = c.replica;
  }

  /** The caller heard `reason` for `c` (its answer, its timer, or a refusal before sending). */
  answer(c: Call, reason: number): void {
    const s = this.store;
    if (!s.owns(c.span, c.id, c.gen)) return;
    s.answerS[c.span] = this.clock.now;
    s.status[c.span] = reason;
  }

  /** The answer was handed to the caller's node as `reason` (not held back for a retry). */
  delivered(c: Call, reason: number): void {
    const s = this.store;
    if (!s.owns(c.span, c.id, c.gen)) return;
    s.flags[c.span]! |=
      reason === 0 && s.status[c.span] !== 0 ? HOP_DELIVERED | HOP_FALLBACK : HOP_DELIVERED;
  }

  /** Root request `c` is over with `reason`: keep its trace or not, and free its rows. */
  finish(c: Call, reason: number): void {
    const s = this.store;
    const r = c.span;
    c.span = -1;
    if (!s.owns(r, c.id, c.gen)) return;
    const now = this.clock.now;
    s.answerS[r] = now;
    s.respondS[r] = now;
    s.status[r] = reason;
    s.flags[r]! |= HOP_DELIVERED;
    if (this.incomplete[r] === 1) {
      if (this.head[r] === 1 || reason !== 0) this.counts.dropped++;
    } else if (this.head[r] === 1) this.keep(this.build(r, 'head'));
    else if (reason !== 0 && this.settings.failed) this.keep(this.build(r, 'failed'));
    else if (this.settings.slowestPerWindow > 0) this.offerSlow(r, now);
    s.release(r);
  }

  /** The traces kept since the last call (with `end`, also the last window's slowest). */
  drain(end = false): Trace[] {
    if (end) this.flushSlow();
    const out = this.out;
    this.out = [];
    return out;
  }

  /** A candidate for the slowest of its window: kept when the window is over. */
  private offerSlow(r: number, now: number): void {
    const w = Math.floor(now / this.windowS);
    if (w !== this.slowWindow) {
      this.flushSlow();
      this.slowWindow = w;
    }
    const s = this.store;
    const ms = s.answerS[r]! - s.sendS[r]!;
    const slow = this.slow;
    const k = this.settings.slowestPerWindow;
    if (slow.length < k) {
      slow.push(this.build(r, 'slow'));
      return;
    }
    let min = 0;
    for (let i = 1; i < slow.length; i++) if (duration(slow[i]!) < duration(slow[min]!)) min = i;
    if (ms > duration(slow[min]!)) slow[min] = this.build(r, 'slow');
  }

  private flushSlow(): void {
    const slow = this.slow.sort((a, b) => a.id - b.id);
    for (const t of slow) this.keep(t);
    this.slow = [];
  }

  private keep(t: Trace): void {
    if (this.out.length >= this.settings.maxTraces) {
      this.counts.dropped++;
      return;
    }
    this.counts.kept++;
    this.out.push(t);
  }

  /** The plain-object trace of the rows rooted at r. */
  private build(r: number, why: TraceReason): Trace {
    const s = this.store;
    const hops: TraceHop[] = [];
    for (let i = r; i >= 0; i = s.next[i]!) {
      this.hopIndex[i] = hops.length;
      const p = s.parent[i]!;
      hops.push({
        parent: p < 0 ? -1 : this.hopIndex[p]!,
        node: s.node[i]!,
        edge: s.edge[i]!,
        attempt: s.attempt[i]!,
        backend: s.backend[i]!,
        replica: s.replica[i]!,
        sendS: s.sendS[i]!,
        arriveS: s.arriveS[i]!,
        workS: s.workS[i]!,
        workedS: s.workedS[i]!,
        respondS: s.respondS[i]!,
        answerS: s.answerS[i]!,
        status: s.status[i]!,
        flags: s.flags[i]!,
      });
    }
    return {
      id: this.seqOf[r]!,
      why,
      counted: this.counted[r] === 1,
      startS: s.sendS[r]!,
      endS: s.answerS[r]!,
      status: s.status[r]!,
      hops,
    };
  }
}

const duration = (t: Trace): number => t.endS - t.startS;
