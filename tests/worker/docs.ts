// Small documents for the worker tests, already in loaded form.
import type { Scenario } from '../../src/model/types.ts';

export function smallDoc(overrides: Partial<Scenario> = {}): Scenario {
  return {
    version: 1,
    name: 'small',
    description: '',
    seed: 7,
    durationS: 20,
    warmupS: 2,
    nodes: [
      {
        id: 'users',
        type: 'client',
        label: 'Users',
        position: { x: 0, y: 0 },
        params: {
          arrival: { process: 'poisson', rps: 50 },
          profile: [],
          writeRatio: 0,
          keys: { count: 100, zipf: 0 },
          sources: 10,
        },
      },
      {
        id: 'api',
        type: 'service',
        label: 'API',
        position: { x: 200, y: 0 },
        params: {
          replicas: 2,
          workers: 2,
          serviceTimeMs: { dist: 'exponential', meanMs: 10 },
          blocking: true,
          calls: 'sequential',
        },
      },
    ],
    edges: [
      {
        id: 'e1',
        source: 'users',
        target: 'api',
        latencyMs: { dist: 'constant', ms: 1 },
        weight: 1,
        kind: 'call',
      },
    ],
    faults: [],
    ...overrides,
  };
}
