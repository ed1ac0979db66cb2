/**
 * Circuit breakers, one per edge with `circuitBreaker`, in typed arrays.
 *
 * closed: every call goes through; outcomes fill a rolling window of `windowMs` (10 buckets).
 *   When the window holds at least `minRequests` outcomes and failures/outcomes ≥ `failureRatio`,
 *   the breaker opens.
 * open: calls are refused at once ('circuitOpen') for `openMs`.
 * halfOpen: after `openMs` the next `halfOpenRequests` calls go through as probes, the rest are
 *   refused. Any probe failing opens it again for `openMs`; all probes succeeding closes it with
 *   an empty window. Answers of calls sent before the breaker opened are ignored while it is
 *   open or half-open (only probes decide).
 */
import type { CircuitBreakerPolicy } from '../../model/types.ts';
import { RollingPairs } from './rolling.ts';

export const CLOSED = 0;
export const OPEN = 1;
export const HALF_OPEN = 2;
const BUCKETS = 10;

export const ADMIT = 1;
export const ADMIT_PROBE = 2;
export const REFUSE = -1;

export type BreakerStateName = 'closed' | 'open' | 'halfOpen';

export class Breakers {
  readonly has: Uint8Array;
  readonly state: Uint8Array;
  private readonly openUntil: Float64Array;
  private readonly probesLeft: Int32Array;
  private readonly probesOk: Int32Array;
  private readonly ratio: Float64Array;
  private readonly minReq: Float64Array;
  private readonly openS: Float64Array;
  private readonly probes: Int32Array;
  /** A = outcomes, B = failures, per edge. */
  private readonly window: RollingPairs;

  constructor(policies: ReadonlyArray<CircuitBreakerPolicy | undefined>) {
    const n = policies.length;
    const get = (f: (p: CircuitBreakerPolicy) => number): Float64Array =>
      Float64Array.from(policies, (p) => (p === undefined ? 0 : f(p)));
    this.has = Uint8Array.from(policies, (p) => (p === undefined ? 0 : 1));
    this.state = new Uint8Array(n);
    this.openUntil = new Float64Array(n);
    this.probesLeft = new Int32Array(n);
    this.probesOk = new Int32Array(n);
    this.ratio = get((p) => p.failureRatio);
    this.minReq = get((p) => Math.max(1, p.minRequests));
    this.openS = get((p) => p.openMs / 1000);
    this.probes = Int32Array.from(policies, (p) => Math.max(1, p?.halfOpenRequests ?? 1));
    this.window = new RollingPairs(
      n,
      BUCKETS,
      get((p) => p.windowMs / 1000 / BUCKETS),
    );
  }

  /**
   * A live change of edge i's breaker (absent: none). Its state is kept when it had one and
   * still has; a new breaker starts closed with an empty window.
   */
  set(i: number, p: CircuitBreakerPolicy | undefined): void {
    const had = this.has[i] === 1;
    this.has[i] = p === undefined ? 0 : 1;
    this.ratio[i] = p?.failureRatio ?? 0;
    this.minReq[i] = Math.max(1, p?.minRequests ?? 1);
    this.openS[i] = (p?.openMs ?? 0) / 1000;
    this.probes[i] = Math.max(1, p?.halfOpenRequests ?? 1);
    if (!had || p === undefined) this.state[i] = CLOSED;
    const width = p === undefined ? 0 : p.windowMs / 1000 / BUCKETS;
    if (!had || width !== this.window.widthOf(i)) this.window.setWidth(i, width);
  }

  /** Operator action: open edge i's breaker now (for its open time), or close it, emptied. */
  force(i: number, t: number, open: boolean): boolean {
    if (this.has[i] !== 1) return false;
    if (open) return this.open(i, t);
    this.state[i] = CLOSED;
    this.window.reset(i);
    return false;
  }

  /** ADMIT, ADMIT_PROBE or REFUSE for a call over edge i at time t. */
  admit(i: number, t: number): number {
    const s = this.state[i]!;
    if (s === CLOSED) return ADMIT;
    if (s === OPEN) {
      if (t < this.openUntil[i]!) return REFUSE;
      this.state[i] = HALF_OPEN;
      this.probesLeft[i] = this.probes[i]!;
      this.probesOk[i] = 0;
    }
    if (this.probesLeft[i]! > 0) {
      this.probesLeft[i]!--;
      return ADMIT_PROBE;
    }
    return REFUSE;
  }

  /** The outcome of an admitted call; true when it opened the breaker. */
  record(i: number, t: number, failed: boolean, probe: boolean): boolean {
    const s = this.state[i]!;
    if (probe) {
      if (s !== HALF_OPEN) return false;
      if (failed) return this.open(i, t);
      if (++this.probesOk[i]! >= this.probes[i]!) {
        this.state[i] = CLOSED;
        this.window.reset(i);
      }
      return false;
    }
    if (s !== CLOSED) return false;
    const w = this.window;
    w.add(i, t, 1, failed ? 1 : 0);
    if (w.sumA[i]! >= this.minReq[i]! && w.sumB[i]! >= this.ratio[i]! * w.sumA[i]!) {
      return this.open(i, t);
    }
    return false;
  }

  stateName(i: number, t: number): BreakerStateName {
    const s = this.state[i]!;
    if (s === CLOSED) return 'closed';
    // An open breaker whose time is up lets the next call through as a probe: show it so.
    if (s === OPEN && t < this.openUntil[i]!) return 'open';
    return 'halfOpen';
  }

  private open(i: number, t: number): boolean {
    this.state[i] = OPEN;
    this.openUntil[i] = t + this.openS[i]!;
    return true;
  }
}
