// The load sweep of a design with objectives: the objectives decide each point's pass (the
// table's column and the chart's caption say so, not "p99 ≤ SLO"), and the chart shades the
// loads that pass. At 1440×900 and 1024×768.
import assert from 'node:assert/strict';

export default async function ({ page, baseUrl, screenshot }) {
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/?preset=capacity-planning`);
    await page.locator('[data-testid="node-api"]').waitFor();
    await page.getByRole('button', { name: 'Analyze', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Analysis' });
    await drawer.getByRole('tab', { name: 'Load sweep' }).click();
    for (const [label, value] of [
      ['From %', 50],
      ['To %', 300],
      ['Step %', 50],
      ['Base rate (rps)', 600],
      ['Duration per point (s)', 20],
    ])
      await drawer.getByLabel(label, { exact: true }).fill(String(value));
    await drawer.getByRole('button', { name: 'Run sweep' }).click();
    const table = drawer.getByRole('table', { name: 'Sweep points' });
    await table.waitFor({ timeout: 90_000 });
    const header = await table.locator('thead th').last().innerText();
    assert.equal(header, 'Passes: objectives');
    assert.match(
      await drawer.locator('.an-chart figcaption').innerText(),
      /every objective met \(p99 at most 150 ms all year ≤ 150 ms; at the least cost ≤ \$0\.33/,
    );
    const passing = await table.locator('tr[data-pass="true"]').count();
    const failing = await table.locator('tr[data-pass="false"]').count();
    console.log(`     ${passing} points pass, ${failing} do not`);
    assert.ok(passing > 0 && failing > 0, 'some loads pass and some do not');
    assert.ok((await drawer.locator('.recharts-reference-area').count()) >= 1, 'shaded');
    await drawer.locator('.an-chart').scrollIntoViewIfNeeded();
    await screenshot(`${width}-sweep`);
  }
}
