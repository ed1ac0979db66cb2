/** Region edits carry nodes, latencies and faults along, and every result loads. */
import { describe, expect, it } from 'vitest';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import {
  addRegion,
  NEW_REGION_LATENCY_MS,
  placeNode,
  removeRegion,
  renameRegion,
  setLatency,
  setZones,
} from '../../src/store/regionOps.ts';

const base = () =>
  loadScenarioOrThrow({
    version: 1,
    regions: [{ name: 'a', zones: ['a1'], latencyMs: { b: 30 } }, { name: 'b' }],
    nodes: [
      { id: 'x', type: 'service', region: 'b' },
      { id: 'y', type: 'service', zone: 'a1' },
    ],
    faults: [{ atS: 1, kind: 'regionDown', target: 'b' }],
  });

describe('region edits', () => {
  it('add a region a default distance from every other', () => {
    const doc = loadScenarioOrThrow(addRegion(base()));
    expect(doc.regions?.[2]).toEqual({
      name: 'region-3',
      latencyMs: {
        a: { dist: 'constant', ms: NEW_REGION_LATENCY_MS },
        b: { dist: 'constant', ms: NEW_REGION_LATENCY_MS },
      },
    });
  });

  it('rename a region in its nodes, latencies and faults', () => {
    const doc = loadScenarioOrThrow(renameRegion(base(), 'b', 'c'));
    expect(doc.regions?.map((r) => r.name)).toEqual(['a', 'c']);
    expect(doc.regions?.[0]?.latencyMs).toEqual({ c: { dist: 'constant', ms: 30 } });
    expect(doc.nodes[0]!.region).toBe('c');
    expect(doc.faults[0]!.target).toBe('c');
  });

  it('remove a region: its nodes go to the first, its faults go; the last leaves none', () => {
    const doc = loadScenarioOrThrow(removeRegion(base(), 'b'));
    expect(doc.regions).toEqual([{ name: 'a', zones: ['a1'], latencyMs: {} }]);
    expect('region' in doc.nodes[0]!).toBe(false);
    expect(doc.faults).toEqual([]);
    const none = loadScenarioOrThrow(removeRegion(doc, 'a'));
    expect(none.regions).toBeUndefined();
    expect(none.nodes.some((n) => 'zone' in n)).toBe(false);
  });

  it('set a latency where it is held, place a node, and drop a zone no longer named', () => {
    let doc = loadScenarioOrThrow(setLatency(base(), 'b', 'a', 55));
    expect(doc.regions?.[0]?.latencyMs?.['b']).toEqual({ dist: 'constant', ms: 55 });
    doc = loadScenarioOrThrow(placeNode(doc, 'x', 'a', 'a1'));
    expect([doc.nodes[0]!.region, doc.nodes[0]!.zone]).toEqual(['a', 'a1']);
    doc = loadScenarioOrThrow(setZones(doc, 'a', ['a2']));
    expect(doc.nodes.every((n) => n.zone === undefined)).toBe(true);
  });
});
