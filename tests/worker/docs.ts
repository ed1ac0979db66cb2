// Small documents for the worker tests, already in loaded form.
import { client, constant, edge, scenario, service } from '../fixtures/docs.ts';
import type { Scenario } from '../../src/model/types.ts';
import { layoutFor } from '../../src/worker/frame.ts';

/** The worker's answer to a document it loaded (run 1, no warnings), for stand-in workers. */
export function loadedAnswer(doc: Scenario) {
  return {
    ok: true as const,
    runId: 1,
    layout: layoutFor(doc),
    durationS: doc.durationS,
    warmupS: doc.warmupS,
    windowS: 1,
    warnings: [] as string[],
  };
}

/** Users (50 rps Poisson) → API (2 replicas × 2 workers, 10 ms exponential), 20 s, seed 7. */
export function smallDoc(overrides: Partial<Scenario> = {}): Scenario {
  return scenario({
    name: 'small',
    seed: 7,
    durationS: 20,
    warmupS: 2,
    nodes: [
      {
        ...client('users', {
          arrival: { process: 'poisson', rps: 50 },
          keys: { count: 100, zipf: 0 },
          sources: 10,
        }),
        label: 'Users',
      },
      { ...service('api', { replicas: 2, workers: 2 }), label: 'API', position: { x: 200, y: 0 } },
    ],
    edges: [edge('users', 'api', { id: 'e1', latencyMs: constant(1) })],
    ...overrides,
  });
}
