// Instance sizes and cost: the inspector prices a node and a bigger size multiplies its price
// and its workers; the node's chip on the canvas shows the inspector's figure; the run summary
// shows the design's dollars per hour; the run report itemises the cost and closes on Escape,
// at 1440×900 and at 1024×768.
import assert from 'node:assert/strict';

const money = (text) => Number(/\$([\d.,]+)\/h/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);

export default async function ({ page, baseUrl, screenshot }) {
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/?preset=littles-law`);
    const summary = page.getByRole('status', { name: 'Run summary' });
    await summary.filter({ hasText: 'cost $' }).waitFor();
    const before = money(await summary.innerText());
    await page.locator('.react-flow__node[data-id="server"]').click();
    const cost = page.getByTestId('node-cost');
    await cost.waitFor();
    const small = money(await cost.innerText());
    assert.ok(small > 0, `a small server costs something: ${await cost.innerText()}`);
    const chip = page.locator('.react-flow__node[data-id="server"] [data-testid="node-chip-cost"]');
    await chip.waitFor();
    assert.equal(money(await chip.innerText()), small, 'the chip says the inspector’s figure');
    await page.getByLabel('Instance size').selectOption('large');
    await cost.filter({ hasText: 'large replica' }).waitFor();
    const large = money(await cost.innerText());
    assert.ok(Math.abs(large - 4 * small) < 0.006, `large is 4 × small: ${small} → ${large}`);
    await chip.filter({ hasText: `$${large.toFixed(2)}/h` }).waitFor();
    // The client costs nothing and shows no price.
    assert.equal(
      await page.locator('.react-flow__node[data-id="arrivals"] .arch-node__cost').count(),
      0,
    );
    // The canvas line says the workers it now has: 4 × the one of a small replica.
    await page.locator('.react-flow__node[data-id="server"]', { hasText: 'large' }).waitFor();
    const after = money(await summary.innerText());
    assert.ok(Math.abs(after - before - (large - small)) < 0.006, `total ${before} → ${after}`);
    await screenshot(`${width}-inspector`);
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await summary.filter({ hasText: 'Finished' }).waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    const report = page.getByRole('dialog', { name: 'Run report' });
    const row = report.locator('table.rr-cost tr[data-node="server"]');
    await row.waitFor();
    assert.match(await row.innerText(), /1 large replica × \$0\.40\/h/);
    // After the run the chip prices the measured use, as the report does.
    const rowPerHour = (await row.locator('td').last().innerText()).trim();
    await chip.filter({ hasText: `${rowPerHour}/h` }).waitFor();
    await report.getByTestId('cost-total').scrollIntoViewIfNeeded();
    await screenshot(`${width}-report`);
    await report.getByRole('button').first().press('Escape');
    await report.waitFor({ state: 'hidden' });
    await screenshot(`${width}-chips`);
  }
}
