/** Same document and seed → identical results; fault by inject() ≡ the same fault scheduled. */
import { describe, expect, it } from 'vitest';
import type { Fault, Scenario } from '../../src/model/types.ts';
import {
  balancer,
  cache,
  client,
  constant,
  edge,
  exp,
  run,
  scenario,
  service,
  sim,
} from './harness.ts';

function system(faults: Fault[] = []): Scenario {
  return scenario({
    durationS: 60,
    warmupS: 5,
    faults,
    nodes: [
      client('c', {
        arrival: { process: 'poisson', rps: 300 },
        keys: { count: 500, zipf: 1 },
        writeRatio: 0.1,
      }),
      balancer('lb', { strategy: 'powerOfTwoChoices' }),
      service('api', { replicas: 3, workers: 2, serviceTimeMs: exp(8) }),
      cache('cache', { capacity: 50 }),
      service('db', { workers: 4, serviceTimeMs: { dist: 'lognormal', meanMs: 5, cv: 1 } }),
    ],
    edges: [
      edge('c', 'lb', { id: 'c-lb', latencyMs: constant(1) }),
      edge('lb', 'api', { id: 'lb-api', timeoutMs: 200 }),
      edge('api', 'cache', { id: 'api-cache', latencyMs: exp(0.5) }),
      edge('cache', 'db', { id: 'cache-db', latencyMs: constant(2), timeoutMs: 100 }),
    ],
  });
}

describe('determinism', () => {
  it('same seed twice gives deep-equal snapshots and windows', () => {
    const a = sim(system()).runToEnd();
    const b = sim(system()).runToEnd();
    expect(a.result()).toEqual(b.result());
    expect(a.windows).toEqual(b.windows);
    expect(a.result().requests.total).toBeGreaterThan(15000);
  });
  it('a different seed gives different numbers', () => {
    expect(run(system(), { seed: 2 }).latencyMs).not.toEqual(run(system()).latencyMs);
  });
  it('running in many small steps equals one long run', () => {
    const story = sim(system());
    for (let t = 0; t < 60; t += 0.37) story.runFor(0.37);
    expect(story.runToEnd().result()).toEqual(run(system()));
  });
});

describe('faults: inject() at t equals the same fault in doc.faults', () => {
  const cases: Fault[] = [
    { atS: 20, forS: 10, kind: 'crash', target: 'api', replicas: 2 },
    { atS: 20, forS: 15, kind: 'slow', target: 'db', factor: 5 },
    { atS: 20, forS: 5, kind: 'spike', target: 'c', multiplier: 3 },
    { atS: 20, forS: 10, kind: 'latency', target: 'c-lb', addMs: 50 },
    { atS: 20, forS: 10, kind: 'loss', target: 'lb-api', probability: 0.2 },
    { atS: 20, forS: 10, kind: 'partition', target: 'cache-db' },
    { atS: 20, kind: 'flush', target: 'cache' },
  ];
  it.each(cases)('$kind', (fault) => {
    const scheduled = sim(system([fault])).runToEnd();
    const injected = sim(system()).runFor(20);
    injected.sim.inject(fault);
    injected.runToEnd();
    expect(injected.result()).toEqual(scheduled.result());
    // …and the fault changed the run.
    expect(scheduled.result()).not.toEqual(run(system()));
  });
  it('refuses a fault in the past', () => {
    const s = sim(system()).runFor(10);
    expect(() => s.sim.inject({ atS: 5, kind: 'crash', target: 'api' })).toThrow(/past/);
  });
});
