/**
 * The theory table's region rows (src/analysis/regionTheory.ts) against the engine. Spreads over
 * seeds 1..6 of the multi-region preset: request availability with failover within ±0.0013 of
 * the prediction (one outage: the failures are a Poisson count, sd ≈ 22 of ~500), so 0.004;
 * the failover variant's round trip within ±0.26 ms of 80 ms (sd ≈ 0.17 ms: two means over
 * ~27,000 requests whose time at the API has sd ≈ 20 ms), so 0.8 ms.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { regionRows } from '../../src/analysis/regionTheory.ts';
import { theoryCompare } from '../../src/analysis/theoryCompare.ts';
import { createSimulation } from '../../src/engine/simulation.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import type { Scenario } from '../../src/model/types.ts';
import { client, constant, edge, run, scenario, service } from '../engine/harness.ts';

const preset = loadScenarioOrThrow(
  JSON.parse(readFileSync('presets/multi-region-active-active.json', 'utf8')),
);

function withRouter(strategy: 'nearest' | 'failover'): Scenario {
  const d = structuredClone(preset);
  const r = d.nodes.find((n) => n.id === 'router-eu')!;
  if (r.type === 'loadBalancer') r.params.strategy = strategy;
  return d;
}

function rowsOf(doc: Scenario, seed: number) {
  const sim = createSimulation(doc, { seed, windows: false });
  sim.runUntil(Infinity);
  return regionRows(doc, sim.snapshot());
}

describe('region rows of the theory table', () => {
  it('failover: users fail only while the router detects the outage', () => {
    for (const seed of [1, 2, 3]) {
      const [row, ...rest] = rowsOf(withRouter('nearest'), seed);
      expect(rest).toEqual([]);
      expect(row!.nodeId).toBe('region eu-west');
      expect(row!.model).toBe('region down, failover');
      // 2.5 s of detection in 140 counted seconds.
      expect(row!.predicted).toBeCloseTo(1 - 2.5 / 140, 9);
      expect(Math.abs(row!.measured - row!.predicted!)).toBeLessThan(0.004);
    }
  });

  it('served from another region: the mean is higher by exactly the round trip', () => {
    for (const seed of [1, 2, 3]) {
      const [row] = rowsOf(withRouter('failover'), seed);
      expect(row!.model).toBe('served from us-east');
      expect(row!.metric).toBe('mean latency over home (ms)');
      expect(row!.predicted).toBe(2 * 40);
      expect(Math.abs(row!.measured - 80)).toBeLessThan(0.8);
    }
  });

  it('no failover: users fail for the outage’s share of the counted time; others lose nothing', () => {
    const US = 'us-east';
    const EU = 'eu-west';
    const doc = scenario({
      durationS: 60,
      warmupS: 5,
      regions: [{ name: US, latencyMs: { [EU]: constant(40) } }, { name: EU }],
      faults: [{ atS: 20, forS: 10, kind: 'regionDown', target: EU }],
      nodes: [
        { ...client('eu', { arrival: { process: 'poisson', rps: 100 } }), region: EU },
        { ...client('us', { arrival: { process: 'poisson', rps: 100 } }), region: US },
        { ...service('api-eu', { workers: 8, serviceTimeMs: constant(10) }), region: EU },
        { ...service('api-us', { workers: 8, serviceTimeMs: constant(10) }), region: US },
      ],
      edges: [edge('eu', 'api-eu'), edge('us', 'api-us')],
    });
    const rows = theoryCompare(doc, run(doc)).filter((r) => r.nodeId.startsWith('region '));
    const eu = rows.find((r) => r.nodeId === 'region eu-west')!;
    expect(eu.model).toBe('region down, no failover');
    expect(eu.predicted).toBeCloseTo(1 - 10 / 55, 9);
    // ~5,500 requests, ~1,000 of them in the outage: sd of the failed share ≈ 0.005.
    expect(Math.abs(eu.measured - eu.predicted!)).toBeLessThan(0.02);
    const us = rows.find((r) => r.nodeId === 'region us-east')!;
    expect([us.model, us.predicted, us.measured]).toEqual(['region down elsewhere', 1, 1]);
  });

  it('none without regions, or under other faults', () => {
    const d = withRouter('nearest');
    const r = createSimulation(d, { durationS: 20 });
    r.runUntil(20);
    const result = r.snapshot();
    expect(
      regionRows({ ...d, faults: [{ atS: 5, kind: 'crash', target: 'api-us' }] }, result),
    ).toEqual([]);
    const { regions: _, ...plain } = result;
    expect(regionRows(d, plain)).toEqual([]);
  });

  it('a region down counts as a fault on the nodes it crashes, and on them only', () => {
    const sim = createSimulation(preset, { seed: 7, windows: false });
    sim.runUntil(Infinity);
    const rows = theoryCompare(preset, sim.snapshot());
    const little = (id: string) => rows.find((r) => r.nodeId === id && r.model === 'Little')!;
    // api-eu crashes with its region: W leaves out the requests the crash cut off.
    expect(little('api-eu').note).toContain('a fault hits it');
    expect(little('api-us').note).not.toContain('a fault hits it');
    // The failover moves eu-west's users to api-us for part of the run: the flow cannot know.
    const flow = rows.find((r) => r.nodeId === 'api-us' && r.model === 'flow')!;
    expect(flow.note).toContain('not modelled: regionDown of eu-west');
  });
});
