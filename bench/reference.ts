/**
 * The reference for `npm run bench`: a minimal hand-written loop of the bench's balanced-services
 * model, the yardstick the engine's CPU time is quoted against.
 *
 * The model: one poisson client at `rps`; its requests go round robin to `services` identical
 * services (one means a single service, no balancer), each with `workers` workers, a FIFO queue
 * without bound and exponential service times of mean `meanMs`; every hop is instantaneous. It
 * is honest, not a strawman: the same random streams and draws as the engine (the client's own
 * stream for arrivals, the run's stream for service times; the engine's poisson client also
 * draws a thinning uniform per arrival, which a flat profile always accepts, so the loop draws
 * it too), the same float arithmetic for event times, events in time order, and each request's
 * end-to-end latency recorded once in a histogram of the engine's resolution. It therefore gives
 * the engine's request count and latency figures exactly, which is the check that both simulate
 * one model. What it leaves out is what a general engine pays for: per-node and per-window
 * figures, a general event list, pooled calls, policies, faults.
 */
import { Histogram, RESULT_SUB_BITS } from '../src/engine/metrics/histogram.ts';
import { Rng, streamSeed } from '../src/engine/rng.ts';

export interface ReferenceModel {
  seed: number;
  durationS: number;
  rps: number;
  services: number;
  workers: number;
  meanMs: number;
}

export interface ReferenceResult {
  requests: number;
  events: number;
  latencyMs: Histogram;
}

export function runReference(m: ReferenceModel): ReferenceResult {
  // The client is node 0: its arrival stream is stream 0 of the seed (src/engine/rng.ts).
  const arrivals = new Rng(streamSeed(m.seed, 0));
  const work = new Rng(m.seed);
  const latencyMs = new Histogram(RESULT_SUB_BITS);
  const inService = new CompletionHeap(m.services * m.workers);
  const busy = new Int32Array(m.services);
  const waiting = Array.from({ length: m.services }, () => new FifoF64());
  const serviceS = (): number => (-m.meanMs * Math.log(1 - work.next())) / 1000;
  const interArrivalS = (now: number): number => now - Math.log(1 - arrivals.next()) / m.rps;

  let events = 0;
  let requests = 0;
  let next = 0;
  let nextArrival = interArrivalS(0);
  for (;;) {
    const arrivalFirst = nextArrival <= inService.peekTime();
    const t = arrivalFirst ? nextArrival : inService.peekTime();
    if (!(t < m.durationS)) break;
    const now = t;
    events++;
    if (arrivalFirst) {
      arrivals.next(); // the thinning draw (see above)
      const s = next;
      next = s + 1 === m.services ? 0 : s + 1;
      if (busy[s]! < m.workers) {
        busy[s]!++;
        inService.push(now + serviceS(), s, now);
      } else waiting[s]!.push(now);
      // As the engine schedules it: a delay from now, added back to now.
      nextArrival = now + (interArrivalS(now) - now);
    } else {
      const s = inService.svc;
      const rootT = inService.rootT;
      inService.pop();
      if (waiting[s]!.length > 0) inService.push(now + serviceS(), s, waiting[s]!.shift());
      else busy[s]!--;
      latencyMs.record((now - rootT) * 1000);
      requests++;
    }
  }
  return { requests, events, latencyMs };
}

/** Requests in service, earliest completion first: a binary heap over typed arrays. */
class CompletionHeap {
  private readonly t: Float64Array;
  private readonly s: Int32Array;
  private readonly r: Float64Array;
  private n = 0;
  /** The earliest entry's service and root time (valid while n > 0). */
  get svc(): number {
    return this.s[0]!;
  }
  get rootT(): number {
    return this.r[0]!;
  }

  constructor(capacity: number) {
    this.t = new Float64Array(capacity);
    this.s = new Int32Array(capacity);
    this.r = new Float64Array(capacity);
  }

  peekTime(): number {
    return this.n > 0 ? this.t[0]! : Infinity;
  }

  push(time: number, svc: number, rootT: number): void {
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.t[p]! <= time) break;
      this.move(p, i);
      i = p;
    }
    this.t[i] = time;
    this.s[i] = svc;
    this.r[i] = rootT;
  }

  pop(): void {
    const n = --this.n;
    if (n === 0) return;
    const time = this.t[n]!;
    const svc = this.s[n]!;
    const rootT = this.r[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.t[c + 1]! < this.t[c]!) c++;
      if (time <= this.t[c]!) break;
      this.move(c, i);
      i = c;
    }
    this.t[i] = time;
    this.s[i] = svc;
    this.r[i] = rootT;
  }

  private move(from: number, to: number): void {
    this.t[to] = this.t[from]!;
    this.s[to] = this.s[from]!;
    this.r[to] = this.r[from]!;
  }
}

/** A growable ring of root times: one service's waiting requests. */
class FifoF64 {
  private buf = new Float64Array(64);
  private head = 0;
  length = 0;

  push(x: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      for (let i = 0; i < this.length; i++) next[i] = this.buf[(this.head + i) % this.buf.length]!;
      this.buf = next;
      this.head = 0;
    }
    this.buf[(this.head + this.length++) % this.buf.length] = x;
  }

  shift(): number {
    const x = this.buf[this.head]!;
    this.head = (this.head + 1) % this.buf.length;
    this.length--;
    return x;
  }
}
