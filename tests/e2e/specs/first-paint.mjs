// First paint: every JavaScript request the page makes before its first contentful paint,
// counted together (not one chunk), weighs at most 200 KB gzipped (200,000 bytes: each body is
// fetched again and gzipped here with zlib's default level, as a server would send it). The
// charts, the lesson's Markdown parser and the simulation worker must not be among them: the
// canvas is interactive before they arrive. Then, under a throttled 4G profile (9 Mbps down,
// 1.5 Mbps up, 170 ms round trip) and a 4× slower CPU, the time until a node of the canvas can be
// clicked and selected is printed: a report, not a gate (on a shared 2-core machine it measures
// the machine as much as the app).
import { gzipSync } from 'node:zlib';

const LIMIT_BYTES = 200_000;
const PRESET = 'load-balancing';
/** Chunks that must arrive after the first paint. */
const LATE = [/LiveCharts|LineChart|recharts/, /SafeMarkdown/, /sim\.worker/];
const FOUR_G = {
  offline: false,
  latency: 170,
  downloadThroughput: (9e6 / 8) | 0,
  uploadThroughput: (1.5e6 / 8) | 0,
};

/** Opens the preset with the network watched; answers each request's URL and wall start (ms). */
async function openWatched(page, baseUrl, throttle) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', FOUR_G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  const requests = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.push({ url: e.request.url, startMs: e.wallTime * 1000 });
  });
  const started = Date.now();
  await page.goto(`${baseUrl}/?preset=${PRESET}`);
  return { cdp, requests, started };
}

/** The first contentful paint, as wall time in ms (waits for it). */
async function firstPaintAt(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list, observer) => {
          const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (!fcp) return;
          observer.disconnect();
          resolve(performance.timeOrigin + fcp.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

const isJs = (url) => /\.(m?js)(\?|$)/.test(new URL(url).pathname);

async function gzippedSize(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return gzipSync(Buffer.from(await res.arrayBuffer())).length;
}

/**
 * The Resource Timing entries of `urls` (each once it has arrived), in the page's clock: when
 * each was requested (`startTime`) and arrived (`responseEnd`).
 */
async function lateTimings(page, urls) {
  const handle = await page.waitForFunction((wanted) => {
    const entries = performance.getEntriesByType('resource');
    const found = wanted.map((url) => entries.find((e) => e.name === url));
    return found.every((e) => e !== undefined)
      ? found.map((e) => ({ startTime: e.startTime, responseEnd: e.responseEnd }))
      : undefined;
  }, urls);
  return handle.jsonValue();
}

/** Clicks the first node; answers when it shows as selected. */
async function selectFirstNode(page) {
  const node = page.locator('.react-flow__node').first();
  await node.click();
  await page.locator('.react-flow__node.selected').first().waitFor();
}

export default async function ({ page, baseUrl, screenshot }) {
  // Counted at full speed: which requests precede the paint does not depend on the network.
  await page.setViewportSize({ width: 1440, height: 900 });
  const { cdp, requests } = await openWatched(page, baseUrl, false);
  const fcpAt = await firstPaintAt(page);
  await page.locator('.react-flow__node').first().waitFor();
  const before = requests.filter((r) => r.startMs <= fcpAt && isJs(r.url));
  const sizes = await Promise.all(before.map((r) => gzippedSize(r.url)));
  const total = sizes.reduce((a, b) => a + b, 0);
  const rows = before.map((r, i) => `${new URL(r.url).pathname} ${sizes[i]}`).join(', ');
  console.log(
    `first paint: ${before.length} JavaScript files, ${total} bytes gzipped before FCP (${rows})`,
  );
  await cdp.detach();
  const early = before.filter((r) => LATE.some((re) => re.test(r.url)));
  if (early.length > 0) {
    throw new Error(
      `fetched before the first paint: ${early.map((r) => new URL(r.url).pathname).join(', ')}`,
    );
  }
  if (total > LIMIT_BYTES) {
    throw new Error(
      `${total} bytes of gzipped JavaScript before the first paint (limit ${LIMIT_BYTES})`,
    );
  }

  // Time to interactive on a throttled 4G phone-class profile, at both window sizes.
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });
    const watched = await openWatched(page, baseUrl, true);
    const fcp = await firstPaintAt(page);
    await selectFirstNode(page);
    const interactiveAt = Date.now();
    const clickedAt = await page.evaluate(() => performance.now());
    const late = watched.requests.filter((r) => LATE.some((re) => re.test(r.url)));
    // When each late chunk started and arrived, read in the page's own clock (Resource Timing),
    // the clock its first paint is read in: CDP's wall times and the page's time origin disagree
    // by more than the 150-300 ms between the paint and these requests, and read some of them
    // as made before the paint when the page's own entries show them after it.
    const timings = await lateTimings(
      page,
      late.map((r) => r.url),
    );
    const fcpPage = await page.evaluate(
      () =>
        performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')
          ?.startTime ?? NaN,
    );
    const lateAfter = timings.every((t) => t.startTime > fcpPage);
    const lateArrived = timings.filter((t) => t.responseEnd <= clickedAt).length;
    console.log(
      `throttled 4G + 4× CPU at ${width}×${height}: first paint ${Math.round(fcp - watched.started)} ms, ` +
        `a node selected by click ${interactiveAt - watched.started} ms after navigation; ` +
        `charts, Markdown and worker requested after the paint: ${lateAfter ? 'yes' : 'NO'}, ` +
        `arrived before the click: ${lateArrived} of ${late.length}`,
    );
    await screenshot(`interactive-${width}x${height}`);
    await watched.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await watched.cdp.detach();
  }
}
