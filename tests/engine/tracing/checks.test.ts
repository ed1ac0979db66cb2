/**
 * Traces checked against closed forms and against the engine's own figures.
 *
 * M/M/1 at ρ = 0.5 (λ 50/s, μ 100/s), 2000 s after warm-up, 5 % head-sampled (about 5000
 * traces): by PASTA a request finds the server idle with probability 1 − ρ, and its mean wait
 * in queue is Wq = ρ / (μ − λ) = 10 ms. Over 8 seeds the share with zero wait spread with sd
 * 0.0055 (binomial: √(0.25 / 5000) = 0.0071) and the mean wait with sd 0.16 ms (1.6 %); the
 * tolerances are 4 binomial sd (0.028) and 6.5 %.
 */
import { describe, expect, it } from 'vitest';
import { breakdown } from '../../../src/engine/tracing/breakdown.ts';
import { client, database, edge, exp, scenario, service } from '../harness.ts';
import { ALL_HEAD, preset, traced } from './helpers.ts';

describe('M/M/1 seen through traces', () => {
  const doc = scenario({
    seed: 3,
    durationS: 2050,
    warmupS: 50,
    nodes: [
      client('c', { arrival: { process: 'poisson', rps: 50 } }),
      service('s', { serviceTimeMs: exp(10) }),
    ],
    edges: [edge('c', 's')],
  });
  const { traces } = traced(doc, { ...ALL_HEAD, sampleRate: 0.05 });
  const hops = traces.filter((t) => t.counted).map((t) => t.hops[1]!);

  it('samples about 5 % of the requests', () => {
    // Binomial(100k, 0.05): sd 69.
    expect(Math.abs(hops.length - 5000)).toBeLessThan(300);
  });
  it('the share that did not wait is 1 − ρ = 0.5', () => {
    const zero = hops.filter((h) => h.workS === h.arriveS).length / hops.length;
    expect(Math.abs(zero - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / hops.length));
  });
  it('the mean wait in queue is ρ / (μ − λ) = 10 ms', () => {
    const wqMs = (hops.reduce((a, h) => a + h.workS - h.arriveS, 0) / hops.length) * 1000;
    expect(Math.abs(wqMs / 10 - 1)).toBeLessThan(0.065);
  });
});

describe('retry storm: the attempts of one call', () => {
  // 300 ms timeout, 10 ms backoff, multiplier 1, no jitter (presets/retry-storm.json).
  const doc = preset('retry-storm');
  const edge = doc.edges.find((e) => e.retry !== undefined)!;
  const gapS = (edge.timeoutMs! + edge.retry!.backoffMs) / 1000;
  const { traces } = traced(
    doc,
    { sampleRate: 0, slowestPerWindow: 0, failed: true, maxTraces: 300 },
    { durationS: 90 },
  );

  it('a timed-out attempt is followed by the next one timeout + backoff later (310 ms)', () => {
    let pairs = 0;
    for (const t of traces) {
      const attempts = t.hops.filter((h) => h.edge === doc.edges.indexOf(edge));
      for (let i = 1; i < attempts.length; i++) {
        const [a, b] = [attempts[i - 1]!, attempts[i]!];
        if (a.parent !== b.parent || a.status !== 2) continue; // 2: timeout
        expect(b.attempt).toBe(a.attempt + 1);
        expect(b.sendS - a.sendS).toBeCloseTo(gapS, 9);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(100);
  });
  it('a request whose 4 attempts all time out lasts 4 × 300 ms + 3 × 10 ms plus its hops', () => {
    const e = doc.edges.indexOf(edge);
    const full = traces.find(
      (t) => t.hops.filter((h) => h.edge === e && h.status === 2).length === 4,
    )!;
    expect(full).toBeDefined();
    // users → api (1 ms each way) and the api's 1 ms of work: from 1.23 s up.
    expect(full.endS - full.startS).toBeGreaterThan(4 * 0.3 + 3 * 0.01);
  });
});

describe('three tiers: the per-node breakdown agrees with each node measured latency', () => {
  const doc = scenario({
    seed: 11,
    durationS: 300,
    warmupS: 20,
    nodes: [
      client('c', { arrival: { process: 'poisson', rps: 150 } }),
      service('web', { replicas: 2, workers: 8, serviceTimeMs: exp(4) }),
      service('app', { replicas: 2, workers: 4, serviceTimeMs: exp(10) }),
      database('db', { connections: 8 }),
    ],
    edges: [
      edge('c', 'web', { latencyMs: exp(2) }),
      edge('web', 'app', { latencyMs: exp(1) }),
      edge('app', 'db', { latencyMs: exp(1) }),
    ],
  });

  it('with every request traced: queue + service + downstream per node is its mean latency', () => {
    const { result, traces } = traced(doc, ALL_HEAD);
    const b = breakdown(traces.filter((t) => t.counted));
    for (const [i, n] of doc.nodes.entries()) {
      if (n.type === 'client') continue;
      const own = b.own.get(i)!;
      const meanMs = ((own.queueS + own.serviceS + own.blockedS) / own.hops) * 1000;
      // The results round to 4 decimals.
      expect(meanMs).toBeCloseTo(result.nodes[n.id]!.latencyMs.mean, 3);
    }
  });

  it('10 % head-sampled: within sampling error, and the parts say where the time goes', () => {
    const { result, traces } = traced(doc, { ...ALL_HEAD, sampleRate: 0.1 });
    const b = breakdown(traces.filter((t) => t.counted));
    for (const [i, n] of doc.nodes.entries()) {
      if (n.type === 'client') continue;
      const own = b.own.get(i)!;
      const meanMs = ((own.queueS + own.serviceS + own.blockedS) / own.hops) * 1000;
      // About 4200 sampled hops per node; a node latency's cv is at most about 1.5 here, so
      // the sample mean's relative sd is ≤ 1.5 / √4200 = 2.3 %: 4 sd.
      expect(Math.abs(meanMs / result.nodes[n.id]!.latencyMs.mean - 1)).toBeLessThan(0.092);
    }
    // The app's 10 ms of service is the largest own time on the critical paths.
    expect(doc.nodes[b.bottleneck]!.id).toBe('app');
    // The critical paths add up to the requests' latencies.
    let sum = 0;
    for (const c of b.critical.values())
      sum += c.queueS + c.serviceS + c.networkS + c.backoffS + c.waitS;
    expect(sum).toBeCloseTo(b.totalS, 6);
  });
});
