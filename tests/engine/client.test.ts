/** Client arrivals: rate profiles, constant spacing, keys and writes. */
import { describe, expect, it } from 'vitest';
import { client, constant, edge, run, scenario, service } from './harness.ts';

describe('client', () => {
  it('poisson with a linear ramp 1→3 over 50 s then flat: 25,000 expected (sd 158)', () => {
    const r = run(
      scenario({
        durationS: 100,
        nodes: [
          client('c', {
            arrival: { process: 'poisson', rps: 100 },
            profile: [
              [0, 1],
              [50, 3],
            ],
          }),
          service('s', { workers: 10 }),
        ],
        edges: [edge('c', 's')],
      }),
    );
    expect(Math.abs(r.requests.total - 25000)).toBeLessThan(5 * 158);
    // The rate at the end is 300/s.
    expect(r.timeline.at(-1)!.throughputRps).toBeGreaterThan(240);
    expect(r.timeline[0]!.throughputRps).toBeLessThan(160);
  });
  it('constant arrivals are evenly spaced and follow a profile that starts at zero', () => {
    const r = run(
      scenario({
        durationS: 20,
        nodes: [
          client('c', {
            arrival: { process: 'constant', rps: 10 },
            profile: [
              [0, 0],
              [10, 0],
              [10.001, 1],
            ],
          }),
          service('s'),
        ],
        edges: [edge('c', 's')],
      }),
    );
    expect(Math.abs(r.requests.total - 100)).toBeLessThanOrEqual(2);
    expect(r.timeline.slice(0, 10).every((p) => p.throughputRps === 0)).toBe(true);
  });
  it('several outgoing edges split traffic by weight', () => {
    const r = run(
      scenario({
        durationS: 200,
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 100 } }),
          service('a', { workers: 4 }),
          service('b', { workers: 4 }),
        ],
        edges: [edge('c', 'a', { weight: 9 }), edge('c', 'b', { weight: 1 })],
      }),
    );
    const share = r.nodes.b!.arrivals / r.requests.total;
    expect(Math.abs(share - 0.1)).toBeLessThan(5 * Math.sqrt(0.09 / 20000));
  });
  it('a client that is also called: its latency counts those answers, the requests do not', () => {
    // The only client shares its histogram with the run's unless something calls it.
    const r = run(
      scenario({
        durationS: 5,
        warmupS: 0,
        nodes: [
          client('c', { arrival: { process: 'constant', rps: 100 } }),
          service('api', { serviceTimeMs: constant(5) }),
        ],
        edges: [edge('c', 'api'), edge('api', 'c')],
      }),
    );
    expect(r.latencyMs.mean).toBe(5);
    expect(r.nodes.c!.latencyMs.mean).toBe(2.5); // half are api's calls, answered at once
  });
});
