// Honest charts and exports that fit a slide, at 1440×900 and 1024×768:
// - a total outage (the only service crashed for 20 s) leaves a gap in the latency chart, not a
//   drop to 0 ms; the latency axis is in human units on a log scale;
// - autoscaling-reactive: the replicas chart draws replicas asked for and healthy ones;
// - "Charts as PNG/SVG" is every chart with its title, legend and axes under the scenario's name
//   and the run's summary line; "Canvas as SVG" carries each node's summary line.
// The exported pictures are written next to the screenshots, to be looked at.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shareLink, usersCallingApi } from '../designs.mjs';

const shotsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../screenshots');

const outage = usersCallingApi({
  name: 'Total outage',
  rps: 100,
  api: { replicas: 1, workers: 4, serviceTimeMs: { dist: 'exponential', meanMs: 20 } },
  faults: [{ atS: 20, kind: 'crash', target: 'api', forS: 20 }],
});

async function download(page, buttonName) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: buttonName }).click(),
  ]);
  return readFileSync(await file.path());
}

async function runToEnd(page) {
  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByText(/^Finished/).waitFor({ timeout: 60_000 });
}

/** Waits (the charts redraw a moment after the run ends) for the series to draw 2 stretches. */
const brokenLine = (page, chart, series) =>
  page.waitForFunction(
    ([c, s]) => {
      const path = document.querySelector(
        `.chart-card[data-chart="${c}"] path[data-series="${s}"]`,
      );
      return (path?.getAttribute('d') ?? '').match(/M/g)?.length === 2;
    },
    [chart, series],
    { timeout: 10_000 },
  );

export default async function ({ page, baseUrl, screenshot }) {
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });

    await page.goto('about:blank');
    await page.goto(`${baseUrl}/${shareLink(outage)}`);
    await page.getByRole('status', { name: 'Run summary' }).waitFor();
    await runToEnd(page);
    await brokenLine(page, 'latency', 'p99'); // before the crash, and after it
    const ticks = await page
      .locator('.chart-card[data-chart="latency"] svg text')
      .allTextContents();
    assert.ok(ticks.includes('log scale'), ticks.join(' | '));
    await screenshot(`outage-${width}`);

    await page.goto('about:blank');
    await page.goto(`${baseUrl}/?preset=autoscaling-reactive`);
    await page.getByRole('status', { name: 'Run summary' }).waitFor();
    await runToEnd(page);
    const replicas = page.locator('.chart-card', { hasText: /^Replicas/ }).first();
    await replicas.waitFor();
    const legend = await replicas.locator('li').allTextContents();
    assert.ok(
      legend.some((l) => /healthy/i.test(l)) && legend.some((l) => /asked for$/i.test(l)),
      `replicas legend: ${legend.join(' | ')}`,
    );
    await replicas.scrollIntoViewIfNeeded();
    await screenshot(`autoscaling-${width}`);

    const summary = (await page.getByRole('status', { name: 'Run summary' }).innerText()).trim();
    const svg = (await download(page, 'Charts as SVG')).toString('utf8');
    for (const text of ['Autoscaling', 'End-to-end latency', 'Throughput', 'log scale', 'req/s'])
      assert.ok(svg.includes(text), `charts SVG lacks "${text}"`);
    assert.ok(svg.includes(summary.split(' · ')[0] ?? ''), 'charts SVG lacks the summary line');
    const png = await download(page, 'Charts as PNG');
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    writeFileSync(join(shotsDir, `charts-export-charts-${width}.png`), png);
    const canvas = (await download(page, 'Canvas as SVG')).toString('utf8');
    assert.equal((canvas.match(/<g transform/g) ?? []).length, 3);
    assert.equal((canvas.match(/<text x="14" y="58"/g) ?? []).length, 3, 'a summary per node');
    writeFileSync(
      join(shotsDir, `charts-export-canvas-${width}.png`),
      await download(page, 'Canvas as PNG'),
    );
  }
}
