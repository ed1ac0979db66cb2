// The global charts draw what their legends name. The read-replicas preset once showed a
// Utilization legend with no lines and no y ticks: the chart asked the rows for keys they never
// had. Here a real run of the preset, its windows packed as the worker sends them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { act, render } from '@testing-library/react';
import { createSimulation } from '../../src/engine/simulation.ts';
import { loadScenario } from '../../src/model/load.ts';
import { metricsHub } from '../../src/store/metricsHub.ts';
import { useAppStore } from '../../src/store/index.ts';
import LiveCharts from '../../src/ui/charts/LiveCharts.tsx';
import { layoutFor, packWindows } from '../../src/worker/frame.ts';

function preset(name: string) {
  const text = readFileSync(join(import.meta.dirname, '../../presets', `${name}.json`), 'utf8');
  const loaded = loadScenario(JSON.parse(text));
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.scenario;
}

/** The points of each drawn line in the card titled `title` (a line is M then L/H/V moves). */
function linePoints(title: string): number[] {
  const card = [...document.querySelectorAll('figure.chart-card')].find(
    (f) => f.querySelector('.chart-card__title')?.textContent === title,
  );
  if (!card) throw new Error(`no card "${title}"`);
  return [...card.querySelectorAll('path[data-series]')].map(
    (p) => (p.getAttribute('d') ?? '').match(/[MLH]/g)?.length ?? 0,
  );
}

describe('live charts series', () => {
  it('read-replicas: utilization and queue draw a line per busy node', () => {
    const doc = preset('read-replicas');
    const sim = createSimulation(doc, { durationS: 20 });
    sim.runUntil(20);
    const windows = sim.drainWindows();
    const layout = layoutFor(doc);
    useAppStore.setState({ doc, selectedIds: [], runStatus: 'running' });
    metricsHub.reset(layout);
    act(() => metricsHub.push(packWindows(layout, windows), windows.length));
    render(<LiveCharts />);
    for (const title of ['Utilization', 'Queue (waiting)']) {
      const lines = linePoints(title);
      expect(lines.length).toBeGreaterThanOrEqual(3);
      expect(lines.every((points) => points >= windows.length - 1)).toBe(true);
    }
  });
});
