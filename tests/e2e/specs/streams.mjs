// A partitioned stream in the browser: the hot-partition preset's stream edited in the inspector
// (a partition count out of range refused, naming the value), run to the end, its "lag by
// partition" chart drawn with a line per partition and its rebalance pauses charted, and the
// per-partition rates and waits in the run report (p0, the hot one, waits longest), at
// 1440×900 and 1024×768.
import assert from 'node:assert/strict';
import { openPreset, runToEnd } from '../runHelpers.mjs';

export default async function ({ page, baseUrl, screenshot }) {
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });
    await openPreset(page, baseUrl, 'stream-hot-partition');

    // The stream's params, drawn from its kind's description.
    await page.locator('.react-flow__node').filter({ hasText: 'Order events' }).first().click();
    const partitions = page.getByLabel('Partitions', { exact: true });
    assert.equal(await partitions.inputValue(), '6');
    await partitions.fill('100');
    const refused = page.getByRole('alert').filter({ hasText: '100' }).first();
    await refused.waitFor();
    assert.match(await refused.innerText(), /1 to 64/);
    await partitions.fill('6');
    await refused.waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel('Rebalance pause').inputValue(), '3000');
    await screenshot(`${width}-inspector`);

    await runToEnd(page);
    const lagCard = page
      .locator('.chart-card')
      .filter({ hasText: 'Order events: lag by partition' })
      .first();
    await lagCard.locator('path[data-series]').first().waitFor({ state: 'attached' });
    assert.equal(await lagCard.locator('path[data-series]').count(), 6, 'a line per partition');
    const legend = await lagCard.locator('.chart-card__legend').innerText();
    for (const p of ['p0', 'p5']) assert.match(legend, new RegExp(p));
    await page.getByText('Order events: rebalancing').first().waitFor();
    await lagCard.scrollIntoViewIfNeeded();
    await screenshot(`${width}-charts`);

    // Per partition in the run report: the hot partition waits longest.
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    const report = page.getByRole('dialog', { name: 'Run report' });
    const cell = async (label) => {
      const line = report
        .locator('tbody tr')
        .filter({ has: page.locator('th', { hasText: label }) })
        .first();
      await line.waitFor();
      return Number((await line.locator('td').first().innerText()).replace(/[^0-9.]/g, ''));
    };
    const hot = await cell('Mean wait by partition: ledger p0');
    const cold = await cell('Mean wait by partition: ledger p3');
    console.log(`     ${width}: p0 waits ${hot} ms, p3 ${cold} ms`);
    assert.ok(hot > 3 * cold, 'the hot partition waits longest');
    await report
      .locator('tbody tr')
      .filter({ has: page.locator('th', { hasText: 'Mean wait by partition: ledger p0' }) })
      .first()
      .scrollIntoViewIfNeeded();
    await screenshot(`${width}-report`);
    await page.keyboard.press('Escape');
  }
}
