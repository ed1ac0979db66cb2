import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioOrThrow } from '../../src/model/load.ts';
import { serializeScenario } from '../../src/model/serialize.ts';
import type { ScenarioNode } from '../../src/model/types.ts';
import { CONTRACT_TOP_LEVEL, contractDocument, tinyDocument } from './fixtures.ts';

const node = (doc: unknown, id: string): ScenarioNode => {
  const n = loadScenarioOrThrow(doc).nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};

describe('loadScenario: the contract documents load', () => {
  it('reads the top-level example of SCENARIO.md from its JSON text', () => {
    const r = loadScenario(CONTRACT_TOP_LEVEL);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario).toMatchObject({ name: 'Read replicas under a primary failure', seed: 42 });
    expect(r.scenario.durationS).toBe(300);
    expect(r.scenario.warmupS).toBe(30);
    expect(r.warnings).toEqual([]);
  });

  it('reads a document built from every node, edge and fault example of the contract', () => {
    const r = loadScenario(contractDocument());
    if (!r.ok) throw new Error(r.error);
    expect(r.scenario.nodes).toHaveLength(6);
    expect(r.scenario.faults).toHaveLength(8);
    expect(r.warnings).toEqual([]);
  });
});

describe('loadScenario: defaults', () => {
  it('fills the top level', () => {
    const s = loadScenarioOrThrow({ version: 1 });
    expect(s).toEqual({
      version: 1,
      name: 'Untitled scenario',
      description: '',
      seed: 42,
      durationS: 60,
      warmupS: 0,
      nodes: [],
      edges: [],
      faults: [],
    });
  });

  it('fills a client as the contract says', () => {
    expect(node(tinyDocument(), 'c')).toEqual({
      id: 'c',
      type: 'client',
      label: 'c',
      position: { x: 0, y: 0 },
      params: {
        arrival: { process: 'poisson', rps: 10 },
        profile: [],
        writeRatio: 0,
        keys: { count: 1000, zipf: 0 },
        sources: 100,
      },
    });
  });

  it('fills a service as the contract says, leaving queueCapacity and autoscale absent', () => {
    const p = node(tinyDocument(), 'api').params;
    expect(p).toEqual({
      replicas: 1,
      size: 'small',
      workers: 1,
      serviceTimeMs: { dist: 'exponential', meanMs: 10 },
      blocking: true,
      calls: 'sequential',
    });
    expect('queueCapacity' in p).toBe(false);
  });

  it('fills a load balancer and a cache', () => {
    const s = loadScenarioOrThrow({
      version: 1,
      nodes: [
        { id: 'lb', type: 'loadBalancer' },
        { id: 'k', type: 'cache', params: { capacity: 5 } },
      ],
    });
    expect(s.nodes[0]?.params).toEqual({ strategy: 'roundRobin', layer: 'l7', overheadMs: 0 });
    expect(s.nodes[1]?.params).toEqual({
      capacity: 5,
      entryKb: 1,
      eviction: 'lru',
      hitMs: { dist: 'constant', ms: 1 },
      strategy: 'readThrough',
      warm: false,
      writeBehindFlushMs: 1000,
      refreshAheadRatio: 0.2,
    });
  });

  it('fills edges: latency constant 0, weight 1, kind call, no policies', () => {
    const s = loadScenarioOrThrow(tinyDocument());
    expect(s.edges[0]).toEqual({
      id: 'e1',
      source: 'c',
      target: 'api',
      latencyMs: { dist: 'constant', ms: 0 },
      weight: 1,
      kind: 'call',
    });
  });

  it('reads a bare number as a constant distribution, anywhere a Dist goes', () => {
    const s = loadScenarioOrThrow(contractDocument());
    expect(s.edges.find((e) => e.id === 'e2')?.latencyMs).toEqual({ dist: 'constant', ms: 0.5 });
    expect(s.edges.find((e) => e.id === 'rep')?.latencyMs).toEqual({ dist: 'constant', ms: 50 });
    const api = node(
      {
        ...tinyDocument(),
        nodes: [{ id: 'api', type: 'service', params: { serviceTimeMs: 7 } }],
        edges: [],
      },
      'api',
    );
    expect(api.type === 'service' && api.params.serviceTimeMs).toEqual({ dist: 'constant', ms: 7 });
  });

  it('reads the contract autoscale example (no mode) as reactive with a cooldown default', () => {
    const api = node(contractDocument(), 'api');
    expect(api.type === 'service' && api.params.autoscale).toEqual({
      mode: 'reactive',
      min: 1,
      max: 10,
      targetUtilization: 0.7,
      intervalS: 10,
      startupS: 20,
      cooldownS: 30,
    });
  });

  it('completes the contract retry and breaker examples and partial policies', () => {
    const e1 = loadScenarioOrThrow(contractDocument()).edges.find((e) => e.id === 'e1');
    expect(e1?.retry).toEqual({ max: 2, backoffMs: 50, multiplier: 2, jitter: true });
    expect(e1?.circuitBreaker).toEqual({
      failureRatio: 0.5,
      minRequests: 20,
      openMs: 5000,
      windowMs: 10000,
      halfOpenRequests: 1,
    });
    const doc = tinyDocument();
    (doc['edges'] as Array<Record<string, unknown>>)[0]!['retry'] = { max: 4 };
    expect(loadScenarioOrThrow(doc).edges[0]?.retry).toEqual({
      max: 4,
      backoffMs: 50,
      multiplier: 2,
      jitter: true,
    });
  });

  it('fills the fault fields each kind needs', () => {
    const s = loadScenarioOrThrow({
      ...contractDocument(),
      faults: [
        { atS: 1, kind: 'slow', target: 'db' },
        { atS: 1, kind: 'lag', target: 'rep' },
        { atS: 1, kind: 'spike', target: 'users' },
      ],
    });
    expect(s.faults).toEqual([
      { atS: 1, kind: 'slow', target: 'db', factor: 5 },
      { atS: 1, kind: 'lag', target: 'rep', addMs: 2000 },
      { atS: 1, kind: 'spike', target: 'users', multiplier: 5 },
    ]);
  });

  it('drops unknown fields with a warning naming them', () => {
    const doc: Record<string, unknown> = { ...tinyDocument(), extra: true };
    (doc['nodes'] as Array<Record<string, unknown>>)[1]!['params'] = { wrkers: 4 };
    const r = loadScenario(doc);
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toContain('document: unknown field "extra" ignored');
    expect(r.warnings).toContain(
      'nodes[1].params: unknown field "wrkers" ignored (did you mean "workers"?)',
    );
    expect(r.scenario.nodes[1]?.params).not.toHaveProperty('wrkers');
  });

  it('serializes stably: the same text after a reload, with the well-known keys first', () => {
    const s = loadScenarioOrThrow(contractDocument());
    const text = serializeScenario(s);
    expect(serializeScenario(loadScenarioOrThrow(text))).toBe(text);
    expect(text.startsWith('{\n  "version": 1,\n  "name": "Contract examples"')).toBe(true);
    expect(loadScenarioOrThrow(text)).toEqual(s);
  });
});
