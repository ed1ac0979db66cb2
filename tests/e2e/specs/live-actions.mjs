// Live changes: run a preset, raise the client's rate twice while it runs (no restart: the
// simulated clock keeps going, no restart notice), see both actions on the timeline, move one,
// Reset, and a run to the end replays the same figures twice.
import { restartNotices, simulatedSeconds, summaryText } from '../runHelpers.mjs';

async function clockAfter(page, s, timeoutMs = 20_000) {
  const started = Date.now();
  let text = '';
  while (Date.now() - started < timeoutMs) {
    text = await summaryText(page);
    if (simulatedSeconds(text) > s) return simulatedSeconds(text);
    await page.waitForTimeout(100);
  }
  throw new Error(`the clock did not pass ${s} s: ${text}`);
}

async function raiseRate(page, rps) {
  const rate = page.getByLabel('Arrivals rate');
  await rate.fill(String(rps));
  await rate.press('Tab');
}

async function runToEndTwice(page) {
  const results = [];
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const started = Date.now();
    let text = await summaryText(page);
    while (!/^Finished/.test(text) && Date.now() - started < 60_000) {
      await page.waitForTimeout(200);
      text = await summaryText(page);
    }
    results.push(text);
  }
  return results;
}

export default async function ({ page, baseUrl, screenshot }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await page.locator('.react-flow__node', { hasText: 'Users' }).click();
  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await clockAfter(page, 5);

  await raiseRate(page, 450);
  const t1 = await clockAfter(page, 0);
  await page
    .getByRole('button', { name: /^Action at [\d.]+ s: Users: arrival\.rps 450/ })
    .waitFor();
  await raiseRate(page, 600);
  await page
    .getByRole('button', { name: /^Action at [\d.]+ s: Users: arrival\.rps 600/ })
    .waitFor();
  const t2 = await clockAfter(page, t1 + 2);
  const notices = await restartNotices(page);
  if (notices.length > 0) throw new Error(`a live edit restarted the run: ${notices.join(' / ')}`);
  console.log(`     two live edits, the clock went on from ${t1} s to ${t2} s without a restart`);
  if ((await page.getByLabel('Arrivals rate').inputValue()) !== '600')
    throw new Error('the inspector does not show the rate the actions set');
  await screenshot('live-actions-1440');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.waitForTimeout(300);
  await screenshot('live-actions-1024');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Move the first action a second later (the arrow key on its flag), then replay.
  await page
    .getByRole('button', { name: 'Pause', exact: true })
    .click()
    .catch(() => {});
  const first = page.getByRole('button', { name: /^Action at [\d.]+ s: Users: arrival\.rps 450/ });
  const before = await first.getAttribute('aria-label');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  const after = await page
    .getByRole('button', { name: /^Action at [\d.]+ s: Users: arrival\.rps 450/ })
    .getAttribute('aria-label');
  if (before === after) throw new Error(`the action did not move: ${before}`);
  console.log(`     moved: "${before}" → "${after}"`);
  const [a, b] = await runToEndTwice(page);
  console.log(`     replay 1: ${a.replace(/\s+/g, ' ')}\n     replay 2: ${b.replace(/\s+/g, ' ')}`);
  if (a !== b) throw new Error(`Reset did not replay the same run:\n${a}\n${b}`);
  await screenshot('live-actions-replayed');
}
