/** Retries: how many, when, what they cost, and how a budget caps them. */
import { describe, expect, it } from 'vitest';
import type { Fault, RetryPolicy, ScenarioEdge } from '../../../src/model/types.ts';
import { apiChain, run } from '../harness.ts';

const retry = (p: Partial<RetryPolicy> = {}): RetryPolicy => ({
  max: 2,
  backoffMs: 0,
  multiplier: 1,
  jitter: false,
  ...p,
});

const chain = (e: Partial<ScenarioEdge>, faults: Fault[], rps?: number) => apiChain(faults, e, rps);
const loss = (probability: number): Fault[] => [
  { atS: 0, kind: 'loss', target: 'c-api', probability },
];

describe('retry', () => {
  it('on a lossy edge, 2 retries leave p³ of requests failed and send p + p² retries each', () => {
    const p = 0.3;
    const r = run(chain({ timeoutMs: 50, retry: retry() }, loss(p)));
    const n = r.requests.total;
    // Requests still in flight at the end are not in the total.
    expect(n).toBeGreaterThan(9990);
    const failSd = Math.sqrt(n * p ** 3);
    expect(Math.abs(r.requests.failed - n * p ** 3)).toBeLessThan(5 * failSd);
    expect(r.errors).toEqual({ lost: r.requests.failed });
    expect(Math.abs(r.retries! - n * (p + p * p)) / (n * (p + p * p))).toBeLessThan(0.05);
    expect(r.edges!['c-api']!.retries).toBe(r.retries);
    // Every attempt is a call over the edge (give or take the few in flight at the end).
    expect(Math.abs(r.edges!['c-api']!.calls - n - r.retries!)).toBeLessThanOrEqual(10);
  });

  it('each attempt has its own timeout, and a constant backoff waits between attempts', () => {
    const r = run(chain({ timeoutMs: 50, retry: retry({ max: 1, backoffMs: 20 }) }, loss(0.3)));
    // A request that succeeds on its retry took timeout + backoff + service = 50 + 20 + 10.
    expect(r.latencyMs.max).toBeCloseTo(80, 0);
    expect(r.latencyMs.p50).toBeCloseTo(10, 0);
  });

  it('exponential backoff doubles per retry; full jitter draws uniformly below it', () => {
    const fixed = run(
      chain({ timeoutMs: 50, retry: retry({ max: 3, backoffMs: 20, multiplier: 2 }) }, loss(0.5)),
    );
    // Third retry: 3 timeouts + 20 + 40 + 80 ms of backoff + 10 ms of service.
    expect(fixed.latencyMs.max).toBeCloseTo(150 + 140 + 10, 0);
    const jittered = run(
      chain(
        { timeoutMs: 50, retry: retry({ max: 3, backoffMs: 20, multiplier: 2, jitter: true }) },
        loss(0.5),
      ),
    );
    expect(jittered.latencyMs.max).toBeLessThan(300);
    expect(jittered.latencyMs.max).toBeGreaterThan(200);
  });

  it('does not retry a failure that is not retryable, nor beyond max', () => {
    const crash: Fault[] = [{ atS: 10, forS: 10, kind: 'crash', target: 'api' }];
    const none = run(chain({ retry: retry({ max: 0 }) }, crash));
    const three = run(chain({ retry: retry({ max: 3 }) }, crash));
    expect(three.requests.failed).toBe(none.requests.failed);
    expect(three.retries).toBe(3 * none.requests.failed);
  });

  it('a 10 % budget keeps retries at most a tenth of first tries', () => {
    const crash: Fault[] = [{ atS: 20, forS: 60, kind: 'crash', target: 'api' }];
    const r = run(chain({ retry: retry({ max: 3, budgetRatio: 0.1 }) }, crash));
    const firstTries = r.requests.total;
    expect(r.retries!).toBeLessThanOrEqual(0.1 * firstTries);
    // It spends the budget while the crash lasts: about a tenth of the 6000 first tries then.
    expect(r.retries!).toBeGreaterThan(0.08 * 6000);
    // Nearly every failed request asked for a retry the budget refused.
    expect(r.edges!['c-api']!.budgetDenied).toBeGreaterThan(0.85 * 6000);
  });

  it('counts retries per window and per edge window', () => {
    const r = run(chain({ timeoutMs: 50, retry: retry() }, loss(0.3)));
    const sum = r.timeline.reduce((s, p) => s + (p.retries ?? 0), 0);
    expect(sum).toBe(r.retries);
  });
});
