/**
 * An action taken while the run goes on (`act()` at its time) and the same action written in
 * the document give the same run, to the last digit: the worker's live edits and a Reset or a
 * headless run agree.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import type { Action, Scenario } from '../../../src/model/types.ts';
import { balancer, client, database, edge, exp, scenario, service } from '../harness.ts';

function design(actions?: Action[]): Scenario {
  return scenario({
    durationS: 60,
    warmupS: 5,
    nodes: [
      client('c', { arrival: { process: 'poisson', rps: 300 } }),
      balancer('lb', { strategy: 'roundRobin' }),
      service('api', { replicas: 3, workers: 2, serviceTimeMs: exp(8) }),
      database('db', { connections: 4 }),
    ],
    edges: [
      edge('c', 'lb', { id: 'c-lb' }),
      edge('lb', 'api', { id: 'lb-api' }),
      edge('api', 'db', {
        id: 'api-db',
        circuitBreaker: {
          failureRatio: 0.5,
          minRequests: 20,
          openMs: 2000,
          windowMs: 5000,
          halfOpenRequests: 1,
        },
      }),
    ],
    ...(actions && { actions }),
  });
}

const ACTIONS: Action[] = [
  { atS: 8, target: 'c', set: { 'arrival.rps': 450 } },
  { atS: 12.5, target: 'api', set: { workers: 4, serviceTimeMs: exp(6) } },
  { atS: 15, target: 'lb', set: { strategy: 'leastConnections' } },
  {
    atS: 20,
    target: 'api-db',
    set: { timeoutMs: 30, retry: { max: 1, backoffMs: 5, multiplier: 2, jitter: true } },
  },
  { atS: 25, target: 'db', set: { connections: 2, readTimeMs: exp(9) } },
  { atS: 30, target: 'api-db', op: 'openBreaker' },
  { atS: 33, target: 'api-db', op: 'closeBreaker' },
  { atS: 36, target: 'api', op: 'drain', replica: 1 },
  { atS: 40, target: 'api', set: { replicas: 2 } },
  { atS: 45, target: 'c', set: { 'arrival.rps': 200 } },
];

function headless(doc: Scenario) {
  const sim = createSimulation(doc);
  sim.runUntil(Infinity);
  return { result: { ...sim.snapshot(), wallMs: 0 }, windows: sim.drainWindows() };
}

function live(doc: Scenario, actions: Action[]) {
  const sim = createSimulation(doc);
  const windows = [];
  for (const a of actions) {
    sim.runUntil(a.atS);
    windows.push(...sim.drainWindows());
    expect(sim.act(a)).toBe(true);
  }
  sim.runUntil(Infinity);
  windows.push(...sim.drainWindows());
  return { result: { ...sim.snapshot(), wallMs: 0 }, windows };
}

describe('actions replay', () => {
  it('live actions and the same actions in the document give identical runs', () => {
    const written = headless(design(ACTIONS));
    const taken = live(design(), ACTIONS);
    expect(taken.result).toEqual(written.result);
    expect(taken.windows).toEqual(written.windows);
    // The actions did something: the run differs from the one without them.
    expect(headless(design()).result).not.toEqual(written.result);
  });

  it('refuses live a scale-up past the slots the engine was built with', () => {
    const sim = createSimulation(design());
    sim.runUntil(5);
    expect(sim.act({ atS: 5, target: 'api', set: { replicas: 5 } })).toBe(false);
    expect(() => sim.act({ atS: 4, target: 'api', set: { replicas: 1 } })).toThrow(/in the past/);
  });

  it('a scale-up written in the document serves from its time', () => {
    const doc = design([{ atS: 10, target: 'api', set: { replicas: 5 } }]);
    const sim = createSimulation(doc);
    sim.runUntil(20);
    const w = sim.drainWindows();
    expect(w[8]!.nodes['api']!.replicas).toBe(3);
    expect(w[12]!.nodes['api']!.replicas).toBe(5);
  });
});
