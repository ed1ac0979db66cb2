// Scheduled jobs, on the nightly-job preset: the client's Scheduled jobs group in the inspector
// and its canvas line; once run, the Nightly job's makespan chart and the run report's makespan
// (15.4 s, as the headless run gives); at 1440×900 and 1024×768.
import assert from 'node:assert/strict';
import { headless, presetDoc } from '../objectivesHelpers.mjs';
import { openPreset, runToEnd } from '../runHelpers.mjs';

const jobNode = (page) => page.locator('.react-flow__node').filter({ hasText: 'Nightly job' });

export default async function ({ page, baseUrl, screenshot }) {
  const expected = headless(presetDoc('nightly-job')).nodes.nightly.makespanMs.mean;
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });
    await openPreset(page, baseUrl, 'nightly-job');
    assert.match(await jobNode(page).first().innerText(), /jobs every 120 s/);
    await jobNode(page).first().click();
    const group = page.getByRole('group', { name: 'Scheduled jobs' });
    await group.waitFor();
    assert.equal(await group.getByLabel('Jobs per burst').inputValue(), '1500');
    assert.equal(await group.getByLabel('Every').inputValue(), '120');
    await group.scrollIntoViewIfNeeded();
    await screenshot(`${width}-inspector`);

    await runToEnd(page, 110_000);
    const card = page.locator('.chart-card').filter({ hasText: 'Nightly job: makespan' }).first();
    await card.locator('path[data-series]').first().waitFor({ state: 'attached' });
    await card.scrollIntoViewIfNeeded();
    await screenshot(`${width}-chart`);

    await page.getByRole('button', { name: 'Report', exact: true }).click();
    const report = page.getByRole('dialog', { name: 'Run report' });
    const row = report
      .locator('table[data-section="client"] tbody tr')
      .filter({ has: page.locator('th', { hasText: 'Makespan: mean' }) })
      .first();
    await row.waitFor();
    const cells = (await row.locator('td').allInnerTexts()).join(' ');
    console.log(`     ${width}: makespan ${cells} (headless ${expected} ms)`);
    // Readable numbers keep two significant digits: 15,431 ms reads "15 s".
    const shown = Number(cells.match(/([\d.]+) s/)[1]);
    assert.ok(Math.abs(shown - expected / 1000) < 0.5, `${shown} s is not ${expected} ms`);
    await row.scrollIntoViewIfNeeded();
    await screenshot(`${width}-report`);
    await page.keyboard.press('Escape');
  }
}
