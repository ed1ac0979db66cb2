/**
 * Set-up of the run report's tests: a preset run headless (the CLI's own `main`, as
 * `npm run sim -- FILE --json`), the same preset run through the page's path (the worker's API
 * and run loop on a hand-cranked clock, frames into `connectRun`, the store and the metrics
 * hub), and the report's tables read back from the DOM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulation } from '../../src/engine/index.ts';
import type { SimResult } from '../../src/engine/types.ts';
import { main } from '../../src/cli/sim.ts';
import { readFileCapped } from '../../src/cli/loadArgs.ts';
import { loadScenario } from '../../src/model/load.ts';
import type { Scenario } from '../../src/model/types.ts';
import { useAppStore } from '../../src/store/index.ts';
import { metricsHub } from '../../src/store/metricsHub.ts';
import { connectRun } from '../../src/ui/run/runConnection.ts';
import { createSimApi } from '../../src/worker/api.ts';
import { manualTime } from '../worker/harness.ts';

export const PRESETS_DIR = join(import.meta.dirname, '../../presets');
export const presetPath = (name: string) => join(PRESETS_DIR, `${name}.json`);

export function presetDoc(name: string): Scenario {
  const loaded = loadScenario(readFileSync(presetPath(name), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.scenario;
}

/** What `npm run sim -- FILE --json` prints, parsed. */
export function headlessJson(name: string): SimResult {
  let out = '';
  const code = main([presetPath(name), '--json'], {
    out: (t) => (out += t),
    err: () => {},
    readFile: readFileCapped,
  });
  if (code !== 0) throw new Error(`sim exited with ${code}`);
  return JSON.parse(out) as SimResult;
}

/**
 * Runs `doc` to its end the way the page does: the worker's API (in this thread, on a
 * hand-cranked clock) sends frames to `connectRun`, which fills the store and the metrics hub.
 */
export async function runThroughPage(doc: Scenario): Promise<void> {
  useAppStore.getState().setDoc(doc);
  const time = manualTime();
  const api = createSimApi({
    createSimulation,
    loadScenario,
    now: time.now,
    schedule: time.schedule,
  });
  const client = connectRun(useAppStore, metricsHub, (o) => {
    api.subscribe(o.onFrame);
    return {
      load: async (d: unknown) => api.load(d),
      applyDoc: async (d: unknown) => api.load(d),
      holdForFault: async (atS: number) => atS,
      start: async () => api.start(),
      pause: async () => api.pause(),
      step: async () => api.step(),
      reset: async () => api.reset(),
      setSpeed: async (s) => api.setSpeed(s),
    };
  });
  await client.setSpeed('max');
  await client.start();
  while (useAppStore.getState().runStatus !== 'done') {
    if (time.runTasks(1000) === 0) throw new Error('the run stopped before its end');
  }
}

/** The report's cells, by section, figure path, source and node: the text each shows. */
export function readReport(root: HTMLElement): Map<string, string> {
  const cells = new Map<string, string>();
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-section]')) {
    for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
      for (const td of row.querySelectorAll<HTMLTableCellElement>('td')) {
        if (td.textContent === '') continue;
        // A turned table (many nodes or edges) names the figure on each cell.
        const key = [
          table.dataset.section,
          td.dataset.source ?? row.dataset.source,
          td.dataset.figure ?? row.dataset.figure,
          td.dataset.node,
        ];
        cells.set(key.join('|'), td.textContent ?? '');
      }
    }
  }
  return cells;
}
