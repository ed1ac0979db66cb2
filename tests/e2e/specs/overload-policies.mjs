// The overload policies in the browser, at 1440×900 and 1024×768: a service's concurrency limit
// in the inspector (only the fields of the chosen algorithm shown) and charted over a run of its
// preset; an edge's bulkhead in the inspector and its refusals (bulkheadFull) in the errors.
import assert from 'node:assert/strict';
import { openPreset, runToEnd } from '../runHelpers.mjs';

const SIZES = [
  [1440, 900],
  [1024, 768],
];

async function concurrencyLimit(page, baseUrl, screenshot, w) {
  await openPreset(page, baseUrl, 'overload-concurrency-limit');
  await page.locator('.react-flow__node').filter({ hasText: 'API' }).first().click();
  const group = page.getByRole('group', { name: 'Concurrency limit' });
  await group.scrollIntoViewIfNeeded();
  assert.ok(await group.getByRole('checkbox', { name: 'Concurrency limit enabled' }).isChecked());
  const algorithm = group.getByLabel('Limit', { exact: true });
  assert.equal(await algorithm.inputValue(), 'aimd');
  // AIMD's own fields, not Vegas's.
  await group.getByLabel(/Latency threshold/).waitFor();
  assert.equal(await group.getByLabel(/Grow below/).count(), 0, 'vegas field shown for aimd');
  await screenshot(`${w}-limit-inspector`);

  await runToEnd(page);
  await page.locator('.react-flow__node').filter({ hasText: 'API' }).first().click();
  const chart = page.locator('.chart-card').filter({ hasText: 'API: concurrency limit' }).first();
  await chart.waitFor({ timeout: 20_000 });
  await chart.scrollIntoViewIfNeeded();
  await chart.locator('path[data-series]').first().waitFor({ state: 'attached' });
  const summary = await page.getByRole('status', { name: 'Run summary' }).innerText();
  console.log(`     ${w}: ${summary.replace(/\s+/g, ' ').slice(0, 160)}`);
  await screenshot(`${w}-limit-chart`);
}

async function bulkhead(page, baseUrl, screenshot, w) {
  await openPreset(page, baseUrl, 'overload-bulkhead');
  await page.getByRole('group', { name: /from Shop to Reviews/ }).focus();
  await page.keyboard.press('Enter');
  const group = page.getByRole('group', { name: 'Bulkhead' });
  await group.waitFor();
  await group.scrollIntoViewIfNeeded();
  assert.ok(await group.getByRole('checkbox', { name: 'Bulkhead enabled' }).isChecked());
  assert.equal(await group.getByLabel(/Calls at once/).inputValue(), '10');
  assert.equal(await group.getByLabel(/May wait/).inputValue(), '0');
  await screenshot(`${w}-bulkhead-inspector`);
  await runToEnd(page);
  // The refusals are charted by reason (not just named in the inspector's help).
  const errors = page.locator('.chart-card').filter({ hasText: 'Errors by reason' }).first();
  await errors.scrollIntoViewIfNeeded();
  await errors.getByText('bulkheadFull', { exact: true }).waitFor({ timeout: 20_000 });
  await screenshot(`${w}-bulkhead-errors`);
}

export default async function ({ page, baseUrl, screenshot }) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await concurrencyLimit(page, baseUrl, screenshot, width);
    await bulkhead(page, baseUrl, screenshot, width);
  }
}
