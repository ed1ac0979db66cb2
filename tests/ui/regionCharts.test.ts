// The region charts: the users' p50 and p99 region by region and the share of their requests
// that succeeded, one colour per region, read from the frame's region columns.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSimulation } from '../../src/engine/simulation.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import { MetricsBuffer } from '../../src/store/metricsBuffer.ts';
import { buildRows } from '../../src/ui/charts/chartData.ts';
import { regionCharts, regionReaders } from '../../src/ui/regions/regionCharts.ts';
import { layoutFor, packWindows } from '../../src/worker/frame.ts';

const doc = loadScenarioOrThrow(
  JSON.parse(readFileSync('presets/multi-region-active-active.json', 'utf8')),
);
const colors = ['red', 'blue'];

function charts(d = doc) {
  const sim = createSimulation(d, { durationS: 80 });
  sim.runUntil(80);
  const windows = sim.drainWindows();
  const layout = layoutFor(d);
  const buffer = new MetricsBuffer();
  buffer.reset(layout);
  buffer.push(packWindows(layout, windows), windows.length);
  const data = buildRows(buffer, layout, [], undefined, [], regionReaders(layout));
  return { windows, specs: regionCharts(layout, data.rows, data.seen, (i) => colors[i]!) };
}

describe('region charts', () => {
  it('draw each region’s p50 and p99, and its request availability through the outage', () => {
    const { windows, specs } = charts();
    expect(specs.map((s) => s.title)).toEqual(['Availability by region', 'Latency by region (ms)']);
    const [availability, latency] = specs;
    expect(availability!.series.map((s) => [s.name, s.color])).toEqual([
      ['us-east', 'red'],
      ['eu-west', 'blue'],
    ]);
    expect(availability!.yMax).toBe(1);
    expect(latency!.series.map((s) => [s.name, s.dashed])).toEqual([
      ['us-east: p50', false],
      ['us-east: p99', true],
      ['eu-west: p50', false],
      ['eu-west: p99', true],
    ]);
    expect(latency!.log).toBe(true);
    // Row by row, the windows' own figures (80 windows: each row one window).
    const at60 = availability!.rows.find((r) => r['t'] === 61)!;
    expect(at60['region:availability:eu-west']).toBe(
      windows.find((w) => w.tS === 61)!.regions!['eu-west']!.availability,
    );
    expect(at60['region:availability:eu-west']).toBeLessThan(0.9);
    expect(at60['region:availability:us-east']).toBe(1);
    // European users served from us-east while eu-west is down: their p50 crosses the ocean.
    const during = latency!.rows.find((r) => r['t'] === 75)!;
    expect(during['region:p50Ms:eu-west']).toBeGreaterThan(80);
    expect(during['region:p50Ms:us-east']).toBeLessThan(30);
  });

  it('are none without regions', () => {
    const { regions: _, ...plain } = doc;
    const nodes = plain.nodes.map(({ region: _r, zone: _z, ...n }) => n);
    expect(charts({ ...plain, nodes, faults: [] } as typeof doc).specs).toEqual([]);
  });
});
