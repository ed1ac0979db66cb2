/**
 * Two classes at 30 rps each (poisson), one server of 10 ms exponential service: the M/M/1 of
 * ρ = 0.6 split by priority (class `high` first), for the checks against Cobham's formulas.
 */
import type { Scenario } from '../../../src/model/types.ts';
import { client, edge, exp, scenario, service } from '../harness.ts';

export function twoClasses(
  priority: 'nonPreemptive' | 'preemptiveResume',
  seed: number,
  durationS: number,
): Scenario {
  return scenario({
    seed,
    durationS,
    warmupS: 50,
    nodes: [
      client('c', {
        arrival: { process: 'poisson', rps: 60 },
        classes: [
          { name: 'high', share: 1, priority: 0 },
          { name: 'low', share: 1, priority: 1 },
        ],
      }),
      service('s', { serviceTimeMs: exp(10), priority }),
    ],
    edges: [edge('c', 's')],
  });
}
