// What the live charts cost the page's main thread while a big design runs at Max speed, read
// from Chromium itself: a CPU profile (self time per script file, so the chart chunks' share is
// separated from React Flow's and the app's) and the renderer's task time, plus the gaps between
// animation frames. Printed as a report; speed is never asserted (the machine is shared).
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

/** Self time (ms) per script file name in a CDP CPU profile. */
function selfTimeByFile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const url = node?.callFrame.url ?? '';
    const file =
      url === '' ? `(${node?.callFrame.functionName || 'native'})` : url.split('/').pop();
    self.set(file, (self.get(file) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  return self;
}

/**
 * Runs `seconds` of wall time with the run going on and returns the figures. `chartFiles` tells
 * which script files are chart drawing (matched against the file name).
 */
export async function measureMainThread(page, seconds, chartFiles) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  const metrics = async () =>
    Object.fromEntries(
      (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
    );
  await page.evaluate(() => {
    window.__gaps = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (t) => {
      window.__gaps.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const before = await metrics();
  await cdp.send('Profiler.start');
  await page.waitForTimeout(seconds * 1000);
  const { profile } = await cdp.send('Profiler.stop');
  const after = await metrics();
  const gaps = await page.evaluate(() => {
    window.__recording = false;
    return window.__gaps.slice(2).sort((a, b) => a - b);
  });
  await cdp.detach();
  const wall = after.Timestamp - before.Timestamp;
  const files = selfTimeByFile(profile);
  const total = [...files.values()].reduce((a, b) => a + b, 0);
  const charts = [...files]
    .filter(([f]) => chartFiles.some((c) => f.startsWith(c)))
    .reduce((a, [, ms]) => a + ms, 0);
  const top = [...files]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([f, ms]) => `${f} ${((ms / 1000 / wall) * 100).toFixed(1)} %`);
  return {
    wallS: wall,
    busyPct: ((after.TaskDuration - before.TaskDuration) / wall) * 100,
    scriptPct: ((after.ScriptDuration - before.ScriptDuration) / wall) * 100,
    layoutStylePct:
      ((after.LayoutDuration -
        before.LayoutDuration +
        after.RecalcStyleDuration -
        before.RecalcStyleDuration) /
        wall) *
      100,
    chartMsPerS: charts / wall,
    profiledMsPerS: total / wall,
    gapP95: quantile(gaps, 0.95),
    gapMax: gaps.at(-1),
    frames: gaps.length,
    top,
  };
}

export function describeCost(what, m) {
  return (
    `     ${what}: main thread busy ${m.busyPct.toFixed(0)} % (script ${m.scriptPct.toFixed(0)} %, ` +
    `style+layout ${m.layoutStylePct.toFixed(0)} %); chart code ${m.chartMsPerS.toFixed(1)} ms/s; ` +
    `frames ${m.frames}, gap p95 ${m.gapP95?.toFixed(1)} ms, max ${m.gapMax?.toFixed(1)} ms\n` +
    `       self time by file: ${m.top.join(', ')}`
  );
}
