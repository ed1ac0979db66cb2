/**
 * An error budget: the failures an availability (or error-rate) objective allows, (1 − target)
 * × counted requests, and how fast each stretch of the run burns it. Kept as prefix sums of the
 * timeline points' counts, so any window's burn rate is exact from the counts.
 */
import type { Objective } from '../../model/types.ts';
import type { BudgetPoint } from './types.ts';

/** The share of requests an objective allows to fail, or null when it sets no budget. */
export function allowedShareOf(o: Objective): number | null {
  if (o.metric === 'availability' && o.min !== undefined) return 1 - o.min;
  if (o.metric === 'errorRate' && o.max !== undefined) return o.max;
  return null;
}

export class Budget {
  /** End time of each point, and the counts up to and including it. */
  private readonly ends: number[] = [];
  private readonly done: number[] = [];
  private readonly failed: number[] = [];
  readonly series: BudgetPoint[] = [];

  constructor(readonly allowedShare: number) {}

  get total(): number {
    return this.done.at(-1) ?? 0;
  }
  get failures(): number {
    return this.failed.at(-1) ?? 0;
  }

  add(endS: number, done: number, failed: number): BudgetPoint {
    this.ends.push(endS);
    this.done.push(this.total + done);
    this.failed.push(this.failures + failed);
    const point = {
      tS: endS,
      burned: this.burnedOf(this.failures, this.total),
      burnRate: this.rateOf(failed, done),
    };
    this.series.push(point);
    return point;
  }

  /** The burn rate over the points that end within the last `windowS` seconds. */
  burnRate(windowS: number): number {
    const n = this.ends.length;
    if (n === 0) return 0;
    const from = this.ends[n - 1]! - windowS + 1e-9;
    // The first point ending after `from`: binary search over the ends.
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! > from) hi = mid;
      else lo = mid + 1;
    }
    const before = lo > 0 ? lo - 1 : -1;
    const done = this.done[n - 1]! - (before >= 0 ? this.done[before]! : 0);
    const failed = this.failed[n - 1]! - (before >= 0 ? this.failed[before]! : 0);
    return this.rateOf(failed, done);
  }

  /** Failures ÷ allowed failures (0 with no requests; a zero budget burns infinitely fast). */
  burnedOf(failed: number, total: number): number {
    if (failed === 0) return 0;
    const allowed = this.allowedShare * total;
    return allowed > 0 ? failed / allowed : Infinity;
  }

  private rateOf(failed: number, done: number): number {
    return done > 0 ? this.burnedOf(failed, done) : 0;
  }
}
