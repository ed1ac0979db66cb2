/**
 * Every refusal names the path and the value it read. One part is generated from the kinds'
 * own descriptions (each number, integer, choice and switch of every node kind, edge and fault
 * kind, given a value out of its range or of the wrong type); the other is a table of
 * structural mistakes (unknown kinds, ids, edges to nowhere, times, versions).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/model/load.ts';
import {
  EDGE_PARAMS,
  FAULT_KINDS,
  KIND_DESCRIPTIONS,
  NODE_TYPES,
  type ParamDescriptor,
} from '../../src/model/kinds/index.ts';
import type { NodeType } from '../../src/model/types.ts';

type Doc = Record<string, unknown>;

/** Wrong values for a field, by its control: out of range on both sides, and of the wrong type. */
function badValues(d: ParamDescriptor): unknown[] {
  switch (d.control) {
    case 'number':
    case 'integer':
      return [
        ...(d.max !== undefined ? [d.max + 1] : []),
        ...(d.min !== undefined ? [d.min - 1] : []),
        ...(d.control === 'integer' ? [(d.min ?? 0) + 0.5] : []),
        'seven',
      ];
    case 'select':
      return ['teleporter', 3];
    case 'boolean':
      return ['yes'];
    // Composite controls: their leaves are fields of their own, or the table below covers them.
    case 'arrival':
    case 'dist':
    case 'group':
    case 'json':
    case 'profile':
    case 'variant':
    case 'table': // tests/model/classTables.test.ts refuses bad rows
    case 'className':
    case 'backends':
      return [];
  }
}

/** Each leaf field with its dot path, groups flattened (a group starts from its defaults). */
function leaves(ds: readonly ParamDescriptor[], prefix = ''): Array<[string, ParamDescriptor]> {
  return ds.flatMap((d): Array<[string, ParamDescriptor]> => {
    if (d.control === 'group') return leaves(d.fields ?? [], `${prefix}${d.key}.`);
    return [[`${prefix}${d.key}`, d]];
  });
}

function setAt(root: Doc, dotted: string, value: unknown, groups: readonly ParamDescriptor[]) {
  const keys = dotted.split('.');
  let o = root;
  for (const [i, k] of keys.slice(0, -1).entries()) {
    const group = groups.find((g) => g.key === keys.slice(0, i + 1).join('.'));
    o[k] = { ...(group?.defaults ?? {}), ...((o[k] as Doc | undefined) ?? {}) };
    o = o[k] as Doc;
  }
  o[keys.at(-1)!] = value;
}

const base = (): Doc => ({
  version: 1,
  durationS: 60,
  nodes: [
    { id: 'c', type: 'client' },
    { id: 'api', type: 'service' },
    { id: 'db', type: 'database' },
  ],
  edges: [
    { id: 'e0', source: 'c', target: 'api' },
    { id: 'e1', source: 'api', target: 'db' },
  ],
  faults: [],
});

/** The refusal of `doc`; fails the test when it loads. */
function refusal(doc: Doc): string {
  const r = loadScenario(doc);
  if (r.ok) throw new Error(`loaded: ${JSON.stringify(doc).slice(0, 300)}`);
  return r.error;
}

interface Case {
  name: string;
  doc: Doc;
  path: string;
  value: string;
  /** The message ends with `, got VALUE` (every field refusal does). */
  got?: true;
}

function generated(): Case[] {
  const cases: Case[] = [];
  for (const [type, kind] of Object.entries(KIND_DESCRIPTIONS) as Array<
    [NodeType, { params: ParamDescriptor[] }]
  >) {
    for (const [key, d] of leaves(kind.params)) {
      for (const bad of badValues(d)) {
        const doc = base();
        const params: Doc = {};
        setAt(params, key, bad, kind.params);
        (doc.nodes as Doc[])[1] = { id: 'api', type, params };
        cases.push({
          name: `${type}.${key} = ${JSON.stringify(bad)}`,
          doc,
          path: `nodes[1].params.${key}`,
          value: JSON.stringify(bad),
          got: true,
        });
      }
    }
  }
  for (const [key, d] of leaves(EDGE_PARAMS)) {
    for (const bad of badValues(d)) {
      const doc = base();
      const edge: Doc = { id: 'e1', source: 'api', target: 'db' };
      setAt(edge, key, bad, EDGE_PARAMS);
      (doc.edges as Doc[])[1] = edge;
      cases.push({
        name: `edge.${key} = ${JSON.stringify(bad)}`,
        doc,
        path: `edges[1].${key}`,
        value: JSON.stringify(bad),
        got: true,
      });
    }
  }
  for (const [kind, f] of Object.entries(FAULT_KINDS)) {
    const target = f.target === 'node' ? (f.nodeTypes?.includes('database') ? 'db' : 'api') : 'e1';
    for (const [key, d] of leaves(f.fields)) {
      for (const bad of badValues(d)) {
        const doc = base();
        const fault: Doc = { atS: 1, kind, target };
        setAt(fault, key, bad, f.fields);
        doc.faults = [fault];
        cases.push({
          name: `fault ${kind}.${key} = ${JSON.stringify(bad)}`,
          doc,
          path: `faults[0].${key}`,
          value: JSON.stringify(bad),
          got: true,
        });
      }
    }
  }
  return cases;
}

const TABLE: Case[] = [
  {
    name: 'unknown node kind',
    doc: { ...base(), nodes: [{ id: 'x', type: 'teleporter' }] },
    path: 'nodes[0].type',
    value: '"teleporter"',
  },
  { name: 'a node that is a number', doc: { ...base(), nodes: [5] }, path: 'nodes[0]', value: '5' },
  {
    name: 'params that are a list',
    doc: { ...base(), nodes: [{ id: 'x', type: 'service', params: [1] }] },
    path: 'nodes[0].params',
    value: 'a list of 1 entry',
  },
  {
    name: 'an id with a space',
    doc: { ...base(), nodes: [{ id: 'a b', type: 'service' }] },
    path: 'nodes[0].id',
    value: '"a b"',
  },
  {
    name: 'a duplicate id',
    doc: {
      ...base(),
      nodes: [
        { id: 'a', type: 'service' },
        { id: 'a', type: 'cache' },
      ],
    },
    path: 'nodes[1].id',
    value: '"a"',
  },
  {
    name: 'an edge to nowhere',
    doc: { ...base(), edges: [{ id: 'e', source: 'c', target: 'ghost' }] },
    path: 'edges[0].target',
    value: '"ghost"',
  },
  {
    name: 'an unknown edge kind',
    doc: { ...base(), edges: [{ id: 'e', source: 'c', target: 'api', kind: 'rpc' }] },
    path: 'edges[0].kind',
    value: '"rpc"',
  },
  {
    name: 'a dist with an unknown family',
    doc: {
      ...base(),
      nodes: [{ id: 'x', type: 'service', params: { serviceTimeMs: { dist: 'pareto' } } }],
    },
    path: 'nodes[0].params.serviceTimeMs.dist',
    value: '"pareto"',
  },
  {
    name: 'a dist that is text',
    doc: { ...base(), nodes: [{ id: 'x', type: 'service', params: { serviceTimeMs: 'fast' } }] },
    path: 'nodes[0].params.serviceTimeMs',
    value: '"fast"',
  },
  {
    name: 'a negative constant dist',
    doc: { ...base(), nodes: [{ id: 'x', type: 'service', params: { serviceTimeMs: -4 } }] },
    path: 'nodes[0].params.serviceTimeMs.ms',
    value: '-4',
  },
  {
    name: 'an unknown fault kind',
    doc: { ...base(), faults: [{ atS: 1, kind: 'meteor', target: 'api' }] },
    path: 'faults[0].kind',
    value: '"meteor"',
  },
  {
    name: 'a fault on a missing node',
    doc: { ...base(), faults: [{ atS: 1, kind: 'crash', target: 'ghost' }] },
    path: 'faults[0].target',
    value: '"ghost"',
  },
  { name: 'warm-up past the end', doc: { ...base(), warmupS: 90 }, path: 'warmupS', value: '90' },
  { name: 'a seed out of range', doc: { ...base(), seed: -1 }, path: 'seed', value: '-1' },
  { name: 'a name that is a number', doc: { ...base(), name: 7 }, path: 'name', value: '7' },
  { name: 'nodes that are an object', doc: { ...base(), nodes: {} }, path: 'nodes', value: '{}' },
  {
    name: 'a version that is text',
    doc: { ...base(), version: 'one' },
    path: 'version',
    value: '"one"',
  },
  { name: 'a newer version', doc: { ...base(), version: 9 }, path: 'version', value: '9' },
];

describe('every refusal names its path and the value it read', () => {
  const all = [...generated(), ...TABLE];

  it('covers every kind, edge and fault field (the table is not empty by accident)', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it.each(all.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const error = refusal(c.doc);
    expect(error.startsWith(`${c.path}: `), error).toBe(true);
    if (c.got) expect(error.endsWith(`, got ${c.value}`), error).toBe(true);
    else expect(error, error).toContain(c.value);
  });

  it('a document that is not an object says what it is', () => {
    expect(refusal([1, 2] as unknown as Doc)).toBe(
      'document: must be a JSON object with "version", "nodes", "edges" …, got a list of 2 entries',
    );
  });
});

describe('a misspelled kind is named with the nearest one', () => {
  it('"servise" → "service"', () => {
    const doc = { ...base(), nodes: [{ id: 'x', type: 'servise' }] };
    const error = refusal(doc);
    expect(error).toMatch(
      /^nodes\[0\]\.type: "servise" is not one of .*; did you mean "service"\?$/,
    );
    for (const t of NODE_TYPES) expect(error).toContain(`"${t}"`);
  });
});
