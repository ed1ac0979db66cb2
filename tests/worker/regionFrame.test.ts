/**
 * Region columns in the metric frames: a document with `regions` packs each region's window
 * figures after the edges', and they come back number for number; a document without has none.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimulation } from '../../src/engine/simulation.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import { MetricsBuffer } from '../../src/store/metricsBuffer.ts';
import { metricsCsv } from '../../src/ui/export/metricsCsv.ts';
import {
  layoutFor,
  packWindows,
  readRegion,
  REGION_COLUMNS,
  unpackWindow,
} from '../../src/worker/frame.ts';
import { smallDoc } from './docs.ts';

const presetsDir = join(dirname(fileURLToPath(import.meta.url)), '../../presets');
const preset = (name: string) =>
  loadScenarioOrThrow(JSON.parse(readFileSync(join(presetsDir, `${name}.json`), 'utf8')));

describe('region columns in metric frames', () => {
  it('carry every region figure of a real run, the outage included', () => {
    const doc = preset('multi-region-active-active');
    const sim = createSimulation(doc, { durationS: 70 });
    sim.runUntil(70);
    const windows = sim.drainWindows();
    const layout = layoutFor(doc);
    expect(layout.regionNames).toEqual(['us-east', 'eu-west']);
    const data = packWindows(layout, windows);
    windows.forEach((w, row) => {
      expect(unpackWindow(layout, data, row).regions).toEqual(w.regions);
      expect(readRegion(layout, data, row, 1)).toEqual(w.regions!['eu-west']);
    });
    // At 60 s eu-west goes down: its users fail until the routers take it out.
    const outage = windows.find((w) => w.startS === 60)!.regions!['eu-west']!;
    expect(outage.upShare).toBe(0);
    expect(outage.availability).toBeLessThan(0.9);
  });

  it('name each column in the CSV export, one per number of the row', () => {
    const doc = preset('multi-region-active-active');
    const sim = createSimulation(doc, { durationS: 3 });
    sim.runUntil(3);
    const layout = layoutFor(doc);
    const buffer = new MetricsBuffer();
    buffer.reset(layout);
    buffer.push(packWindows(layout, sim.drainWindows()), 3);
    const [header, first] = metricsCsv(buffer).split('\n');
    expect(header!.split(',')).toHaveLength(layout.stride);
    expect(first!.split(',')).toHaveLength(layout.stride);
    expect(header).toContain(`regions.eu-west.${REGION_COLUMNS[0]}`);
  });

  it('are absent without regions', () => {
    const layout = layoutFor(smallDoc());
    expect(layout.regionNames).toEqual([]);
  });
});
