/**
 * No value of any param silently makes a node refuse all work (as `shedQueueLength: 0` once
 * did: every request shed with idle workers). For every kind, every number param (inside its
 * groups too) and every edge param is set, in turn, to its lowest allowed value (just above it
 * when the bound is exclusive) and, for a share, to 1; a light load through the node must still be
 * served. The values that are meant to stop all work say so below, with the reason.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { loadScenario } from '../../../src/model/load.ts';
import {
  EDGE_PARAMS,
  KIND_DESCRIPTIONS,
  NODE_TYPES,
  type ParamDescriptor,
} from '../../../src/model/kinds/index.ts';

/** Values that stop the work because that is what they ask for. */
const MEANT: Record<string, string> = {
  'edge timeoutMs=0.001':
    'a timeout far shorter than any answer fails every call: the timeout lesson, not a trap',
  'queue reply.timeoutMs=0.001':
    'a reply timeout far shorter than any reply fails every request: the timeout lesson again',
  'rateLimiter rps=0.001':
    'a limit of one request every 1,000 s lets the burst through, then nothing',
};

/** A light load through a node of `type`, on the edge into it, and to what is behind it. */
function docFor(type: string, params: object, edge: object) {
  const behind = type !== 'client' && type !== 'database';
  const nodes: object[] = [
    { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 50 } } },
    { id: 'x', type, params },
  ];
  const edges: object[] = [{ id: 'cx', source: 'c', target: 'x', ...edge }];
  if (type === 'client') {
    nodes.splice(0, 2, { id: 'c', type: 'client', params }, { id: 'x', type: 'database' });
  }
  if (behind) {
    // A queue's and a stream's consumers are services; anything else calls a database.
    const consumer = type === 'queue' || type === 'stream';
    nodes.push({ id: 'db', type: consumer ? 'service' : 'database' });
    edges.push({ id: 'xd', source: 'x', target: 'db' });
  }
  return { version: 1, name: 'audit', durationS: 20, nodes, edges };
}

interface Probe {
  path: string;
  value: number;
  /** The groups and variant cases around the field, switched on with their defaults. */
  around: Array<[string, Record<string, unknown>]>;
}

/** The lowest value of each number field (and 1 for a share), with its dot path. */
function probes(
  list: readonly ParamDescriptor[],
  prefix = '',
  around: Probe['around'] = [],
): Probe[] {
  return list.flatMap((d): Probe[] => {
    const path = prefix + d.key;
    if (d.control === 'group' && d.fields) {
      return probes(d.fields, `${path}.`, [...around, [path, d.defaults ?? {}]]);
    }
    if (d.control === 'variant' && d.variant) {
      return d.variant.cases.flatMap((c) =>
        probes(c.fields, `${path}.`, [...around, [path, c.defaults]]),
      );
    }
    if ((d.control !== 'number' && d.control !== 'integer') || d.min === undefined) return [];
    const low = d.minExclusive ? d.min + 0.001 : d.min;
    const out = [{ path, value: low, around }];
    if (d.max === 1) out.push({ path, value: 1, around });
    return out;
  });
}

/** Params with the probe's value at its path, inside its groups' defaults. */
function withValue({ path, value, around }: Probe): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (at: string, v: unknown) => {
    const keys = at.split('.');
    let o = out;
    for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[keys[keys.length - 1]!] = v;
  };
  for (const [at, defaults] of around) put(at, structuredClone(defaults));
  put(path, value);
  return out;
}

function served(doc: unknown): { ok: number; total: number; error?: string } {
  const loaded = loadScenario(doc);
  if (!loaded.ok) return { ok: 0, total: 0, error: loaded.error };
  const sim = createSimulation(loaded.scenario);
  sim.runUntil(Infinity);
  const r = sim.snapshot();
  return { ok: r.requests.ok, total: r.requests.total };
}

const cases: Array<[string, () => unknown]> = [];
for (const type of NODE_TYPES) {
  const list = KIND_DESCRIPTIONS[type].params;
  for (const probe of probes(list)) {
    // A variant's case is named by its mode (autoscale's reactive, scheduled, predictive).
    const mode = probe.around.map(([, d]) => d['mode']).filter((m) => typeof m === 'string');
    const name = `${type} ${[...mode, probe.path].join(' ')}=${probe.value}`;
    cases.push([name, () => docFor(type, withValue(probe), {})]);
  }
}
for (const probe of probes(EDGE_PARAMS)) {
  cases.push([`edge ${probe.path}=${probe.value}`, () => docFor('service', {}, withValue(probe))]);
}

describe('no param value silently refuses all work', () => {
  it('covers every kind and the edges', () => {
    for (const type of NODE_TYPES) expect(cases.some(([n]) => n.startsWith(`${type} `))).toBe(true);
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)('%s', (name, doc) => {
    const r = served(doc());
    expect(r.error, 'a value the loader allows loads').toBeUndefined();
    if (MEANT[name]) expect(r.ok, MEANT[name]).toBeLessThan(0.05 * r.total);
    else expect(r.ok, `${name}: ${r.ok} of ${r.total} served`).toBeGreaterThan(0.5 * r.total);
  });
});
