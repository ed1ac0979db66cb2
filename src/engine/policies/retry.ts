/**
 * Retry settings per edge and the backoff before retry number n (n = 1 for the first retry):
 * backoffMs × multiplier^(n-1), and with `jitter` "full jitter" (uniform in 0..that), which
 * spreads a burst of synchronized failures' retries over the whole interval.
 *
 * Not retried: 'circuitOpen', 'bulkheadFull' and 'bulkheadTimeout' (our own policy said no: retrying would
 * defeat it) and
 * 'rateLimited' (the callee asked us to slow down). Every other failure is retried: timeout,
 * lost, unavailable, rejected, shed; but on a call marked not idempotent (`nonIdempotent`)
 * a timeout or a loss is not, since the callee may have done the work and must not do it twice. A retry goes to the same replica when the caller pinned
 * one (a balancer's call); retry through the balancer (on the edge into it) to pick again.
 */
import type { RetryPolicy } from '../../model/types.ts';
import {
  BULKHEAD_FULL,
  BULKHEAD_TIMEOUT,
  CIRCUIT_OPEN,
  LOST,
  RATE_LIMITED,
  TIMEOUT,
} from '../reasons.ts';
import type { Rng } from '../rng.ts';

export class RetrySettings {
  readonly max: Int32Array;
  private readonly backoffS: Float64Array;
  private readonly multiplier: Float64Array;
  private readonly jitter: Uint8Array;
  /** 1 where a call over the edge may be repeated safely (the default). */
  private readonly idempotent: Uint8Array;

  constructor(policies: ReadonlyArray<RetryPolicy | undefined>) {
    this.idempotent = Uint8Array.from(policies, (p) => (p?.nonIdempotent === true ? 0 : 1));
    this.max = Int32Array.from(policies, (p) => p?.max ?? 0);
    this.backoffS = Float64Array.from(policies, (p) => (p?.backoffMs ?? 0) / 1000);
    this.multiplier = Float64Array.from(policies, (p) => p?.multiplier ?? 1);
    this.jitter = Uint8Array.from(policies, (p) => (p?.jitter === true ? 1 : 0));
  }

  /** A live change of edge i's policy (absent: no retries). */
  set(i: number, p: RetryPolicy | undefined): void {
    this.max[i] = p?.max ?? 0;
    this.backoffS[i] = (p?.backoffMs ?? 0) / 1000;
    this.multiplier[i] = p?.multiplier ?? 1;
    this.jitter[i] = p?.jitter === true ? 1 : 0;
    this.idempotent[i] = p?.nonIdempotent === true ? 0 : 1;
  }

  /** May a call over edge i that failed with `reason` be tried again? */
  retryable(i: number, reason: number): boolean {
    if (!isRetryable(reason)) return false;
    return this.idempotent[i] === 1 || (reason !== TIMEOUT && reason !== LOST);
  }

  /** Seconds to wait before retry number n (1-based) over edge i. */
  delayS(i: number, n: number, rng: Rng): number {
    const base = this.backoffS[i]!;
    if (base === 0) return 0;
    const d = base * Math.pow(this.multiplier[i]!, n - 1);
    return this.jitter[i] === 1 ? rng.next() * d : d;
  }
}

function isRetryable(reason: number): boolean {
  return (
    reason !== 0 &&
    reason !== CIRCUIT_OPEN &&
    reason !== RATE_LIMITED &&
    reason !== BULKHEAD_FULL &&
    reason !== BULKHEAD_TIMEOUT
  );
}
