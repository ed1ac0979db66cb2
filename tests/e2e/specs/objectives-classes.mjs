// Objectives per request class, on the priority-shedding preset: the scorecard grades checkout's
// p99 and share served and browse's share served, each row naming its class, with the values
// the headless run gives; the run report's "Whole run" table has every class's rows; at
// 1440×900 and 1024×768.
import assert from 'node:assert/strict';
import { headless, presetDoc, scorecardChip } from '../objectivesHelpers.mjs';
import { openPreset, runToEnd } from '../runHelpers.mjs';

const PRESET = 'priority-shedding';

export default async function ({ page, baseUrl, screenshot }) {
  const expected = headless(presetDoc(PRESET));
  const byId = Object.fromEntries(expected.objectives.map((o) => [o.id, o]));
  assert.equal(byId['checkout-fast'].class, 'checkout');
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });
    await openPreset(page, baseUrl, PRESET);
    await runToEnd(page, 110_000);
    const chip = scorecardChip(page);
    await chip.filter({ hasText: '3/3 met' }).waitFor();
    await chip.click();
    const panel = page.getByRole('dialog', { name: 'Objectives scorecard' });
    await panel.getByText('Whole run after warm-up', { exact: false }).waitFor();
    const rows = panel.getByRole('list', { name: 'Objectives' }).getByRole('listitem');
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    console.log(`     ${width}: ${texts.join(' | ')}`);
    assert.match(texts[0], /Checkout p99 p99 latency of checkout/);
    // The page's value is the headless one (204.7 ms shown as "205 ms").
    assert.match(texts[0], new RegExp(`${Math.round(byId['checkout-fast'].value)} ms`));
    assert.match(texts[1], /Checkout served Availability of checkout/);
    assert.match(texts[2], /Browse served \(may degrade\) Availability of browse/);
    const pct = (x) => `${Number((x * 100).toFixed(1))} %`;
    assert.match(texts[2], new RegExp(pct(byId['browse-served'].value)));
    await screenshot(`${width}-scorecard`);
    await panel.getByRole('button', { name: 'Close' }).click();
    await panel.waitFor({ state: 'detached' });

    // The whole run, class by class, in the report.
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    const report = page.getByRole('dialog', { name: 'Run report' });
    const runRow = report
      .locator('table[data-section="run"] tbody tr')
      .filter({ has: page.locator('th', { hasText: 'By class: browse error rate' }) })
      .first();
    await runRow.waitFor();
    const cell = (await runRow.locator('td').allInnerTexts()).join(' ');
    assert.match(cell, /41(\.\d+)? %/, `browse error rate in the report: ${cell}`);
    await runRow.scrollIntoViewIfNeeded();
    await screenshot(`${width}-report`);
    await page.keyboard.press('Escape');
  }
}
