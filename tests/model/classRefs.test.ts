// What a class table names that the design lacks loads with a warning naming its path, so the
// inspector can show it as it is typed (the run still refuses a route it cannot follow).
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/model/load.ts';

const doc = (routes: unknown, classServiceMs?: unknown) => ({
  version: 1,
  durationS: 30,
  nodes: [
    { id: 'users', type: 'client', params: { classes: [{ name: 'checkout', share: 1 }] } },
    { id: 'lb', type: 'loadBalancer', params: { routes } },
    { id: 'pay', type: 'service', params: classServiceMs ? { classServiceMs } : {} },
    { id: 'cat', type: 'service' },
  ],
  edges: [
    { id: 'e0', source: 'users', target: 'lb' },
    { id: 'e1', source: 'lb', target: 'pay' },
    { id: 'e2', source: 'users', target: 'cat' },
  ],
  faults: [],
});

const warnings = (d: unknown) => {
  const r = loadScenario(d);
  if (!r.ok) throw new Error(r.error);
  return r.warnings;
};

describe('class references', () => {
  it('a route to a sent class and a called node loads clean', () => {
    expect(warnings(doc({ checkout: ['pay'] }, { checkout: 20 }))).toEqual([]);
  });

  it('names a class no client sends and a node the balancer does not call', () => {
    expect(warnings(doc({ search: ['pay'], checkout: ['cat'] }, { browse: 20 }))).toEqual([
      'nodes[1].params.routes.search: no client sends the class "search"',
      'nodes[1].params.routes.checkout: "cat" is not behind this node',
      'nodes[2].params.classServiceMs.browse: no client sends the class "browse"',
    ]);
  });

  it('a bad row is refused naming its path and value', () => {
    const d = doc(undefined);
    d.nodes[0]!.params = {
      classes: [
        { name: 'checkout', share: 1 },
        { name: 'b', share: -1 },
      ],
    };
    const r = loadScenario(d);
    expect(r.ok ? null : r.error).toBe(
      'nodes[0].params.classes[1].share: must be a number above 0 and at most 1000000, got -1',
    );
  });
});
