// Shared by the kind-charts specs: run a preset, select a node of one kind, and check that its
// kind's declared figures are charted (the chart titles come from the kinds' figure groups).
export const CASES = [
  { preset: 'read-replicas', node: 'Replica 1', charts: ['stale reads', 'replication backlog'] },
  { preset: 'queue-load-levelling', node: 'Order queue', charts: ['messages'] },
  { preset: 'cache-stampede', node: 'Cache', charts: ['cache hit ratio', 'entries'] },
  {
    preset: 'rate-limiting',
    node: 'Partner rate limit',
    charts: ['requests limited', 'tokens left'],
  },
  { preset: 'load-balancing', node: 'Load balancer', charts: ['backends'] },
];

async function chartTitles(page) {
  return page.$$eval('.chart-card__title', (ts) => ts.map((t) => t.textContent ?? ''));
}

export async function checkKindCharts({ page, baseUrl, screenshot }, [width, height]) {
  await page.setViewportSize({ width, height });
  for (const { preset, node, charts } of CASES) {
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/?preset=${preset}`);
    await page.getByRole('status', { name: 'Run summary' }).waitFor();
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByText('Utilization', { exact: true }).waitFor({ timeout: 20_000 });
    await page.locator('.react-flow__node').filter({ hasText: node }).first().click();
    const wanted = charts.map((group) => `${node}: ${group}`);
    for (const title of wanted) await page.getByText(title).first().waitFor({ timeout: 20_000 });
    // At Max a short preset may finish first; either way the charts stay drawn.
    const pause = page.getByRole('button', { name: 'Pause', exact: true });
    if (await pause.isEnabled()) await pause.click().catch(() => {});
    await page
      .locator('.chart-card path[data-series]')
      .first()
      .waitFor({ state: 'attached', timeout: 10_000 });
    const titles = await chartTitles(page);
    const missing = wanted.filter((w) => !titles.some((t) => t.startsWith(w)));
    if (missing.length > 0)
      throw new Error(
        `${preset}, ${node}: no chart ${missing.join(', ')} (have ${titles.join(' | ')})`,
      );
    // The node's own charts sit after the first row: bring the first of them into view.
    await page
      .locator('.chart-card')
      .filter({ hasText: wanted[0] ?? '' })
      .first()
      .scrollIntoViewIfNeeded();
    console.log(
      `     ${width}×${height} ${node}: ${titles.filter((t) => t.startsWith(node)).join(' | ')}`,
    );
    await screenshot(`${width}-${preset}`);
  }
}
