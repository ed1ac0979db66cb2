/** Compare runs A and B on the same seeded traffic: identical arrivals at the clients. */
import { describe, expect, it } from 'vitest';
import { runCompare } from '../../src/analysis/compare.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { design } from './helpers.ts';

describe('compare on the real engine', () => {
  it('compare gives A and B identical arrivals when only a downstream service differs', () => {
    const a = design(
      [
        { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 400 } } },
        { id: 'lb', type: 'loadBalancer', params: { strategy: 'random' } },
        { id: 'api', type: 'service', params: { replicas: 2, workers: 4 } },
        {
          id: 'db',
          type: 'service',
          params: { workers: 4, serviceTimeMs: { dist: 'exponential', meanMs: 5 } },
        },
      ],
      [
        ['c', 'lb'],
        ['lb', 'api'],
        ['api', 'db'],
      ],
      { durationS: 30, warmupS: 0 },
    );
    const b = structuredClone(a);
    const db = b.nodes.find((n) => n.id === 'db');
    if (db?.type === 'service') db.params.serviceTimeMs = { dist: 'lognormal', meanMs: 3, cv: 2 };
    const ra = runToEnd(a, { seed: 9 });
    const rb = runToEnd(b, { seed: 9 });
    expect(rb.nodes.c?.arrivals).toBe(ra.nodes.c?.arrivals);
    expect(rb.nodes.lb?.arrivals).toBe(ra.nodes.lb?.arrivals);
    // A different seed is different traffic: the check above can fail.
    expect(runToEnd(a, { seed: 10 }).nodes.c?.arrivals).not.toBe(ra.nodes.c?.arrivals);
    expect(rb.latencyMs.mean).not.toBe(ra.latencyMs.mean); // the change did change the run
    const cmp = runCompare(a, b, runToEnd, { seed: 9 });
    expect(cmp.seed.same).toBe(true);
    expect(cmp.meanMs.delta).toBeLessThan(0);
  });
});
