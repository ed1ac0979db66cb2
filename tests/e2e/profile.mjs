// Where the page's main thread spends its time while a generated design runs at Max: a CPU
// profile (self time by function) and a trace (time by event: scripts, style, layout, paint) of
// a few seconds, printed as two tables. A tool for finding what to make cheaper, not a test:
//   npx vite build --outDir dist-NAME
//   E2E_PORT=4204 E2E_DIST=dist-NAME node tests/e2e/profile.mjs [size=100] [seconds=4] [pan]
// ("pan" profiles panning and zooming the canvas while it runs instead of a still view).
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gridDesign } from './designs.mjs';
import { deadlineIn, load, openDesign, panAndZoom, startAtMax } from './frameGaps.mjs';
import { openBrowser, startPreview } from './preview.mjs';
import { threadSnapshot, threadTimesBetween } from './threadTimes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = Number(process.env.E2E_PORT ?? 4173);
const [size = 100, seconds = 4] = process.argv.slice(2, 4).map(Number);
const pan = process.argv.includes('pan');

/** Self time by function (file:line), the top `n`, from a CDP CPU profile. */
function selfTimes(profile, n) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ms = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const where = f?.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : '';
    const key = `${f?.functionName || '(anonymous)'} ${where}`.trim();
    ms.set(key, (ms.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  return [...ms].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/**
 * Total time by function (callees included: each sample counts once for every function on its
 * stack), the top `n`: what a handler costs with everything it calls.
 */
function totalTimes(profile, n) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const keyOf = (node) => {
    const f = node.callFrame;
    const where = f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
  };
  const ms = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node === undefined || !node.callFrame.url) continue; // (root), (idle), (program)…
      seen.add(keyOf(node));
    }
    for (const key of seen)
      ms.set(key, (ms.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...ms].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/**
 * The complete events of the page's main thread: of the threads named CrRendererMain (one per
 * renderer: the page's, a blank tab's…), the busiest.
 */
function mainThread(events) {
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const by = new Map();
  for (const e of events)
    if (e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`)) {
      const list = by.get(`${e.pid}:${e.tid}`) ?? [];
      list.push(e);
      by.set(`${e.pid}:${e.tid}`, list);
    }
  const busy = (list) => list.reduce((a, e) => a + (e.name === 'RunTask' ? e.dur : 0), 0);
  return [...by.values()].sort((a, b) => busy(b) - busy(a))[0] ?? [];
}

/**
 * An event's time on the CPU (µs): its thread time where the trace has it, which a loaded
 * machine inflates far less than its wall time (the OS taking the core away is not counted).
 */
const cpuOf = (e) => e.tdur ?? e.dur;

/** CPU time by trace event name on the page's main thread (children included), the top `n`. */
function eventTimes(events, n) {
  const ms = new Map();
  const count = new Map();
  for (const e of mainThread(events)) {
    ms.set(e.name, (ms.get(e.name) ?? 0) + cpuOf(e) / 1000);
    count.set(e.name, (count.get(e.name) ?? 0) + 1);
  }
  return [...ms]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, v]) => [`${name} (${count.get(name)} times)`, v]);
}

/**
 * The `n` longest tasks on the main thread, each with the time of the events in it by name
 * (what a long frame gap is made of).
 */
function longestTasks(events, n) {
  const mine = mainThread(events);
  const tasks = mine
    .filter((e) => e.name === 'RunTask')
    .sort((a, b) => b.dur - a.dur)
    .slice(0, n);
  return tasks.map((t) => {
    const inside = new Map();
    for (const e of mine)
      if (e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur) {
        const what = e.args?.data?.functionName || e.args?.data?.url?.split('/').pop() || '';
        const key = what ? `${e.name}(${what})` : e.name;
        inside.set(key, (inside.get(key) ?? 0) + cpuOf(e) / 1000);
      }
    const parts = [...inside]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ');
    return `  ${(t.dur / 1000).toFixed(0).padStart(5)} ms (${(cpuOf(t) / 1000).toFixed(0)} on the CPU): ${parts}`;
  });
}

const table = (rows, wallS) =>
  rows
    .map(
      ([k, v]) =>
        `  ${v.toFixed(0).padStart(6)} ms ${((v / wallS) * 0.1).toFixed(1).padStart(5)} %  ${k}`,
    )
    .join('\n');

const preview = await startPreview({
  root,
  distDir: resolve(root, process.env.E2E_DIST ?? 'dist'),
  port: PORT,
});
let browser;
try {
  browser = await openBrowser();
  const { context } = browser;
  const { baseUrl } = preview;
  const page = await context.newPage();
  await openDesign(page, baseUrl, gridDesign(size));
  // An experiment: what the same run costs with this style added (e.g. to try a containment).
  if (process.env.PROFILE_CSS) await page.addStyleTag({ content: process.env.PROFILE_CSS });
  await startAtMax(page);
  await page.waitForTimeout(2000);
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Tracing.start', {
    categories:
      'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute' +
      // What made the browser lay out or paint again, with the script's stack (saved traces).
      (process.env.PROFILE_TRACE
        ? ',disabled-by-default-devtools.timeline.invalidationTracking'
        : ''),
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.start');
  const threadsBefore = threadSnapshot();
  const t0 = Date.now();
  if (pan) await panAndZoom(page, deadlineIn(seconds * 1000));
  else await page.waitForTimeout(seconds * 1000);
  const threadsAfter = threadSnapshot();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await traced;
  const wallS = (Date.now() - t0) / 1000;
  // The whole trace, for a closer look (chrome://tracing or Perfetto open it).
  if (process.env.PROFILE_TRACE)
    writeFileSync(process.env.PROFILE_TRACE, JSON.stringify({ traceEvents: events }));
  console.log(
    `${size} nodes at Max${pan ? ', pan and zoom' : ''}, ${wallS.toFixed(1)} s at load ${load()}`,
  );
  console.log('self time by function (CPU profile):');
  console.log(table(selfTimes(profile, 25), wallS));
  console.log('total time by function, callees included (CPU profile):');
  console.log(table(totalTimes(profile, 30), wallS));
  console.log('CPU time by trace event on the main thread (nested events counted in each):');
  console.log(table(eventTimes(events, 20), wallS));
  console.log('CPU time by browser thread (/proc; the renderer holds the page and its workers):');
  console.log(
    table(
      threadTimesBetween(threadsBefore, threadsAfter, 14).map(([k, s]) => [k, s * 1000]),
      wallS,
    ),
  );
  console.log('longest tasks (ms by event inside):');
  console.log(longestTasks(events, 10).join('\n'));
} finally {
  await browser?.close();
  preview.stop();
}
