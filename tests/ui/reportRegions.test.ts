// The run report's "Regions" table: a column per region and a row per region figure, read from
// the result at the end (cell for cell the headless JSON's `regions`) and from the newest window
// while running; none for a document without regions.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSimulation } from '../../src/engine/simulation.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import { reportSections } from '../../src/ui/report/reportModel.ts';

const doc = loadScenarioOrThrow(
  JSON.parse(readFileSync('presets/multi-region-active-active.json', 'utf8')),
);
const regions = doc.regions!.map((r) => r.name);

function runFor(durationS: number) {
  const sim = createSimulation(doc, { durationS });
  sim.runUntil(durationS);
  return { result: sim.snapshot(), windows: sim.drainWindows() };
}

describe('the run report by region', () => {
  it('holds every region figure of the result, cell for cell', () => {
    const { result } = runFor(70);
    const sections = reportSections({ nodes: doc.nodes, result, regions });
    const table = sections.find((s) => s.id === 'regions')!;
    expect(sections[1]).toBe(table); // after the whole run, before the kinds
    expect(table.columns.map((c) => c.id)).toEqual(regions);
    const cell = (path: string, region: number) =>
      table.rows.find((r) => r.path.join('.') === path)?.cells[region];
    regions.forEach((name, i) => {
      const r = result.regions![name]!;
      expect(cell('regions.latencyMs.p99', i)).toBe(r.latencyMs!.p99);
      expect(cell('regions.latencyMs.mean', i)).toBe(r.latencyMs!.mean);
      expect(cell('regions.availability', i)).toBe(r.availability);
      expect(cell('regions.upShare', i)).toBe(r.upShare);
      expect(cell('regions.failed', i)).toBe(r.failed);
    });
    // Not also a record of records in the whole run's table.
    const run = sections.find((s) => s.id === 'run')!;
    expect(run.rows.some((r) => r.path[0] === 'regions')).toBe(false);
  });

  it('reads the newest window while the run goes on', () => {
    const { windows } = runFor(62);
    const last = windows.at(-1)!;
    const table = reportSections({ nodes: doc.nodes, regions, regionWindow: last.regions }).find(
      (s) => s.id === 'regions',
    )!;
    const p99 = table.rows.find((r) => r.path.join('.') === 'regions.p99Ms')!;
    expect(p99.fromWindow).toBe(true);
    expect(p99.cells).toEqual(regions.map((n) => last.regions![n]!.p99Ms));
  });

  it('is left out without regions', () => {
    const { result } = runFor(5);
    const sections = reportSections({ nodes: doc.nodes, result });
    expect(sections.some((s) => s.id === 'regions')).toBe(false);
  });
});
