// Request classes in the browser: the priority-shedding preset's class mix in the client's
// inspector, its per-class charts named by class once it runs, and the priority's effect in the
// run report (checkout served with no errors, browse shed), at 1440×900 and at 1024×768.
import assert from 'node:assert/strict';

export default async function ({ page, baseUrl, screenshot }) {
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/?preset=priority-shedding`);
    const summary = page.getByRole('status', { name: 'Run summary' });
    await summary.waitFor();

    // The class mix, in the client's inspector.
    await page.locator('.react-flow__node').filter({ hasText: 'Users' }).first().click();
    const mix = page.getByLabel('Request classes');
    await mix.waitFor();
    const text = await mix.inputValue();
    assert.match(text, /checkout/);
    assert.match(text, /browse/);
    await mix.scrollIntoViewIfNeeded();
    await screenshot(`${width}-inspector`);

    // The per-class charts, each line named by its class.
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    for (const title of ['Users: p99 by class', 'Users: throughput by class'])
      await page.getByText(title).first().waitFor({ timeout: 30_000 });
    const card = page.locator('.chart-card').filter({ hasText: 'Users: p99 by class' }).first();
    await card.locator('path[data-series]').first().waitFor({ state: 'attached' });
    const legend = await card.locator('.chart-card__legend').innerText();
    assert.match(legend, /checkout/);
    assert.match(legend, /browse/);
    await summary.filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(`${width}-charts`);

    // The priority's effect, class by class, in the run report.
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    const report = page.getByRole('dialog', { name: 'Run report' });
    const row = async (label) => {
      const line = report
        .locator('tbody tr')
        .filter({ has: page.locator('th', { hasText: label }) })
        .first();
      await line.waitFor();
      return (await line.locator('td').allInnerTexts()).join(' ');
    };
    const checkoutErrors = await row('By class: checkout error rate');
    const browseErrors = await row('By class: browse error rate');
    console.log(`     ${width}: checkout ${checkoutErrors}, browse ${browseErrors}`);
    assert.match(checkoutErrors, /^\s*0\b/, 'checkout is not shed');
    assert.doesNotMatch(browseErrors, /^\s*0\s*$/, 'browse takes the sheds');
    await report
      .locator('tbody tr')
      .filter({ has: page.locator('th', { hasText: 'By class: checkout p99' }) })
      .first()
      .scrollIntoViewIfNeeded();
    await screenshot(`${width}-report`);
    await page.keyboard.press('Escape');
  }
}
