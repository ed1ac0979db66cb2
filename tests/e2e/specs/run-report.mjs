// The presets whose lessons name figures the charts do not draw: run each to its end, open
// the run report, and find each named figure with a value, at 1440×900 and at 1024×768.
const CASES = [
  { preset: 'read-replicas', kind: 'Database', rows: ['Stale reads'] },
  {
    preset: 'failover-active-passive',
    kind: 'Database',
    rows: ['Refused writes', 'Lost writes', 'RTO', 'RPO'],
  },
  { preset: 'sharding-hot-key', kind: 'Shard router', rows: ['Calls per shard: '] },
  { preset: 'queue-load-levelling', kind: 'Queue', rows: ['Message age: p99', 'Dead-lettered'] },
  { preset: 'autoscaling-reactive', kind: 'Service', rows: ['Replicas at the end', 'Healthy'] },
  {
    preset: 'littles-law',
    kind: 'Service',
    rows: ['Throughput', 'Latency: mean', 'Utilization', 'Mean waiting'],
  },
  {
    preset: 'overload-timeout-cascade',
    kind: 'Calls over each edge',
    rows: ['Calls', 'Failed calls', 'Retries'],
  },
];

export default async function ({ page, baseUrl, screenshot }) {
  for (const [i, { preset, kind, rows }] of CASES.entries()) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/?preset=${preset}`);
    const summary = page.getByRole('status', { name: 'Run summary' });
    await summary.waitFor();
    // The first one runs at ×10 until the live report is seen, the rest at Max.
    await page.getByLabel('Speed').selectOption(i === 0 ? '10' : 'max');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const report = page.getByRole('dialog', { name: 'Run report' });
    if (i === 0) {
      // Live: the newest window's figures while the run goes on.
      await page.getByRole('button', { name: 'Report', exact: true }).click();
      await report.getByText('Newest window', { exact: false }).waitFor({ timeout: 20_000 });
      await report.locator('table[data-section="database"] tbody tr').first().waitFor();
      await screenshot('1440-live');
      await page.getByLabel('Speed').selectOption('max');
    }
    await summary.filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    if (i !== 0) await page.getByRole('button', { name: 'Report', exact: true }).click();
    // The objectives' scorecard in the report says it too: either one will do.
    await report.getByText('Whole run after warm-up', { exact: false }).first().waitFor();
    const section = report
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: kind, exact: true }) });
    for (const row of rows) {
      const line = section
        .locator('tbody tr')
        .filter({ has: page.locator('th', { hasText: row }) })
        .first();
      await line.waitFor();
      const cells = await line.locator('td').allInnerTexts();
      if (!cells.some((c) => /\d/.test(c)))
        throw new Error(`${preset}: "${row}" has no value (${cells.join(' | ')})`);
      console.log(
        `     ${preset}: ${(await line.locator('th').innerText()).trim()} = ${cells.join(' | ')}`,
      );
    }
    await section.scrollIntoViewIfNeeded();
    await screenshot(`1440-${preset}`);
    await page.setViewportSize({ width: 1024, height: 768 });
    await section.scrollIntoViewIfNeeded();
    await screenshot(`1024-${preset}`);
  }
}
