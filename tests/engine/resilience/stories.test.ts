/**
 * Resilience stories with a known shape (issue #5): metastable retry storms, a breaker that
 * keeps its caller fast, a crash behind a balancer, the least-connections sinkhole, and faults
 * that replay exactly whether scheduled or injected.
 */
import { describe, expect, it } from 'vitest';
import type { Fault, RetryPolicy, Scenario, ScenarioEdge } from '../../../src/model/types.ts';
import type { WindowStats } from '../../../src/engine/types.ts';
import { balancer, client, edge, exp, scenario, service, sim } from '../harness.ts';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const errorRates = (ws: WindowStats[], from: number, to: number) =>
  ws.slice(from, to).map((w) => w.errorRate);

describe('a retry storm keeps a recovered service overloaded (metastability)', () => {
  // 800 rps on 10 workers × 10 ms (ρ 0.8), a queue of 200 (a 200 ms wait when full), callers
  // that time out after 100 ms. A slow ×2 fault for 20 s fills the queue; every request then
  // times out while still queued, and the service keeps serving calls nobody waits for.
  const storm = (retry: RetryPolicy) =>
    sim(
      scenario({
        durationS: 80,
        faults: [{ atS: 20, forS: 20, kind: 'slow', target: 'api', factor: 2 }],
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 800 } }),
          service('api', { workers: 10, serviceTimeMs: exp(10), queueCapacity: 200 }),
        ],
        edges: [edge('c', 'api', { id: 'c-api', timeoutMs: 100, retry })],
      }),
    ).runToEnd();

  it('3 immediate retries without a budget: still failing 40 s after the fault ended', () => {
    const s = storm({ max: 3, backoffMs: 0, multiplier: 1, jitter: false });
    expect(mean(errorRates(s.windows, 0, 20))).toBeLessThan(0.01);
    // The fault is gone, the load is back to ρ 0.8, but retries (up to 4× the calls) keep the
    // queue full: nearly everything still fails, to the end of the run.
    expect(Math.min(...errorRates(s.windows, 45, 80))).toBeGreaterThan(0.9);
    expect(s.windows[70]!.retries).toBeGreaterThan(2000);
    expect(s.windows[70]!.nodes.api!.utilization).toBeGreaterThan(0.99);
  });

  it('jittered exponential backoff with a 10 % budget: recovered within 5 s', () => {
    const s = storm({ max: 3, backoffMs: 50, multiplier: 2, jitter: true, budgetRatio: 0.1 });
    expect(mean(errorRates(s.windows, 25, 40))).toBeGreaterThan(0.9);
    expect(Math.max(...errorRates(s.windows, 45, 80))).toBeLessThan(0.01);
    expect(s.windows[70]!.goodputRps).toBeGreaterThan(750);
  });
});

describe('a breaker opens within its window and keeps the caller fast', () => {
  // api calls a and b in parallel; b turns 100× slower at 20 s for 40 s (far past its
  // capacity: every call to it times out). A 200 ms timeout and a fallback on api → b.
  const doc = (onB: Partial<ScenarioEdge>): Scenario =>
    scenario({
      durationS: 70,
      faults: [{ atS: 20, forS: 40, kind: 'slow', target: 'b', factor: 100 }],
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 100 } }),
        service('api', { workers: 64, serviceTimeMs: exp(2), calls: 'parallel' }),
        service('a', { workers: 8, serviceTimeMs: exp(5) }),
        service('b', { workers: 8, serviceTimeMs: exp(5) }),
      ],
      edges: [
        edge('c', 'api'),
        edge('api', 'a'),
        edge('api', 'b', { id: 'api-b', timeoutMs: 200, ...onB }),
      ],
    });
  const breaker = {
    failureRatio: 0.5,
    minRequests: 20,
    openMs: 5000,
    windowMs: 5000,
    halfOpenRequests: 1,
  };

  it('without a breaker (fallback only) the caller p99 rises to the timeout', () => {
    // Every call to b waits out its 200 ms timeout before the fallback answers.
    const s = sim(doc({ fallback: true })).runToEnd();
    const p99s = s.windows.slice(22, 60).map((w) => w.latencyMs.p99);
    expect(Math.min(...p99s)).toBeGreaterThan(190);
    expect(s.result().edges!['api-b']!.fallbacks).toBeGreaterThan(3500);
  });

  it('with a breaker and a fallback the caller p99 stays low and nothing fails', () => {
    const s = sim(doc({ circuitBreaker: breaker, fallback: true })).runToEnd();
    const states = s.windows.map((w) => w.edges['api-b']!.breaker);
    const opened = states.indexOf('open');
    // Opens within its 5 s window: once failures are half of the window's calls.
    expect(opened).toBeGreaterThanOrEqual(20);
    expect(opened).toBeLessThanOrEqual(25);
    const p99s = s.windows.slice(opened + 1, 60).map((w) => w.latencyMs.p99);
    // A window holding a half-open probe may show its 200 ms; the others are fast.
    expect(p99s.filter((p) => p < 50).length).toBeGreaterThan(0.8 * p99s.length);
    const r = s.result();
    expect(r.requests.failed).toBe(0);
    expect(r.fallbacks).toBeGreaterThan(3000);
    expect(r.goodputRps!).toBeLessThan(r.throughputRps - 40);
    // Closed again by the first probe after the fault ends (within openMs of it).
    expect(states.slice(60 + breaker.openMs / 1000 + 1).every((b) => b === 'closed')).toBe(true);
  });
});

describe('least-connections without health checks sinks traffic into a fast-failing replica', () => {
  const sink = (outlier: boolean) =>
    sim(
      scenario({
        durationS: 70,
        faults: [{ atS: 20, forS: 40, kind: 'crash', target: 'api', replicas: 1 }],
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 500 } }),
          balancer(
            'lb',
            outlier
              ? {
                  strategy: 'leastConnections',
                  outlierDetection: { consecutiveErrors: 5, ejectMs: 30000 },
                }
              : { strategy: 'leastConnections' },
          ),
          service('api', { replicas: 4, workers: 2, serviceTimeMs: exp(10) }),
        ],
        edges: [edge('c', 'lb'), edge('lb', 'api')],
      }),
    ).runToEnd();

  it('the crashed replica, always at zero connections, takes far more than 1/4', () => {
    const s = sink(false);
    expect(mean(errorRates(s.windows, 22, 60))).toBeGreaterThan(0.5);
  });

  it('outlier detection ejects it: errors only at each ejection', () => {
    const s = sink(true);
    const r = s.result();
    expect(mean(errorRates(s.windows, 22, 60))).toBeLessThan(0.001);
    // Ejected at 20 s and again when back at 50 s: 5 errors each time.
    expect(r.nodes.lb!.ejections).toBe(2);
    expect(r.requests.failed).toBe(10);
  });
});

describe('faulted runs replay exactly', () => {
  const doc = (faults: Fault[]): Scenario =>
    scenario({
      durationS: 40,
      seed: 7,
      faults,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 300 } }),
        balancer('lb', {
          strategy: 'powerOfTwoChoices',
          healthCheck: { intervalMs: 500, timeoutMs: 200, unhealthyAfter: 2, healthyAfter: 2 },
          outlierDetection: { consecutiveErrors: 3, ejectMs: 5000 },
        }),
        service('api', { replicas: 3, workers: 2, serviceTimeMs: exp(5), calls: 'sequential' }),
        service('db', { workers: 4, serviceTimeMs: exp(3) }),
      ],
      edges: [
        edge('c', 'lb', {
          id: 'c-lb',
          timeoutMs: 100,
          retry: { max: 2, backoffMs: 10, multiplier: 2, jitter: true, budgetRatio: 0.2 },
        }),
        edge('lb', 'api', { id: 'lb-api' }),
        edge('api', 'db', {
          id: 'api-db',
          timeoutMs: 50,
          fallback: true,
          circuitBreaker: {
            failureRatio: 0.5,
            minRequests: 10,
            openMs: 2000,
            windowMs: 2000,
            halfOpenRequests: 2,
          },
        }),
      ],
    });
  const crash: Fault = { atS: 10.25, forS: 8, kind: 'crash', target: 'api', replicas: 1 };
  const slow: Fault = { atS: 15, forS: 10, kind: 'slow', target: 'db', factor: 30 };

  it('the same faults scheduled in the document or injected live give identical results', () => {
    const scheduled = sim(doc([crash, slow])).runToEnd();
    const live = sim(doc([]));
    live.runFor(10.25).inject({ kind: 'crash', target: 'api', replicas: 1, forS: 8 });
    live.runFor(4.75).inject({ kind: 'slow', target: 'db', factor: 30, forS: 10 });
    live.runToEnd();
    const r = scheduled.result();
    expect(r.retries).toBeGreaterThan(0);
    expect(r.fallbacks).toBeGreaterThan(0);
    expect(r.edges!['api-db']!.breakerOpens).toBeGreaterThan(0);
    expect(live.result()).toEqual(r);
    expect(live.windows).toEqual(scheduled.windows);
  });
});
