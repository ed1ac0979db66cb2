// Replications by region: each region's latency (mean, p99), request availability and
// throughput over seeds, as the mean ± 95 % CI of the seeds' own figures.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { summariseReplications } from '../../src/analysis/replications.ts';
import { createSimulation } from '../../src/engine/simulation.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import type { Scenario } from '../../src/model/types.ts';

const doc = loadScenarioOrThrow(
  JSON.parse(readFileSync('presets/multi-region-active-active.json', 'utf8')),
);

const runs = (d: Scenario) =>
  [1, 2, 3].map((seed) => {
    const sim = createSimulation(d, { seed, durationS: 80, windows: false });
    sim.runUntil(80);
    return sim.snapshot();
  });

describe('replications by region', () => {
  it('estimate each region’s figures from the seeds’ own', () => {
    const results = runs(doc);
    const s = summariseReplications(results);
    expect(Object.keys(s.regions)).toEqual(['us-east', 'eu-west']);
    const eu = s.regions['eu-west']!;
    expect(Object.keys(eu)).toEqual([
      'latencyMs.mean',
      'latencyMs.p99',
      'availability',
      'throughputRps',
    ]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b) / xs.length;
    expect(eu['availability']!.mean).toBeCloseTo(
      mean(results.map((r) => r.regions!['eu-west']!.availability!)),
      12,
    );
    expect(eu['latencyMs.p99']!.mean).toBeCloseTo(
      mean(results.map((r) => r.regions!['eu-west']!.latencyMs!.p99)),
      12,
    );
    expect(eu['availability']!.n).toBe(3);
    // The outage costs eu-west requests in every seed; us-east none.
    expect(eu['availability']!.mean).toBeLessThan(0.99);
    expect(s.regions['us-east']!['availability']!.mean).toBe(1);
  });

  it('are none without regions', () => {
    const { regions: _, ...plain } = doc;
    const nodes = plain.nodes.map(({ region: _r, zone: _z, ...n }) => n);
    expect(summariseReplications(runs({ ...plain, nodes, faults: [] })).regions).toEqual({});
  });
});
