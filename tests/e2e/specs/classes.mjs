// Request classes in the browser: the priority-shedding preset's class mix as rows in the
// client's inspector (a bad share refused at its cell), a route flagged as it is typed, its
// per-class charts named by class once it runs (the client's end to end, its error rate by
// class, and the API's own),
// and the priority's effect in the run report (checkout served with no errors, browse shed, at
// the client and at the API), at 1440×900 and at 1024×768.
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

    // The class mix, in the client's inspector: a row of typed fields per class.
    await page.locator('.react-flow__node').filter({ hasText: 'Users' }).first().click();
    const mix = page.getByRole('group', { name: 'Request classes' });
    await mix.waitFor();
    const nameOf = (row) => mix.getByRole('group', { name: row }).getByLabel('Name').inputValue();
    assert.equal(await nameOf('Class 1'), 'checkout');
    assert.equal(await nameOf('Class 2'), 'browse');
    const share = mix.getByRole('group', { name: 'Class 2' }).getByLabel('Share');
    assert.equal(await share.inputValue(), '4');
    // A bad share is refused at its cell, naming the row, the column and the value.
    await share.fill('0');
    const alert = mix.getByRole('group', { name: 'Class 2' }).getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /^Class 2, Share: must be a number above 0.*got 0$/);
    await mix.scrollIntoViewIfNeeded();
    await screenshot(`${width}-inspector`);
    await share.fill('4');
    await alert.waitFor({ state: 'detached' });

    // The balancer's routes: a route to a class no client sends is flagged as it is typed.
    await page.locator('.react-flow__node').filter({ hasText: 'L7 balancer' }).first().click();
    const routes = page.getByRole('group', { name: 'Routes by class' });
    await routes.getByRole('button', { name: 'Add route' }).click();
    const route = routes.getByRole('group', { name: 'Route 1' });
    assert.equal(await route.getByLabel('Class').inputValue(), 'checkout');
    assert.ok(await route.getByRole('checkbox', { name: 'API' }).isChecked());
    await route.getByLabel('Class').fill('search');
    await route
      .getByRole('status')
      .filter({ hasText: 'No client sends the class "search"' })
      .waitFor();
    await routes.scrollIntoViewIfNeeded();
    await screenshot(`${width}-routes`);
    await route.getByRole('button', { name: 'Remove route 1' }).click();
    await route.waitFor({ state: 'detached' });
    await page.locator('.react-flow__node').filter({ hasText: 'Users' }).first().click();

    // The per-class charts, each line named by its class.
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    for (const title of [
      'Users: p99 by class',
      'Users: throughput by class',
      'Users: error rate by class',
    ])
      await page.getByText(title).first().waitFor({ timeout: 30_000 });
    const card = page.locator('.chart-card').filter({ hasText: 'Users: p99 by class' }).first();
    await card.locator('path[data-series]').first().waitFor({ state: 'attached' });
    const legend = await card.locator('.chart-card__legend').innerText();
    assert.match(legend, /checkout/);
    assert.match(legend, /browse/);
    await summary.filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(`${width}-charts`);
    // Browse's shed requests show on its own error-rate line; checkout's stays at zero.
    const errors = page
      .locator('.chart-card')
      .filter({ hasText: 'Users: error rate by class' })
      .first();
    assert.match(await errors.locator('.chart-card__legend').innerText(), /checkout[\s\S]*browse/);
    await errors.scrollIntoViewIfNeeded();
    await screenshot(`${width}-class-errors`);

    // The API's own charts by class: its time per class, where the priority acts.
    await page.locator('.react-flow__node').filter({ hasText: 'API' }).first().click();
    const apiCard = page.locator('.chart-card').filter({ hasText: 'API: p99 by class' }).first();
    await apiCard.locator('path[data-series]').first().waitFor({ state: 'attached' });
    const apiLegend = await apiCard.locator('.chart-card__legend').innerText();
    assert.match(apiLegend, /checkout/);
    assert.match(apiLegend, /browse/);
    await page.getByText('API: throughput by class').first().waitFor();
    await apiCard.scrollIntoViewIfNeeded();
    await screenshot(`${width}-api-charts`);

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
    // The API's own rows by class: the sheds happen there, all of them browse.
    const apiRow = async (label) => {
      const line = report
        .locator('table[data-section="service"] tbody tr')
        .filter({ has: page.locator('th', { hasText: label }) })
        .first();
      await line.waitFor();
      return (await line.locator('td').allInnerTexts()).join(' ');
    };
    const apiCheckout = await apiRow('By class: checkout error rate');
    const apiBrowse = await apiRow('By class: browse error rate');
    console.log(`     ${width}: at the API checkout ${apiCheckout}, browse ${apiBrowse}`);
    assert.match(apiCheckout, /^\s*0\b/, 'the API sheds no checkout');
    assert.doesNotMatch(apiBrowse, /^\s*0\s*$/, 'the API sheds browse');
    await report
      .locator('tbody tr')
      .filter({ has: page.locator('th', { hasText: 'By class: checkout p99' }) })
      .first()
      .scrollIntoViewIfNeeded();
    await screenshot(`${width}-report`);
    await page.keyboard.press('Escape');
  }
}
