// Max speed in the browser against the headless engine, reported, not gated (issue #19: "Browser
// Max speed is 0.8× the headless engine: keep it at least there"). The bench's balancer design
// (a client, a balancer, 10 services; 5,000 requests a second) runs headless in this process, as
// `npm run sim` runs it (no windows kept, no traces), then in the page at Max (the worker keeps
// windows for the charts and traces by the document's defaults, and rests between slices so the
// page keeps its frames), then headless again: simulated seconds per second of each (CPU seconds
// headless, wall seconds in the page: the same on an idle machine, and on a loaded one the
// page's figure is the lower, so the ratio errs against the page), and the page's as a share of
// the better headless figure. On this shared machine the wall figure follows the load more than
// the code (at load 5-8 the worker gets half a core or less), so the page's simulated seconds per
// CPU second of its worker thread (Linux /proc, the busier of the page's two workers: the other
// paints the traffic) are reported too, against the headless CPU figure: what the page would run
// with a core to itself. The run fails only when the page does not run the design at all.
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openDesign, startAtMax } from '../frameGaps.mjs';
import { simulatedSeconds, summaryText } from '../runHelpers.mjs';
import { threadSnapshot, threadTimesBetween } from '../threadTimes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Simulated seconds the headless engine runs for each figure (about 2-3 s of CPU). */
const HEADLESS_SIM_S = 1000;
/** Wall time the page runs at Max for its figure, after a second to get going. */
const PAGE_MS = 4000;

/** The engine and the bench's designs, bundled as Vite bundles the engine for the worker. */
async function loadEngine() {
  const out = await build({
    stdin: {
      contents: `export { createSimulation } from './src/engine/index.ts';
                 export { benchScenarios } from './src/cli/benchScenarios.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/**
 * Simulated seconds per CPU second of a headless run (as `npm run sim`: no windows kept): what the
 * engine does with a core to itself, which on a loaded machine is more than a wall second gives.
 */
function headlessRate(createSimulation, doc) {
  const sim = createSimulation(doc, { eventBudget: 50_000_000, windows: false });
  const t0 = process.cpuUsage();
  sim.runUntil(HEADLESS_SIM_S);
  const cpu = process.cpuUsage(t0);
  return HEADLESS_SIM_S / ((cpu.user + cpu.system) / 1e6);
}

/** The browser's threads' CPU times; none where /proc cannot be read (not Linux). */
function threadTimes() {
  try {
    return threadSnapshot();
  } catch {
    return new Map();
  }
}

export default async function ({ page, baseUrl, screenshot }) {
  const { createSimulation, benchScenarios } = await loadEngine();
  const bench = benchScenarios()[0].doc;
  // Long enough that neither run ends while measured. The bench's nodes have no places (they
  // would all be drawn on one spot, a cheaper page than a user's): client, balancer, then the
  // services in a column, as a user would lay them out.
  const doc = {
    ...bench,
    name: 'Max speed: balancer and 10 services',
    durationS: 100_000,
    nodes: bench.nodes.map((n, i) => ({
      ...n,
      position: i < 2 ? { x: i * 260, y: 500 } : { x: 560, y: (i - 2) * 120 },
    })),
  };

  const before = headlessRate(createSimulation, doc);

  await openDesign(page, baseUrl, doc);
  await startAtMax(page);
  await page.waitForTimeout(1000);
  const simStart = simulatedSeconds(await summaryText(page));
  const wallStart = Date.now();
  const threadsBefore = threadTimes();
  await page.waitForTimeout(PAGE_MS);
  const threadsAfter = threadTimes();
  const text = await summaryText(page);
  const wallS = (Date.now() - wallStart) / 1000;
  const simS = simulatedSeconds(text) - simStart;
  const pageRate = simS / wallS;
  const workerCpuS = threadTimesBetween(threadsBefore, threadsAfter, 50).find(([name]) =>
    name.includes('DedicatedWorker'),
  )?.[1];
  await screenshot('running');
  if (!text.startsWith('Running'))
    throw new Error(`expected the run still going after ${PAGE_MS} ms, summary: "${text}"`);
  if (!(pageRate > 0)) throw new Error(`the page's clock did not move: "${text}"`);
  await page.getByRole('button', { name: 'Pause' }).click();

  const after = headlessRate(createSimulation, doc);
  const headless = Math.max(before, after);
  const load = loadavg().map((x) => x.toFixed(1));
  console.log(
    `     headless ${before.toFixed(0)} and ${after.toFixed(0)} simulated s per s, the page at ` +
      `Max ${pageRate.toFixed(0)}: ${(pageRate / headless).toFixed(2)} × the headless engine ` +
      `(load ${load.join(', ')})`,
  );
  if (workerCpuS !== undefined && workerCpuS > 0) {
    const perCpu = simS / workerCpuS;
    console.log(
      `     the page's worker: ${perCpu.toFixed(0)} simulated s per CPU s, ` +
        `${(perCpu / headless).toFixed(2)} × the headless engine; it had ` +
        `${((workerCpuS / wallS) * 100).toFixed(0)} % of a core`,
    );
  }
}
