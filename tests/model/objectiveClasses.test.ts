/** An objective on one request class: what loads, and what is refused with its path and value. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/model/load.ts';

const shop = {
  id: 'web',
  type: 'client',
  params: {
    classes: [
      { name: 'checkout', share: 1 },
      { name: 'browse', share: 9, priority: 1 },
    ],
  },
};

function load(objectives: unknown[], nodes: unknown[] = [shop]) {
  return loadScenario({
    version: 1,
    nodes: [...nodes, { id: 'api', type: 'service' }],
    edges: [{ id: 'e1', source: 'web', target: 'api' }],
    objectives,
  });
}

function error(objectives: unknown[], nodes?: unknown[]): string {
  const r = load(objectives, nodes);
  if (r.ok) throw new Error('loaded');
  return r.error;
}

describe('an objective on one class', () => {
  it('loads with its class kept as written, end to end or at a node', () => {
    const objectives = [
      { id: 'fast', metric: 'p99Ms', class: 'checkout', max: 300 },
      { id: 'api', metric: 'availability', class: 'browse', node: 'api', min: 0.9 },
    ];
    const r = load(objectives);
    expect(r.ok && r.scenario.objectives).toEqual(objectives);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('refuses a class no client sends, naming the field, the value and the near name', () => {
    expect(error([{ id: 'o', metric: 'p99Ms', class: 'chekout', max: 1 }])).toBe(
      'objectives[0].class: no client sends the class "chekout"; did you mean "checkout"? (the classes are "checkout", "browse")',
    );
    expect(
      error(
        [{ id: 'o', metric: 'p99Ms', class: 'checkout', max: 1 }],
        [{ id: 'web', type: 'client' }],
      ),
    ).toMatch(
      /^objectives\[0\]\.class: no client sends the class "checkout" \(no client has "classes"\)/,
    );
  });

  it('takes `default`, the class of a client without classes, only when others have some', () => {
    const mixed = [shop, { id: 'batch', type: 'client' }];
    const ok = load([{ id: 'o', metric: 'p99Ms', class: 'default', max: 1 }], mixed);
    expect(ok.ok).toBe(true);
    expect(error([{ id: 'o', metric: 'p99Ms', class: 'default', max: 1 }])).toMatch(
      /^objectives\[0\]\.class: no client sends the class "default"/,
    );
  });

  it('refuses a class on a metric measured over every request only', () => {
    expect(error([{ id: 'o', metric: 'costPerHour', class: 'checkout', max: 1 }])).toMatch(
      /^objectives\[0\]\.class: costPerHour is measured over every class only; leave out "class"/,
    );
    expect(error([{ id: 'o', metric: 'goodputRps', class: 'checkout', min: 1 }])).toMatch(
      /^objectives\[0\]\.class: goodputRps is measured/,
    );
  });

  it('refuses a class that is not a class name, quoting it', () => {
    expect(error([{ id: 'o', metric: 'p99Ms', class: 'check out', max: 1 }])).toMatch(
      /^objectives\[0\]\.class: must be a class name.*got "check out"/,
    );
  });
});
