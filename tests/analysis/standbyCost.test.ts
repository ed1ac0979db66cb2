/**
 * Standby capacity in the cost model: a region that a failover router never sends to in the run
 * is priced as standby, and with regions each region's nodes are summed apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designCost } from '../../src/analysis/cost.ts';
import { createSimulation } from '../../src/engine/index.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';

const raw = JSON.parse(readFileSync('presets/multi-region-active-active.json', 'utf8'));

function finished(strategy: string) {
  const nodes = raw.nodes.map((n: { id: string; params: object }) =>
    n.id === 'router-eu' || n.id === 'router-us' ? { ...n, params: { ...n.params, strategy } } : n,
  );
  // No outage: the standby region is never needed.
  const doc = loadScenarioOrThrow({ ...raw, nodes, faults: [], durationS: 20, warmupS: 2 });
  const sim = createSimulation(doc);
  sim.runUntil(Infinity);
  return { doc, result: sim.snapshot() };
}

describe('standby cost', () => {
  it('failover routing leaves eu-west idle: its API is standby, priced', () => {
    const { doc, result } = finished('failover');
    const cost = designCost(doc, result);
    const api = cost.lines.find((l) => l.nodeId === 'api-eu')!;
    // The routers list us-east first and it never fails: eu-west's API serves nothing. Its
    // router still routes its users (to us-east), so it is not standby.
    expect(cost.standby).toEqual({ nodeIds: ['api-eu'], perHour: api.perHour });
    expect(api.perHour).toBeGreaterThan(0);
  });

  it('nearest routing uses both regions: nothing is standby', () => {
    const { doc, result } = finished('nearest');
    expect(designCost(doc, result).standby).toEqual({ nodeIds: [], perHour: 0 });
  });

  it('with regions, each region costs the sum of its nodes; no run, no standby figure', () => {
    const { doc } = finished('nearest');
    const cost = designCost(doc);
    expect(cost.standby).toBeNull();
    const sum = (region: string) =>
      cost.lines
        .filter((l) => doc.nodes.find((n) => n.id === l.nodeId)!.region === region)
        .reduce((s, l) => s + l.perHour, 0);
    expect(cost.byRegion).toEqual([
      { region: 'us-east', perHour: sum('us-east') },
      { region: 'eu-west', perHour: sum('eu-west') },
    ]);
    expect(cost.byRegion!.reduce((s, r) => s + r.perHour, 0)).toBeCloseTo(cost.perHour, 9);
  });
});
