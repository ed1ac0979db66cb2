/** Circuit breaker states over time, refusals, and fallback answers with goodput. */
import { describe, expect, it } from 'vitest';
import type { CircuitBreakerPolicy, Fault, ScenarioEdge } from '../../../src/model/types.ts';
import { client, constant, edge, scenario, service, sim } from '../harness.ts';

const breaker = (p: Partial<CircuitBreakerPolicy> = {}): CircuitBreakerPolicy => ({
  failureRatio: 0.5,
  minRequests: 20,
  openMs: 5000,
  windowMs: 10000,
  halfOpenRequests: 1,
  ...p,
});
const partition: Fault[] = [{ atS: 20, forS: 20, kind: 'partition', target: 'c-api' }];

function story(e: Partial<ScenarioEdge>, faults = partition) {
  return sim(
    scenario({
      durationS: 60,
      faults,
      nodes: [
        client('c', { arrival: { process: 'constant', rps: 100 } }),
        service('api', { workers: 4, serviceTimeMs: constant(5) }),
      ],
      edges: [edge('c', 'api', { id: 'c-api', timeoutMs: 100, ...e })],
    }),
  ).runToEnd();
}

describe('circuit breaker', () => {
  it('opens when failures reach failureRatio of its window, refuses at once, probes, closes', () => {
    const s = story({ circuitBreaker: breaker() });
    const states = s.windows.map((w) => w.edges['c-api']!.breaker);
    // The 10 s window holds ~1000 successes before the fault: failures reach half of it after
    // about 5 s of failing calls.
    const firstOpen = states.indexOf('open');
    expect(firstOpen).toBeGreaterThanOrEqual(24);
    expect(firstOpen).toBeLessThanOrEqual(25);
    expect(states.slice(0, firstOpen).every((b) => b === 'closed')).toBe(true);
    // Probes after 5 s (about 30 s and 35 s) fail and reopen it; the one after 40 s succeeds.
    expect(states.slice(firstOpen, 40).every((b) => b === 'open' || b === 'halfOpen')).toBe(true);
    expect(states.slice(40).every((b) => b === 'closed')).toBe(true);
    const r = s.result();
    const e = r.edges!['c-api']!;
    expect(e.breakerOpens).toBe(3);
    // Timeouts: ~5 s of calls at 100 rps before it opened, plus the 2 failed probes.
    expect(r.errors!.timeout).toBeGreaterThan(495);
    expect(r.errors!.timeout).toBeLessThan(510);
    expect(r.errors!.circuitOpen).toBe(e.refused);
    expect(e.refused! + r.errors!.timeout!).toBeGreaterThan(1995);
    // Refused calls fail fast: the only slow failures are the timeouts.
    expect(r.latencyMs.max).toBeLessThan(10);
  });

  it('half-open with 3 probes needs 3 successes to close, and each failed spell costs 3', () => {
    const one = story({ circuitBreaker: breaker() }).result();
    const three = story({ circuitBreaker: breaker({ halfOpenRequests: 3 }) }).result();
    expect(three.edges!['c-api']!.breakerOpens).toBe(one.edges!['c-api']!.breakerOpens);
    expect(three.errors!.timeout! - one.errors!.timeout!).toBe(2 * 2);
  });

  it('does not open below minRequests, or below failureRatio', () => {
    const loss: Fault[] = [{ atS: 20, forS: 20, kind: 'loss', target: 'c-api', probability: 0.3 }];
    const r = story({ circuitBreaker: breaker({ failureRatio: 0.5 }) }, loss).result();
    expect(r.edges!['c-api']!.breakerOpens).toBeUndefined();
    expect(r.errors!.circuitOpen).toBeUndefined();
    const low = story({ circuitBreaker: breaker({ failureRatio: 0.2 }) }, loss).result();
    expect(low.edges!['c-api']!.breakerOpens).toBeGreaterThan(0);
  });
});

describe('fallback', () => {
  it('answers failed calls OK-with-fallback: no errors, but goodput drops by the fallbacks', () => {
    const r = story({ circuitBreaker: breaker(), fallback: true }).result();
    expect(r.requests.failed).toBe(0);
    expect(r.fallbacks).toBeGreaterThan(1990);
    expect(r.edges!['c-api']!.fallbacks).toBe(r.fallbacks);
    expect(r.throughputRps).toBeCloseTo(100, 0);
    const good = r.requests.ok - r.fallbacks!;
    expect(r.goodputRps).toBeCloseTo(good / 60, 3);
  });

  it('shows the drop in goodput window by window', () => {
    const s = story({ fallback: true });
    const during = s.windows.slice(21, 39);
    expect(during.every((w) => w.throughputRps > 90 && w.goodputRps === 0)).toBe(true);
    expect(s.windows.slice(41).every((w) => w.goodputRps === w.throughputRps)).toBe(true);
  });

  it('a late OK answer (after retries) counts in throughput but not in goodput', () => {
    const loss: Fault[] = [{ atS: 0, kind: 'loss', target: 'c-api', probability: 0.2 }];
    const r = story(
      { retry: { max: 2, backoffMs: 0, multiplier: 1, jitter: false } },
      loss,
    ).result();
    // About 20 % of requests succeed only on a retry, past the 100 ms deadline.
    const lateShare = 1 - r.goodputRps! / r.throughputRps;
    expect(lateShare).toBeGreaterThan(0.17);
    expect(lateShare).toBeLessThan(0.23);
  });
});

describe('goodput without degradation', () => {
  it('equals throughput when no answer can be degraded or late, faults or not', () => {
    const crash: Fault[] = [{ atS: 20, forS: 10, kind: 'crash', target: 'api' }];
    const plain = story({}, crash).result();
    expect(plain.requests.failed).toBeGreaterThan(900);
    expect(plain.goodputRps).toBe(plain.throughputRps);
    const breakerOnly = story({ circuitBreaker: breaker() }, crash);
    expect(breakerOnly.result().goodputRps).toBe(breakerOnly.result().throughputRps);
    expect(breakerOnly.windows.every((w) => w.goodputRps === w.throughputRps)).toBe(true);
  });
});
