import { FAULT_KIND_NAMES, FAULT_TARGETS } from '../../src/model/kinds/faultDefaults.ts';
import { describe, expect, it } from 'vitest';
import {
  EDGE_PARAMS,
  FAULT_KINDS,
  KIND_DESCRIPTIONS,
  NODE_TYPES,
  defaultParams,
} from '../../src/model/kinds/index.ts';
import { validateParams } from '../../src/model/validateParams.ts';
import type { NodeType } from '../../src/model/types.ts';
import { loadScenario } from '../../src/model/load.ts';

/** An edge field as the loader reads it (defaults filled), on a minimal two-node document. */
function loadScenarioEdgeField(key: string, value: unknown): unknown {
  const r = loadScenario({
    version: 1,
    name: 'edge',
    nodes: [
      { id: 'a', type: 'client', label: 'a', position: { x: 0, y: 0 }, params: {} },
      { id: 'b', type: 'service', label: 'b', position: { x: 0, y: 0 }, params: {} },
    ],
    edges: [{ id: 'e', source: 'a', target: 'b', [key]: value }],
  });
  return r.ok ? at(r.scenario.edges[0], key) : r.error;
}

/** The value at a dot path, or undefined. */
function at(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );
}

describe('kind descriptions', () => {
  it('list every node type once, in palette order, with a label and an icon', () => {
    expect([...NODE_TYPES].sort()).toEqual(Object.keys(KIND_DESCRIPTIONS).sort());
    for (const t of NODE_TYPES) {
      const d = KIND_DESCRIPTIONS[t];
      expect(d.type).toBe(t);
      expect(d.label.length).toBeGreaterThan(0);
      expect(d.icon.length).toBeGreaterThan(0);
      expect(d.summary.length).toBeGreaterThan(10);
    }
    expect(NODE_TYPES.map((t) => KIND_DESCRIPTIONS[t].label)).toContain('Load balancer');
  });

  it('defaults are valid params that the loader fills to themselves', () => {
    for (const t of NODE_TYPES) {
      const r = validateParams(t, defaultParams(t));
      expect(r.ok && r.params).toEqual(defaultParams(t));
      const empty = validateParams(t, {});
      expect(empty.ok && empty.params).toEqual(defaultParams(t));
    }
  });

  it('every described field exists in the defaults, or is optional', () => {
    for (const t of NODE_TYPES) {
      for (const p of KIND_DESCRIPTIONS[t].params) {
        if (!p.optional) expect(at(defaultParams(t), p.key), `${t}.${p.key}`).not.toBeUndefined();
      }
    }
  });

  it("a select's options are exactly what the schema accepts", () => {
    for (const t of NODE_TYPES) {
      for (const p of KIND_DESCRIPTIONS[t].params.filter((d) => d.control === 'select')) {
        for (const option of p.options ?? []) {
          const r = validateParams(t, { [p.key]: option });
          expect(r.ok, `${t}.${p.key} = ${option}`).toBe(true);
        }
        const bad = validateParams(t, { [p.key]: 'not-an-option' });
        expect(bad.ok ? '' : bad.error).toMatch(new RegExp(`^${p.key}: must be one of`));
      }
    }
  });

  it('numeric fields reject values past their described limits', () => {
    const cases: Array<[NodeType, string, number]> = [
      ['service', 'workers', 10_001],
      ['service', 'replicas', 0],
      ['database', 'connections', 0],
      ['queue', 'priorities', 11],
      ['rateLimiter', 'burst', 0],
      ['shardRouter', 'virtualNodes', 0],
    ];
    for (const [t, key, value] of cases) {
      const d = KIND_DESCRIPTIONS[t].params.find((p) => p.key === key);
      expect(
        d && ((d.max !== undefined && value > d.max) || (d.min !== undefined && value < d.min)),
      ).toBe(true);
      const r = validateParams(t, { [key]: value });
      expect(r.ok ? '' : r.error).toMatch(new RegExp(`^${key}: must be an integer from`));
    }
  });

  it('validateParams names the nested path relative to params', () => {
    const r = validateParams('service', { autoscale: { min: 3, max: 2 } });
    expect(r).toEqual({
      ok: false,
      error: 'autoscale.max: must not be below min, got 2',
      path: 'autoscale.max',
    });
  });

  it("a group's defaults and each variant case's are what the loader fills, and describe every field", () => {
    let groups = 0;
    for (const t of NODE_TYPES) {
      for (const p of KIND_DESCRIPTIONS[t].params) {
        const cases =
          p.control === 'group'
            ? [{ defaults: p.defaults ?? {}, fields: p.fields ?? [] }]
            : (p.variant?.cases ?? []);
        for (const c of cases) {
          groups++;
          const r = validateParams(t, { [p.key]: c.defaults });
          expect(r.ok ? at(r.params, p.key) : r.error, `${t}.${p.key}`).toEqual(c.defaults);
          for (const f of c.fields) {
            if (!f.optional) expect(c.defaults[f.key], `${t}.${p.key}.${f.key}`).toBeDefined();
          }
          // Every key the model fills is editable.
          const keys = c.fields.map((f) => f.key).concat(p.variant ? [p.variant.key] : []);
          expect(Object.keys(c.defaults).sort()).toEqual(
            keys.filter((k) => c.defaults[k] !== undefined).sort(),
          );
        }
      }
    }
    for (const p of EDGE_PARAMS.filter((d) => d.control === 'group')) {
      groups++;
      const r = loadScenarioEdgeField(p.key, p.defaults ?? {});
      expect(r, p.key).toEqual(p.defaults);
    }
    // retry, breaker, health check, outliers, failover, 3 autoscale modes, on services and
    // databases a load dependence and a queue discipline, a service's batches and concurrency
    // limit, a queue's request-reply, a client's scheduled jobs, and an edge's bulkhead
    expect(groups).toBe(17);
    const json = [...NODE_TYPES.flatMap((t) => KIND_DESCRIPTIONS[t].params), ...EDGE_PARAMS];
    // Every field has a control of its own: none is edited as JSON text.
    expect(json.filter((d) => d.control === 'json').map((d) => d.key)).toEqual([]);
  });

  it('edge params and fault kinds are described', () => {
    expect(EDGE_PARAMS.map((p) => p.key)).toEqual([
      'latencyMs',
      'weight',
      'kind',
      'timeoutMs',
      'retry',
      'circuitBreaker',
      'bulkhead',
      'fallback',
    ]);
    // One list of fault kinds: the descriptions follow it, in its order.
    expect(Object.keys(FAULT_KINDS)).toEqual(FAULT_KIND_NAMES);
    expect(FAULT_KIND_NAMES).toEqual([
      'crash',
      'slow',
      'cpu',
      'error',
      'pause',
      'partition',
      'loss',
      'latency',
      'flush',
      'spike',
      'lag',
      'failures',
      'regionDown',
      'regionPartition',
    ]);
    for (const kind of FAULT_KIND_NAMES) expect(FAULT_KINDS[kind].target).toBe(FAULT_TARGETS[kind]);
    expect(FAULT_KINDS.lag.edgeKinds).toEqual(['replication']);
    expect(FAULT_KINDS.flush.nodeTypes).toEqual(['cache']);
  });
});
