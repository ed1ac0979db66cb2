/**
 * The tracer records without changing the run, and what it records is exact: the root span is
 * the client's measured latency, each hop's parts tile its interval, the critical path tiles
 * the root.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { criticalPath } from '../../../src/engine/tracing/criticalPath.ts';
import { sampleUnit } from '../../../src/engine/tracing/tracer.ts';
import type { Trace } from '../../../src/engine/tracing/types.ts';
import { ERROR_REASONS } from '../../../src/engine/types.ts';
import { TRACING_DEFAULTS } from '../../../src/model/tracing.ts';
import { balancer, cache, client, database, edge, exp, scenario, service } from '../harness.ts';
import { ALL_HEAD, figures, preset, traced } from './helpers.ts';

/** Every path a hop can take: relayed hops, a balancer, a cache, retries, timeouts, a crash. */
const busy = scenario({
  durationS: 30,
  warmupS: 2,
  seed: 7,
  nodes: [
    client('c', { arrival: { process: 'poisson', rps: 300 } }),
    balancer('lb'),
    service('api', { replicas: 3, workers: 2, serviceTimeMs: exp(5) }),
    cache('kv', { capacity: 200 }),
    database('db'),
  ],
  edges: [
    edge('c', 'lb', { id: 'c-lb' }),
    edge('lb', 'api', { id: 'lb-api' }),
    edge('api', 'kv', {
      id: 'api-kv',
      latencyMs: exp(1),
      timeoutMs: 40,
      retry: { max: 2, backoffMs: 5, multiplier: 2, jitter: false },
    }),
    edge('kv', 'db', { id: 'kv-db', latencyMs: exp(2) }),
  ],
  faults: [{ kind: 'crash', target: 'api', atS: 10, forS: 3, replicas: 1 }],
});

describe('tracing never changes the run', () => {
  for (const [name, doc] of [
    ['a busy design with every hop kind', busy],
    ['the retry-storm preset', preset('retry-storm')],
  ] as const) {
    it(`${name}: the whole headless JSON is identical with tracing off, at 1 % and at 100 %`, () => {
      const off = createSimulation(doc, { windows: false });
      off.runUntil(Infinity);
      const plain = figures(off.snapshot());
      const some = traced(doc, {
        ...ALL_HEAD,
        sampleRate: 0.01,
        slowestPerWindow: 5,
        failed: true,
      });
      const all = traced(doc, ALL_HEAD);
      expect(figures(some.result)).toBe(plain);
      expect(figures(all.result)).toBe(plain);
      expect(all.traces.length).toBeGreaterThan(100);
    });
  }
});

describe('what a trace records', () => {
  const { result, traces } = traced(busy, ALL_HEAD);

  it('traces every request once with a 100 % sample', () => {
    const counted = traces.filter((t) => t.counted);
    expect(counted.length).toBe(result.requests.total);
    expect(new Set(traces.map((t) => t.id)).size).toBe(traces.length);
  });

  it("the root spans are the client's measured latencies: same mean, max and failures", () => {
    const counted = traces.filter((t) => t.counted);
    // The latency figures are over the OK answers.
    const ms = counted.filter((t) => t.status === 0).map((t) => (t.endS - t.startS) * 1000);
    const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
    expect(mean).toBeCloseTo(result.latencyMs.mean, 3);
    expect(Math.max(...ms)).toBeCloseTo(result.latencyMs.max, 3);
    expect(counted.filter((t) => t.status !== 0).length).toBe(result.requests.failed);
    for (const [i, reason] of ERROR_REASONS.entries()) {
      const n = counted.filter((t) => t.status === i + 1).length;
      expect(n).toBe(result.errors?.[reason] ?? 0);
    }
  });

  it('each hop is ordered send ≤ arrive ≤ work ≤ worked ≤ respond, answered by its end', () => {
    for (const t of traces) {
      for (const h of t.hops.slice(1)) {
        if (h.arriveS < 0) continue; // refused or lost before it arrived
        expect(h.arriveS).toBeGreaterThanOrEqual(h.sendS);
        if (h.workS >= 0) expect(h.workS).toBeGreaterThanOrEqual(h.arriveS);
        if (h.workedS >= 0) expect(h.workedS).toBeGreaterThanOrEqual(h.workS);
        if (h.respondS >= 0 && h.workedS >= 0) expect(h.respondS).toBeGreaterThanOrEqual(h.workedS);
        expect(h.answerS).toBeLessThanOrEqual(t.endS);
      }
    }
  });

  it('records retries, timeouts and cache hits and misses', () => {
    const hops = traces.flatMap((t) => t.hops);
    expect(hops.some((h) => h.attempt > 0)).toBe(true);
    expect(hops.some((h) => h.status === ERROR_REASONS.indexOf('timeout') + 1)).toBe(true);
    expect(hops.some((h) => (h.flags & 2) !== 0)).toBe(true);
    expect(hops.some((h) => (h.flags & 4) !== 0)).toBe(true);
    // Three replicas behind the balancer: the chosen replica is recorded at the service.
    const api = busy.nodes.findIndex((n) => n.id === 'api');
    const replicas = new Set(hops.filter((h) => h.node === api).map((h) => h.replica));
    expect([...replicas].sort()).toEqual([0, 1, 2]);
  });

  it('the critical path tiles the root: contiguous, and its parts add up to the latency', () => {
    for (const t of traces) {
      const path = criticalPath(t);
      const total = path.reduce((a, s) => a + (s.endS - s.startS), 0);
      expect(Math.abs(total - (t.endS - t.startS))).toBeLessThan(1e-9);
      if (path.length === 0) continue;
      expect(path[0]!.startS).toBe(t.startS);
      expect(path.at(-1)!.endS).toBe(t.endS);
      for (let i = 1; i < path.length; i++) expect(path[i]!.startS).toBe(path[i - 1]!.endS);
    }
  });
});

describe('sampling', () => {
  it('head sampling draws from its own hash: about the rate, and the same ids every run', () => {
    let n = 0;
    for (let i = 0; i < 100_000; i++) if (sampleUnit(42, i) < 0.01) n++;
    // Binomial(100000, 0.01): sd 31.5; 4 sd either side.
    expect(Math.abs(n - 1000)).toBeLessThan(126);
    const a = traced(busy, { ...ALL_HEAD, sampleRate: 0.05 }).traces.map((t) => t.id);
    const b = traced(busy, { ...ALL_HEAD, sampleRate: 0.05 }).traces.map((t) => t.id);
    expect(a).toEqual(b);
  });

  it('tail capture keeps every failed request and the slowest few of each window', () => {
    const tail = { sampleRate: 0, slowestPerWindow: 3, failed: true, maxTraces: 100_000 };
    const { result, traces } = traced(busy, tail);
    const failed = traces.filter((t) => t.why === 'failed' && t.counted);
    expect(failed.length).toBe(result.requests.failed);
    const slow = traces.filter((t) => t.why === 'slow');
    const windows = new Map<number, number>();
    for (const t of slow)
      windows.set(Math.floor(t.endS), (windows.get(Math.floor(t.endS)) ?? 0) + 1);
    expect(Math.max(...windows.values())).toBe(3);
    // The slowest OK request of the whole run is among them.
    const all = traced(busy, ALL_HEAD).traces.filter((t) => t.status === 0);
    const slowest = all.reduce((a, t) => (t.endS - t.startS > a.endS - a.startS ? t : a));
    expect(slow.map((t) => t.id)).toContain(slowest.id);
  });

  it('a tail-captured trace is the very trace head sampling records of the same request', () => {
    // Tail capture records every request and decides at its end; head sampling at 100 % builds
    // each at its end. Here a fifth of the attempts time out and are retried: the timed-out
    // attempt's callee works on after its request is over, and what it does then must reach
    // neither a trace held until its window closes nor another request's rows.
    const retried = scenario({
      durationS: 20,
      seed: 5,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 100 } }),
        service('api', { workers: 8, serviceTimeMs: exp(30) }),
      ],
      edges: [
        edge('c', 'api', {
          timeoutMs: 50,
          retry: { max: 2, backoffMs: 1, multiplier: 1, jitter: false },
        }),
      ],
    });
    const tail = { sampleRate: 0, slowestPerWindow: 30, failed: true, maxTraces: 100_000 };
    const kept = traced(retried, tail).traces;
    const all = new Map(traced(retried, ALL_HEAD).traces.map((t) => [t.id, t]));
    // Nothing recorded after its request was over.
    const late = (t: Trace) =>
      t.hops.some((h) => Math.max(h.arriveS, h.workS, h.workedS, h.respondS) > t.endS);
    expect(
      kept.filter((t) => t.why === 'slow' && t.hops.some((h) => h.attempt > 0)).length,
    ).toBeGreaterThan(100);
    for (const t of kept) expect({ ...t, why: 'head' }).toEqual(all.get(t.id));
    expect(kept.some(late)).toBe(false);
  });

  it('a window’s slowest are drained once it is over, though no later request closes it', () => {
    // The retry storm from t = 60 s: from 61 s to 70 s no request succeeds, so no request
    // that could be a candidate of a later window ends to close window 60.
    const sim = createSimulation(preset('retry-storm'), { tracing: TRACING_DEFAULTS });
    sim.runUntil(70);
    const slow = sim.drainTraces!()!.filter((t) => t.why === 'slow');
    expect(Math.max(...slow.map((t) => t.endS))).toBeLessThan(61);
    expect(slow.filter((t) => Math.floor(t.endS) === 60)).toHaveLength(5);
  });

  it('the memory budget bounds what is kept between drains, and counts the rest', () => {
    const sim = createSimulation(busy, { tracing: { ...ALL_HEAD, maxTraces: 50 } });
    sim.runUntil(Infinity);
    expect(sim.drainTraces!(true)!.length).toBe(50);
    const counts = sim.tracingCounts!()!;
    expect(counts.kept).toBe(50);
    // Every finished request was kept or dropped; the few still in flight at the end neither.
    const inFlight = counts.requests - counts.kept - counts.dropped;
    expect(inFlight).toBeGreaterThanOrEqual(0);
    expect(inFlight).toBeLessThan(10);
  });
});
