// The metastable-failure presets in the browser, at 1440×900 and 1024×768: a connection pool
// (a bulkhead with a wait bound) in the edge inspector, its wait charted on the caller and its
// give-ups (bulkheadTimeout) in the errors by reason; a GC pause growing with the backlog named
// on the fault timeline.
import assert from 'node:assert/strict';
import { openPreset, runToEnd } from '../runHelpers.mjs';

const SIZES = [
  [1440, 900],
  [1024, 768],
];

async function pool(page, baseUrl, screenshot, w) {
  await openPreset(page, baseUrl, 'overload-connection-pool');
  await page.getByRole('group', { name: /from API to Database/ }).focus();
  await page.keyboard.press('Enter');
  const group = page.getByRole('group', { name: 'Bulkhead' });
  await group.waitFor();
  await group.scrollIntoViewIfNeeded();
  assert.equal(await group.getByLabel(/Calls at once/).inputValue(), '10');
  const waitAtMost = group.getByLabel(/Wait at most/);
  assert.equal(await waitAtMost.inputValue(), '1000');
  // Fail fast: the lesson's first step.
  await waitAtMost.fill('100');
  await waitAtMost.press('Enter');
  await page.waitForFunction(() => /Wait at most/.test(document.body.innerText));
  await screenshot(`${w}-pool-inspector`);

  await runToEnd(page);
  const errors = page.locator('.chart-card').filter({ hasText: 'Errors by reason' }).first();
  await errors.scrollIntoViewIfNeeded();
  await errors.getByText('bulkheadTimeout', { exact: true }).waitFor({ timeout: 20_000 });
  await screenshot(`${w}-pool-errors`);
  await page.locator('.react-flow__node').filter({ hasText: 'API' }).first().click();
  const chart = page.locator('.chart-card').filter({ hasText: 'API: bulkhead wait' }).first();
  await chart.waitFor({ timeout: 20_000 });
  await chart.scrollIntoViewIfNeeded();
  await chart.locator('path[data-series]').first().waitFor({ state: 'attached' });
  const summary = await page.getByRole('status', { name: 'Run summary' }).innerText();
  console.log(`     ${w}: ${summary.replace(/\s+/g, ' ').slice(0, 160)}`);
  await screenshot(`${w}-pool-wait-chart`);
}

async function gc(page, baseUrl, screenshot, w) {
  await openPreset(page, baseUrl, 'overload-gc-death-spiral');
  // The pause's growth is said where the fault is drawn.
  await page.getByText('50 + 2·n ms/1 s').first().waitFor();
  await screenshot(`${w}-gc-faults`);
}

export default async function ({ page, baseUrl, screenshot }) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await pool(page, baseUrl, screenshot, width);
    await gc(page, baseUrl, screenshot, width);
  }
}
