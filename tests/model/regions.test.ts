/** The document's regions: defaults, round trips, and refusals that name the field and value. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/model/load.ts';
import { serializeScenario } from '../../src/model/serialize.ts';

const twoRegions = (over: Record<string, unknown> = {}) => ({
  version: 1,
  regions: [
    { name: 'us-east', zones: ['a', 'b'], latencyMs: { 'eu-west': 40 } },
    { name: 'eu-west' },
  ],
  nodes: [
    { id: 'c', type: 'client', region: 'us-east' },
    { id: 'api', type: 'service', region: 'eu-west' },
    { id: 'db', type: 'database', zone: 'b' },
  ] as Record<string, string>[],
  edges: [{ id: 'e', source: 'c', target: 'api' }],
  ...over,
});

function error(doc: unknown): string {
  const r = loadScenario(doc);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('regions in the document', () => {
  it('load with their nodes placed, a bare number read as a constant latency', () => {
    const r = loadScenario(twoRegions());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.regions?.[0]?.latencyMs?.['eu-west']).toEqual({ dist: 'constant', ms: 40 });
    expect(r.scenario.nodes.map((n) => [n.region, n.zone])).toEqual([
      ['us-east', undefined],
      ['eu-west', undefined],
      [undefined, 'b'],
    ]);
    // Absent, not undefined keys: a document without regions writes exactly as before.
    expect('region' in r.scenario.nodes[2]!).toBe(false);
  });

  it('survive a save and a reload unchanged', () => {
    const r = loadScenario(twoRegions());
    if (!r.ok) throw new Error(r.error);
    const again = loadScenario(serializeScenario(r.scenario));
    if (!again.ok) throw new Error(again.error);
    expect(serializeScenario(again.scenario)).toBe(serializeScenario(r.scenario));
  });

  it('are absent from a document without them (one implicit region)', () => {
    const r = loadScenario({ version: 1, nodes: [{ id: 'api', type: 'service' }] });
    expect(r.ok && r.scenario.regions).toBeUndefined();
  });

  it('refuse a node in an unknown region, naming the node, the value and the nearest name', () => {
    const doc = twoRegions();
    doc.nodes[1] = { id: 'api', type: 'service', region: 'eu-wset' };
    expect(error(doc)).toBe(
      'nodes[1].region: "eu-wset" is not a region; the regions are "us-east", "eu-west"; did you mean "eu-west"?',
    );
  });

  it('refuse a region on a node when the document has none', () => {
    expect(error({ version: 1, nodes: [{ id: 'api', type: 'service', region: 'x' }] })).toBe(
      'nodes[0].region: "x" is not a region; the document has no regions (add them under "regions")',
    );
  });

  it('refuse a zone its region does not name', () => {
    const doc = twoRegions();
    doc.nodes[1] = { id: 'api', type: 'service', region: 'eu-west', zone: 'a' };
    expect(error(doc)).toBe('nodes[1].zone: "a" is not a zone; region "eu-west" names no zones');
    doc.nodes[1] = { id: 'api', type: 'service', region: 'us-east', zone: 'c' };
    expect(error(doc)).toBe(
      'nodes[1].zone: "c" is not a zone; the zones of "us-east" are "a", "b"',
    );
  });

  it('refuse a missing pair of the latency matrix', () => {
    const doc = twoRegions({
      regions: [
        { name: 'us-east', latencyMs: { 'eu-west': 40 } },
        { name: 'eu-west' },
        { name: 'ap' },
      ],
    });
    expect(error(doc)).toBe(
      'regions[0].latencyMs: no latency between "us-east" and "ap": give one in either region, e.g. {"ap": 40}',
    );
  });

  it('refuse a latency to an unknown region, to itself, or given both ways', () => {
    const unknown = twoRegions({
      regions: [
        { name: 'us-east', latencyMs: { 'eu-west': 40, 'eu-wast': 3 } },
        { name: 'eu-west' },
      ],
    });
    expect(error(unknown)).toBe(
      'regions[0].latencyMs["eu-wast"]: "eu-wast" is not a region; the regions are "us-east", "eu-west"; did you mean "eu-west"?',
    );
    const self = twoRegions({
      regions: [
        { name: 'us-east', latencyMs: { 'eu-west': 40, 'us-east': 1 } },
        { name: 'eu-west' },
      ],
    });
    expect(error(self)).toMatch(
      /^regions\[0\]\.latencyMs\["us-east"\]: a region has no latency to itself/,
    );
    const twice = twoRegions({
      regions: [
        { name: 'us-east', latencyMs: { 'eu-west': 40 } },
        { name: 'eu-west', latencyMs: { 'us-east': 40 } },
      ],
    });
    expect(error(twice)).toMatch(/^regions\[0\]\.latencyMs\["eu-west"\]: .*given in both regions/);
  });

  it('refuse duplicate regions and zones, and a bad latency with its value', () => {
    expect(error(twoRegions({ regions: [{ name: 'x' }, { name: 'x' }] }))).toBe(
      'regions[1].name: duplicate region "x" (already regions[0])',
    );
    expect(error(twoRegions({ regions: [{ name: 'x', zones: ['a', 'a'] }] }))).toBe(
      'regions[0].zones: duplicate zone "a" in region "x"',
    );
    expect(
      error(twoRegions({ regions: [{ name: 'x', latencyMs: { y: -4 } }, { name: 'y' }] })),
    ).toMatch(/^regions\[0\]\.latencyMs\.y.*got -4/);
  });

  it('refuse a region fault on a name that is not a region', () => {
    const fault = (target: string) => ({ faults: [{ atS: 1, kind: 'regionDown', target }] });
    expect(loadScenario(twoRegions(fault('eu-west'))).ok).toBe(true);
    expect(error(twoRegions(fault('eu-wset')))).toBe(
      'faults[0].target: no region is named "eu-wset"; the regions are "us-east", "eu-west"; did you mean "eu-west"?',
    );
    expect(
      error({
        version: 1,
        nodes: [{ id: 'api', type: 'service' }],
        faults: [{ atS: 1, kind: 'regionPartition', target: 'api' }],
      }),
    ).toBe(
      'faults[0].target: a regionPartition fault takes a region, and the document has none ("api" given; add them under "regions")',
    );
  });
});
