import { describe, expect, it } from 'vitest';
import { liveSet, OPERATOR_OPS } from '../../src/model/actions.ts';
import { KIND_DESCRIPTIONS, NODE_TYPES } from '../../src/model/kinds/index.ts';
import { loadScenario } from '../../src/model/load.ts';
import type { ScenarioNode } from '../../src/model/types.ts';
import { serializeScenarioCompact } from '../../src/model/serialize.ts';
import { decodeShareLink, encodeShareLink } from '../../src/model/shareLink.ts';

const base = {
  version: 1,
  durationS: 60,
  nodes: [
    { id: 'users', type: 'client', params: { arrival: { process: 'poisson', rps: 50 } } },
    { id: 'api', type: 'service', params: { replicas: 2 } },
    { id: 'db', type: 'database' },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'api', circuitBreaker: {} },
    { id: 'e2', source: 'api', target: 'db' },
  ],
};

function load(actions: unknown) {
  return loadScenario({ ...base, actions });
}

describe('actions in the document', () => {
  it('loads param edits and operator actions as written', () => {
    const actions = [
      { atS: 10, target: 'users', set: { 'arrival.rps': 90 } },
      { atS: 20, target: 'api', set: { replicas: 4, queueCapacity: null } },
      { atS: 25, target: 'e2', set: { timeoutMs: 200, retry: {} } },
      { atS: 30, target: 'api', op: 'drain', replica: 1 },
      { atS: 40, target: 'e1', op: 'openBreaker' },
    ];
    const r = load(actions);
    expect(r.ok && r.scenario.actions).toEqual(actions);
  });

  it('leaves a document without actions as it was', () => {
    const r = loadScenario(base);
    expect(r.ok && 'actions' in r.scenario).toBe(false);
  });

  it.each([
    [
      [{ atS: 5, target: 'nope', set: { replicas: 2 } }],
      'actions[0].target: no node or edge has the id "nope"',
    ],
    [
      [{ atS: 5, target: 'api', set: { calls: 'parallel' } }],
      'actions[0].set.calls: "calls" cannot change while a run goes on (a service takes replicas, size, workers, serviceTimeMs, queueCapacity, blocking, shedQueueLength, loadDependence, discipline, concurrencyLimit live)',
    ],
    [
      [{ atS: 5, target: 'users', set: { 'arrival.rps': -3 } }],
      'actions[0].set["arrival.rps"]: must be a number above 0 and at most 10000000 rps, got -3',
    ],
    [
      [{ atS: 5, target: 'api', set: { workers: 0 } }],
      'actions[0].set.workers: must be an integer from 1 to 10000, got 0',
    ],
    [
      [{ atS: -1, target: 'api', set: { workers: 2 } }],
      'actions[0].atS: must be a number from 0 to 604800 s, got -1',
    ],
    [
      [{ atS: 1, target: 'api' }],
      'actions[0]: must have either "set" (a param edit) or "op" (an operator action), got {"atS":1,"target":"api"}',
    ],
    [[{ atS: 1, target: 'api', set: {} }], 'actions[0].set: must name at least one param, got {}'],
    [
      [{ atS: 1, target: 'e2', op: 'openBreaker' }],
      'actions[0].target: the edge "e2" has no circuit breaker to open',
    ],
    [
      [{ atS: 1, target: 'db', op: 'drain' }],
      'actions[0].target: "drain" applies to service, not to database "db"',
    ],
    [
      [{ atS: 1, target: 'db', op: 'promote' }],
      'actions[0].target: "db" is not a replica (no replication edge leads to it)',
    ],
    [
      [{ atS: 1, target: 'api', op: 'reboot' }],
      'actions[0].op: must be one of "drain", "promote", "openBreaker", "closeBreaker", got "reboot"',
    ],
  ])('refuses %j', (actions, message) => {
    const r = load(actions);
    expect(r.ok ? 'loaded' : r.error).toBe(message);
  });

  it('warns of an action at or after the end of the run', () => {
    const r = load([{ atS: 60, target: 'api', set: { workers: 2 } }]);
    expect(r.ok && r.warnings).toEqual([
      'actions[0].atS: 60 s is not before the end of the run (60 s); it never happens',
    ]);
  });

  it('round-trips through a share link', () => {
    const r = load([{ atS: 10, target: 'users', set: { 'arrival.rps': 90 } }]);
    if (!r.ok) throw new Error(r.error);
    const link = encodeShareLink(r.scenario);
    const back = decodeShareLink(link);
    expect(back.ok && serializeScenarioCompact(back.scenario)).toBe(
      serializeScenarioCompact(r.scenario),
    );
  });
});

describe('liveSet: what an inspector edit means while running', () => {
  const r = loadScenario(base);
  if (!r.ok) throw new Error(r.error);
  const [users, api] = r.scenario.nodes as [ScenarioNode, ScenarioNode];

  it('is the changed live params, as a set', () => {
    const next = { ...users.params, arrival: { process: 'poisson', rps: 90 } };
    expect(liveSet(users, users.params, next)).toEqual({ 'arrival.rps': 90 });
    const fewer = { ...api.params, queueCapacity: 5, workers: 3 };
    expect(liveSet(api, api.params, fewer)).toEqual({ workers: 3, queueCapacity: 5 });
  });

  it('is null when a param that is not live changed too, or nothing did', () => {
    const closed = { ...users.params, arrival: { process: 'closed', users: 5, thinkMs: 100 } };
    expect(liveSet(users, users.params, closed)).toBeNull();
    expect(liveSet(api, api.params, { ...api.params, calls: 'parallel', workers: 2 })).toBeNull();
    expect(liveSet(api, api.params, api.params)).toBeNull();
  });
});

describe('operator actions', () => {
  it('apply to the node kinds whose descriptions take them', () => {
    for (const d of Object.values(OPERATOR_OPS)) {
      if (d.target !== 'node') continue;
      const takes = NODE_TYPES.filter((t) =>
        (KIND_DESCRIPTIONS[t].ops as readonly string[] | undefined)?.includes(d.op),
      );
      expect(d.nodeTypes, d.op).toEqual(takes);
    }
    expect(OPERATOR_OPS.drain.nodeTypes).toEqual(['service']);
    expect(OPERATOR_OPS.promote.nodeTypes).toEqual(['database']);
  });
});
