/**
 * Retry token buckets and idempotent-only retries, against exact counts.
 *
 * The bucket: it starts full at B tokens, each retry spends one, each success puts r back, so
 * over any run retries ≤ B + r × successes; under a fault that fails half the calls the bucket
 * is empty almost all the time, so the retries sent reach that bound within the one token that
 * may be left (and the couple of calls still in flight at the end).
 */
import { describe, expect, it } from 'vitest';
import type { Fault, RetryPolicy } from '../../../src/model/types.ts';
import { apiChain, run } from '../harness.ts';

const retry = (p: Partial<RetryPolicy> = {}): RetryPolicy => ({
  max: 3,
  backoffMs: 0,
  multiplier: 1,
  jitter: false,
  ...p,
});
const halfFail: Fault[] = [{ atS: 0, kind: 'error', target: 'api', probability: 0.5 }];

describe('retry token bucket', () => {
  it('retries at most size + ratio × successes, and reach it when failures abound', () => {
    const r = run(apiChain(halfFail, { retry: retry({ tokenBucket: 10, tokenRatio: 0.1 }) }));
    const e = r.edges!['c-api']!;
    const successes = e.calls - e.failed;
    const bound = 10 + 0.1 * successes;
    expect(e.retries!).toBeLessThanOrEqual(bound);
    expect(e.retries!).toBeGreaterThan(bound - 3);
    // Every failed first try or retry the bucket could not pay for was refused, counted.
    expect(e.budgetDenied!).toBeGreaterThan(0.4 * r.requests.total);
  });

  it('without a bucket the same fault draws p + p² + p³ retries per request', () => {
    const r = run(apiChain(halfFail, { retry: retry() }));
    const n = r.requests.total;
    // A binomial count: sd ≈ √(n·0.875) ≈ 95 on n ≈ 10,000, far inside 3 %.
    expect(Math.abs(r.retries! - 0.875 * n) / (0.875 * n)).toBeLessThan(0.03);
  });

  it('a live bucket refills: a full bucket of 1000 pays for every retry of a short fault', () => {
    const short: Fault[] = [{ ...halfFail[0]!, forS: 10 }];
    const big = run(apiChain(short, { retry: retry({ tokenBucket: 1000, tokenRatio: 0.1 }) }));
    const none = run(apiChain(short, { retry: retry() }));
    // 1000 tokens cover the ~875 retries of 10 s × 100 requests at p = 0.5: nothing refused.
    expect(big.edges!['c-api']!.budgetDenied ?? 0).toBe(0);
    expect(big.retries).toBe(none.retries);
  });
});

describe('idempotent-only retries', () => {
  /** Every call times out: a 10 ms service behind a 5 ms timeout. */
  const allTimeOut = (nonIdempotent: boolean) =>
    run(apiChain([], { timeoutMs: 5, retry: retry({ max: 2, nonIdempotent }) }, 50));

  it('a timeout is retried on an idempotent call and never on one that is not', () => {
    const yes = allTimeOut(false);
    const no = allTimeOut(true);
    expect(yes.retries).toBe(2 * yes.requests.total);
    expect(no.retries ?? 0).toBe(0);
    expect(no.errors).toEqual({ timeout: no.requests.total });
  });

  it('a loss is not retried on a non-idempotent call either', () => {
    const loss: Fault[] = [{ atS: 0, kind: 'loss', target: 'c-api', probability: 0.3 }];
    const r = run(apiChain(loss, { timeoutMs: 50, retry: retry({ nonIdempotent: true }) }));
    expect(r.retries ?? 0).toBe(0);
    expect(r.errors).toEqual({ lost: r.requests.failed });
  });

  it('a failure known to have done nothing (an error at once) is still retried', () => {
    const r = run(apiChain(halfFail, { retry: retry({ nonIdempotent: true }) }));
    const n = r.requests.total;
    expect(Math.abs(r.retries! - 0.875 * n) / (0.875 * n)).toBeLessThan(0.03);
  });
});
