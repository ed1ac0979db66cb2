/** Replications: the availability figures are estimated per node over the seeds. */
import { expect, it } from 'vitest';
import { replicationSeeds, summariseReplications } from '../../../src/analysis/replications.ts';
import { client, edge, run, scenario, service } from '../harness.ts';

it('each seed’s availability feeds the node’s mean and its 95 % CI', () => {
  const doc = scenario({
    durationS: 36_000,
    nodes: [
      client('c', { arrival: { process: 'poisson', rps: 0.01 } }),
      service('api', { replicas: 2 }),
    ],
    edges: [edge('c', 'api')],
    faults: [{ kind: 'failures', target: 'api', atS: 0, mtbfS: 3600, mttrS: 600, minUp: 2 }],
  });
  const results = replicationSeeds(1, 6).map((seed) => run(doc, { seed, windowS: 3600 }));
  const a = results.map((r) => r.nodes.api!.availability as number);
  const s = summariseReplications(results).nodes.api!.figures;
  expect(s.availability!.n).toBe(6);
  expect(s.availability!.mean).toBeCloseTo(a.reduce((x, y) => x + y) / 6, 9);
  expect(s.availability!.halfWidth).toBeGreaterThan(0);
  expect(Object.keys(s).sort()).toEqual(
    ['availability', 'downtimeMinPerMonth', 'incidents', 'nines'].sort(),
  );
  // A node without random failures reports none of them.
  expect(summariseReplications(results).nodes.c!.figures).toEqual({});
});
