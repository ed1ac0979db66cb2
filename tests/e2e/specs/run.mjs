// Run a preset in the browser: the summary's text moves, a chart draws, Pause and Reset work.
import { simulatedSeconds, summaryText } from '../runHelpers.mjs';

async function waitUntil(what, test, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await test();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export default async function ({ page, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  const summary = page.getByRole('status', { name: 'Run summary' });
  await summary.waitFor();
  const before = await summaryText(page);
  if (simulatedSeconds(before) !== 0) throw new Error(`expected t = 0 before Run, got "${before}"`);
  await screenshot('before');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const running = await waitUntil('simulated time and throughput to move', async () => {
    const text = await summaryText(page);
    // formatRate: "529 rps", "1.2k rps" (any number above 0 will do).
    const tp = Number(text.match(/throughput ([\d.,]+)k? rps/)?.[1]?.replace(/,/g, '') ?? 0);
    return simulatedSeconds(text) > 2 && tp > 0 ? text : undefined;
  });
  console.log(`     summary while running: ${running}`);

  await waitUntil('a chart to draw', async () => {
    // Chart lines: SVG paths with at least two points.
    const drawn = await page.$$eval(
      '.chart-card svg path',
      (paths) => paths.filter((p) => (p.getAttribute('d') ?? '').split(/[ML]/).length > 3).length,
    );
    return drawn > 0;
  });
  await screenshot('running');

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await waitUntil('Paused', async () => (await summaryText(page)).includes('Paused'));
  const pausedAt = simulatedSeconds(await summaryText(page));
  // Paused: the charts stay drawn, with their axes (the latency axis in ms or s, log scale).
  // The clock, read again once they are drawn, must not have moved.
  await page.locator('.chart-card path[data-series]').first().waitFor({ timeout: 10_000 });
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  const later = simulatedSeconds(await summaryText(page));
  if (later !== pausedAt) throw new Error(`clock moved while paused: ${pausedAt} → ${later}`);
  const latencyTicks = await page
    .locator('.chart-card[data-chart="latency"] svg text')
    .allTextContents();
  if (!latencyTicks.includes('log scale') || !latencyTicks.some((t) => / (ms|s)$/.test(t)))
    throw new Error(`latency axis without units or log scale: ${latencyTicks.join(' | ')}`);
  await screenshot('paused');

  // The first Step runs to the end of the current window (perhaps a few ms away, invisible at
  // one decimal), the second one a whole window further.
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await step.click();
  await step.click();
  await waitUntil('two steps', async () => {
    const text = await summaryText(page);
    return text.includes('Paused') && simulatedSeconds(text) >= pausedAt + 0.9;
  });

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await waitUntil('the clock back at 0', async () => {
    const text = await summaryText(page);
    return simulatedSeconds(text) === 0 && text.includes('Ready');
  });
  await screenshot('reset');
}
