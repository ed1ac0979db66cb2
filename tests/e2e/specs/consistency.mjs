// The consistency lessons' figures on screen: run the CAP preset as loaded (serve) and see the
// replica's stale-read share charted and, in the run report, its stale-read share and staleness
// age; switch both databases to refuse in the inspector, run again, and see the refused reads
// and writes the lesson quotes. Then the N+1 vs N+2 preset's availability figures. At 1440×900
// and 1024×768.
import assert from 'node:assert/strict';
import { runToEnd } from '../runHelpers.mjs';

/** The report's row `label` in the section headed `kind`, as its cells' texts. */
async function reportRow(page, kind, label) {
  const report = page.getByRole('dialog', { name: 'Run report' });
  const section = report
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: kind, exact: true }) });
  const row = section
    .locator('tbody tr')
    // The whole label, then a unit in brackets (reportText's rowHeading): 'Stale-read share'
    // must not find 'Stale-read share while cut off'.
    .filter({ has: page.locator('th', { hasText: new RegExp(`^\\s*${label}( \\(.*\\))?\\s*$`) }) })
    .first();
  await row.waitFor();
  await row.scrollIntoViewIfNeeded();
  return row.locator('td').allInnerTexts();
}

async function openReport(page) {
  await page.getByRole('button', { name: 'Report', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Run report' })
    .getByText('Whole run after warm-up', { exact: false })
    .first()
    .waitFor();
}

const closeReport = (page) => page.getByRole('button', { name: 'Close the run report' }).click();

/** The report's cells for the CAP preset's two databases (primary column, then replica). */
const digits = (cells) => cells.map((c) => c.replace(/[^\d.]/g, ''));

export default async function ({ page, baseUrl, screenshot }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${baseUrl}/?preset=cap-partition`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await runToEnd(page);

  // Serve: the replica's stale-read share is charted once the replica is selected.
  await page.locator('.react-flow__node[data-id="replica"]').click();
  const chart = page
    .locator('.chart-card')
    .filter({ hasText: 'Replica (site B): stale-read share' });
  await chart.first().waitFor();
  await chart.first().locator('path[data-series]').first().waitFor({ state: 'attached' });
  await chart.first().scrollIntoViewIfNeeded();
  await screenshot('1440-serve-chart');

  await openReport(page);
  const share = await reportRow(page, 'Database', 'Stale-read share');
  const age = await reportRow(page, 'Database', 'Staleness age');
  console.log(
    `     serve: stale-read share ${share.join(' | ')}; staleness age ${age.join(' | ')}`,
  );
  // The primary reads nothing stale; the replica 14 % of its reads, 8.2 s old on average.
  assert.ok(
    share.some((c) => /14(\.\d+)?\s*%/.test(c)),
    `stale-read share: ${share}`,
  );
  assert.ok(
    age.some((c) => /^8\.(1[5-9]|2)\d*\s*s$/.test(c.trim())),
    `staleness age: ${age}`,
  );
  await screenshot('1440-serve-report');
  await closeReport(page);

  // Refuse on both databases, from the inspector.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  for (const id of ['primary', 'replica']) {
    await page.locator(`.react-flow__node[data-id="${id}"]`).click();
    await page.getByLabel('Under a partition').selectOption('refuse');
  }
  await runToEnd(page);
  await openReport(page);
  const reads = digits(await reportRow(page, 'Database', 'Refused reads'));
  const writes = digits(await reportRow(page, 'Database', 'Refused writes'));
  console.log(
    `     refuse: refused reads ${reads.join(' | ')}; refused writes ${writes.join(' | ')}`,
  );
  assert.ok(reads.includes('4701'), `refused reads: ${reads}`);
  assert.ok(writes.includes('2351'), `refused writes: ${writes}`);
  await screenshot('1440-refuse-report');
  await page.setViewportSize({ width: 1024, height: 768 });
  await reportRow(page, 'Database', 'Refused reads');
  await screenshot('1024-refuse-report');
  await closeReport(page);

  // N+1 vs N+2: each API's availability and downtime in the report.
  await page.goto(`${baseUrl}/?preset=redundancy-n-plus-1`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await runToEnd(page);
  await openReport(page);
  const availability = await reportRow(page, 'Service', 'Availability');
  const downtime = await reportRow(page, 'Service', 'Downtime per month');
  console.log(`     availability ${availability.join(' | ')}; downtime ${downtime.join(' | ')}`);
  assert.ok(
    availability.some((c) => /98\.0 %/.test(c)),
    `N+1 availability: ${availability}`,
  );
  assert.ok(
    availability.some((c) => /99\.55 %/.test(c)),
    `N+2 availability: ${availability}`,
  );
  await screenshot('1024-availability-report');
  await page.setViewportSize({ width: 1440, height: 900 });
  await reportRow(page, 'Service', 'Nines');
  await screenshot('1440-availability-report');
}
