// Smoothness, reported, not gated: while designs run at Max speed (the largest preset, then
// generated designs of 100, 200 and 500 nodes, each also panned and zoomed while it runs), how
// long the gaps between animation frames are and how busy the page's main thread is. The goal
// (issue #19) is p95 ≤ 20 ms, no gap over 50 ms and the main thread busy under 30 %, on an
// otherwise idle machine. On a shared machine these figures measure the machine as much as the
// app, so each line carries the load average, and an idle page is measured in the same run as
// the baseline. The run fails only when the app does not do its part (a run stops, the graph is
// not all drawn).
//
// Busy is measured twice: "wall" is the share of wall time the main thread spent in tasks
// (CDP TaskDuration; it counts time the OS took the core away, so it rises with the load) and
// "cpu" the share it spent on the CPU (CDP ThreadTime; much less sensitive to the load). Long
// tasks (> 50 ms) come from the Performance timeline.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gridDesign as generated, shareLink } from '../designs.mjs';

const presetsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../presets');
const P95_LIMIT_MS = 20;
const MAX_LIMIT_MS = 50;
const BUSY_LIMIT = 0.3;
const SIZES = [100, 200, 500];
const MEASURE_MS = 3000;
/**
 * The runner stops a spec at 120 s, and this spec reports rather than fails: a size is begun only
 * when it is expected to end by this time, taking its cost as the last size's, scaled by node
 * count (a loaded machine can make a 200-node pass take over 30 s), and every wait, run and pan
 * stops at it (at load 23 one pass took over a minute, and one browser action can take seconds:
 * the margin to 120 s is for those), so the spec ends in time at any load.
 */
const TIME_BUDGET_MS = 75_000;
/** What a first pass is expected to cost before one has been timed. */
const FIRST_PASS_MS = 20_000;
let deadline = Infinity;
const timeLeft = () => deadline - Date.now();

const load = () => loadavg()[0].toFixed(1);

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

/** Starts recording frame gaps and long tasks in the page, and the main thread's counters. */
async function startWindow(page, cdp) {
  await page.evaluate(() => {
    const w = window;
    w.__gaps = [];
    w.__long = [];
    w.__recording = true;
    w.__longObserver?.disconnect();
    w.__longObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    });
    w.__longObserver.observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (t) => {
      w.__gaps.push(t - last);
      last = t;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return { metrics: await counters(cdp), at: Date.now() };
}

async function counters(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { task: get('TaskDuration'), thread: get('ThreadTime') };
}

/** Stops the window and prints one line; returns the figures. */
async function endWindow(page, cdp, start, what) {
  const end = await counters(cdp);
  const wallS = (Date.now() - start.at) / 1000;
  const { gaps, long } = await page.evaluate(() => {
    window.__recording = false;
    window.__longObserver?.disconnect();
    return { gaps: window.__gaps.slice(2), long: window.__long }; // 2: the recorder's own start
  });
  const sorted = [...gaps].sort((a, b) => a - b);
  const f = {
    what,
    frames: gaps.length,
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    busyWall: (end.task - start.metrics.task) / wallS,
    busyCpu: (end.thread - start.metrics.thread) / wallS,
    longTasks: long.length,
    longMs: long.reduce((a, b) => a + b, 0),
    load: load(),
  };
  f.smooth = f.p95 <= P95_LIMIT_MS && f.max <= MAX_LIMIT_MS && f.busyCpu < BUSY_LIMIT;
  const pct = (x) => `${(x * 100).toFixed(0)} %`;
  console.log(
    `     ${what}: ${f.frames} frames, p95 ${f.p95.toFixed(1)} ms, max ${f.max.toFixed(1)} ms, ` +
      `busy ${pct(f.busyWall)} wall / ${pct(f.busyCpu)} cpu, ` +
      `${f.longTasks} long tasks (${f.longMs.toFixed(0)} ms) at load ${f.load}` +
      `${f.smooth ? '' : '  [over the limits]'}`,
  );
  return f;
}

async function measure(page, cdp, what, scene) {
  const start = await startWindow(page, cdp);
  await scene();
  return endWindow(page, cdp, start, what);
}

const summaryText = (page) => page.getByRole('status', { name: 'Run summary' }).innerText();

/** "52.8 s", "3 min 4 s", "1 h 2 min" (formatSimTime) back to seconds. */
function simSeconds(summary) {
  const m = /t = ([^·]+)·/.exec(summary);
  if (!m) return NaN;
  let s = 0;
  for (const [, n, unit] of m[1].matchAll(/([\d.]+) (h|min|s)/g))
    s += Number(n) * { h: 3600, min: 60, s: 1 }[unit];
  return s;
}

async function startAtMax(page) {
  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByText(/^Running/).waitFor({ timeout: 20_000 });
}

/** Keeps the run going for `ms` (a run that reaches its event budget is started again). */
async function keepRunning(page, ms) {
  for (let waited = 0; waited < ms && timeLeft() > 0; waited += 500) {
    await page.waitForTimeout(500);
    if ((await summaryText(page)).startsWith('Finished'))
      await page.getByRole('button', { name: 'Run', exact: true }).click();
  }
}

/** Drags the pane and turns the wheel over it, as a user looking around would. */
async function panAndZoom(page) {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas pane');
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  for (let round = 0; round < 2 && timeLeft() > 0; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i <= 25 && timeLeft() > 0; i++) {
      await page.mouse.move(cx - i * 8 * (round % 2 ? -1 : 1), cy - i * 3);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    for (let i = 0; i < 10 && timeLeft() > 0; i++) {
      await page.mouse.wheel(0, round % 2 === 0 ? -60 : 60);
      await page.waitForTimeout(30);
    }
  }
}

async function open(page, baseUrl, doc) {
  await page.goto('about:blank'); // a new hash alone would not reload the app
  await page.goto(`${baseUrl}/${shareLink(doc)}`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await page.locator('.react-flow__node').first().waitFor();
}

export default async function ({ page, baseUrl, screenshot }) {
  const problems = [];
  const results = [];
  const began = Date.now();
  deadline = began + TIME_BUDGET_MS;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  // 1. The idle page (100 nodes drawn, nothing running): the machine's share of any gap.
  await open(page, baseUrl, generated(100));
  await page.waitForTimeout(500);
  results.push(
    await measure(page, cdp, 'baseline: 100 nodes, idle page', () => page.waitForTimeout(2000)),
  );

  // 2. The largest preset at Max.
  const preset = largestPreset();
  await open(page, baseUrl, { ...preset.doc, durationS: 100_000 });
  await startAtMax(page);
  await page.waitForTimeout(1000);
  results.push(
    await measure(page, cdp, `preset "${preset.name}" at Max`, () => keepRunning(page, MEASURE_MS)),
  );
  await screenshot('max-speed');

  // 3. Generated designs at Max, still, then panned and zoomed while they run.
  let lastPass = { size: 0, ms: 0 };
  for (const size of SIZES) {
    const expectedMs = lastPass.size === 0 ? FIRST_PASS_MS : (lastPass.ms * size) / lastPass.size;
    if (expectedMs > timeLeft()) {
      console.log(`     ${size} nodes: not measured (the spec's time ran out at load ${load()})`);
      continue;
    }
    const passBegan = Date.now();
    await open(page, baseUrl, generated(size));
    const count = await page.locator('.react-flow__node').count();
    if (count !== size) problems.push(`expected ${size} nodes on the canvas, found ${count}`);
    await startAtMax(page);
    await page.waitForTimeout(1000);
    const simBefore = simSeconds(await summaryText(page));
    const t0 = Date.now();
    results.push(
      await measure(page, cdp, `${size} nodes at Max`, () => keepRunning(page, MEASURE_MS)),
    );
    const simRate = (simSeconds(await summaryText(page)) - simBefore) / ((Date.now() - t0) / 1000);
    console.log(`     ${size} nodes: ${simRate.toFixed(0)} simulated s per s at load ${load()}`);
    if (timeLeft() > 0)
      results.push(
        await measure(page, cdp, `${size} nodes at Max, pan and zoom`, () => panAndZoom(page)),
      );
    const text = await summaryText(page);
    if (!/^(Running|Finished)/.test(text))
      problems.push(`${size} nodes: expected the run to be going on, summary: "${text}"`);
    if (size === 100) await screenshot('hundred-nodes');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    lastPass = { size, ms: Date.now() - passBegan };
  }

  const rough = results.filter((r) => !r.smooth && !r.what.startsWith('baseline'));
  const firstRough = SIZES.find((n) => rough.some((r) => r.what.startsWith(`${n} nodes`)));
  console.log(
    firstRough === undefined
      ? `     smooth at every size measured (up to ${SIZES.at(-1)} nodes)`
      : `     first over the limits at ${firstRough} nodes (reported, not gated)`,
  );
  if (problems.length > 0) throw new Error(problems.join('; '));
}
