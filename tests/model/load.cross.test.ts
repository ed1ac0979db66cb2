import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/model/load.ts';
import { contractDocument, tinyDocument } from './fixtures.ts';

type Doc = Record<string, unknown>;
const edgesOf = (d: Doc) => d['edges'] as Doc[];
const nodesOf = (d: Doc) => d['nodes'] as Doc[];

function load(doc: Doc) {
  const r = loadScenario(doc);
  return r.ok
    ? { ok: true as const, warnings: r.warnings }
    : { ok: false as const, error: r.error, path: r.path };
}

function errorOf(doc: Doc): string {
  const r = load(doc);
  if (r.ok) throw new Error('expected the document to be refused');
  return r.error;
}

describe('loadScenario: checks across fields', () => {
  it('refuses a duplicate id among nodes, and between a node and an edge', () => {
    const d = tinyDocument();
    nodesOf(d).push({ id: 'api', type: 'service' });
    expect(errorOf(d)).toBe('nodes[2].id: duplicate id "api" (already used by nodes[1])');
    const e = tinyDocument();
    edgesOf(e)[0]!['id'] = 'api';
    expect(errorOf(e)).toBe('edges[0].id: duplicate id "api" (already used by nodes[1])');
  });

  it('refuses edges to unknown nodes and self-loops', () => {
    const d = tinyDocument();
    edgesOf(d)[0]!['target'] = 'ghost';
    expect(errorOf(d)).toBe('edges[0].target: no node has the id "ghost"');
    const s = tinyDocument();
    edgesOf(s)[0]!['source'] = 'api';
    expect(errorOf(s)).toBe('edges[0].target: an edge cannot lead from "api" to itself');
  });

  it('refuses connections the rules forbid, saying why', () => {
    const d = tinyDocument();
    edgesOf(d).push({ id: 'back', source: 'api', target: 'c' });
    expect(errorOf(d)).toBe(
      'edges[1]: call edge "api" → "c": nothing calls into a client: it only sends traffic',
    );
    const r = contractDocument();
    edgesOf(r).push({ id: 'bad', source: 'api', target: 'db', kind: 'replication' });
    expect(errorOf(r)).toMatch(
      /^edges\[5\]: replication edge "api" → "db": replication edges only link a database/,
    );
  });

  it('refuses a second backing store for a cache', () => {
    const d = contractDocument();
    edgesOf(d).push({ id: 'e9', source: 'cache', target: 'replica' });
    expect(errorOf(d)).toBe(
      'edges[5]: "cache": a cache has exactly one outgoing call edge: its backing store',
    );
  });

  it('warns (but loads) when a node has nothing to call', () => {
    const d = contractDocument();
    d['edges'] = edgesOf(d).filter((e) => e['id'] !== 'e3');
    d['faults'] = [];
    const r = load(d);
    expect(r.ok && r.warnings).toEqual([
      'nodes[3] ("cache"): has no backing store: every miss fails',
    ]);
  });

  it('refuses a loop of call edges, naming it; replication edges both ways are fine', () => {
    const d = tinyDocument();
    nodesOf(d).push({ id: 'b', type: 'service' }, { id: 'x', type: 'service' });
    edgesOf(d).push(
      { id: 'e2', source: 'api', target: 'b' },
      { id: 'e3', source: 'b', target: 'x' },
      { id: 'e4', source: 'x', target: 'api' },
    );
    expect(errorOf(d)).toBe(
      'edges[3]: call edges form a loop "api" → "b" → "x" → "api": requests would go round forever',
    );
    const m = contractDocument();
    edgesOf(m).push({ id: 'rep2', source: 'replica', target: 'db', kind: 'replication' });
    expect(load(m).ok).toBe(true);
  });

  it('allows a diamond (two paths to one node): not a loop', () => {
    const d = tinyDocument();
    nodesOf(d).push({ id: 'a2', type: 'service' }, { id: 'db', type: 'database' });
    edgesOf(d).push(
      { id: 'e2', source: 'c', target: 'a2' },
      { id: 'e3', source: 'api', target: 'db' },
      { id: 'e4', source: 'a2', target: 'db' },
    );
    expect(load(d)).toEqual({ ok: true, warnings: [] });
  });

  it('refuses warmupS not below durationS', () => {
    expect(errorOf({ ...tinyDocument(), durationS: 30, warmupS: 30 })).toBe(
      'warmupS: must be below durationS (30 s), got 30',
    );
  });

  it('refuses faults on missing targets or the wrong kind of target', () => {
    const cases: Array<[Doc, string]> = [
      [{ atS: 1, kind: 'crash', target: 'nope' }, 'faults[0].target: no node has the id "nope"'],
      [
        { atS: 1, kind: 'crash', target: 'e1' },
        'faults[0].target: no node has the id "e1" ("e1" is an edge; crash takes a node)',
      ],
      [
        { atS: 1, kind: 'partition', target: 'api' },
        'faults[0].target: no edge has the id "api" ("api" is a node; partition takes an edge)',
      ],
      [
        { atS: 1, kind: 'flush', target: 'api' },
        'faults[0].target: a flush fault applies to cache, not to service "api"',
      ],
      [
        { atS: 1, kind: 'spike', target: 'db' },
        'faults[0].target: a spike fault applies to client, not to database "db"',
      ],
      [
        { atS: 1, kind: 'lag', target: 'e1' },
        'faults[0].target: a lag fault applies to replication edges, not to the call edge "e1"',
      ],
      [
        { atS: 1, kind: 'crash', target: 'users' },
        'faults[0].target: a crash fault applies to loadBalancer, rateLimiter, service, cache, queue, stream, shardRouter or database, not to client "users"',
      ],
    ];
    for (const [fault, message] of cases) {
      expect(errorOf({ ...contractDocument(), faults: [fault] })).toBe(message);
    }
  });

  it('warns about faults that can never happen or crash more replicas than exist', () => {
    const r = load({
      ...contractDocument(),
      faults: [
        { atS: 400, kind: 'flush', target: 'cache' },
        { atS: 10, kind: 'crash', target: 'api', replicas: 5 },
      ],
    });
    expect(r.ok && r.warnings).toEqual([
      'faults[0].atS: 400 s is not before the end of the run (300 s); it never happens',
      'faults[1].replicas: 5 is more than the 3 "api" runs',
    ]);
  });

  it('refuses kind-specific fields on the wrong fault kind by ignoring them with a warning', () => {
    const r = load({
      ...contractDocument(),
      faults: [{ atS: 1, kind: 'flush', target: 'cache', factor: 3 }],
    });
    expect(r.ok && r.warnings).toEqual(['faults[0]: unknown field "factor" ignored']);
  });
});
