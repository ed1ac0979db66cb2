// Client sessions on a replication group, from the inspector: the CAP preset's primary set to
// watched shows monotonic-read violations in the run report; set to sticky, none. At 1440×900
// and 1024×768.
import assert from 'node:assert/strict';
import { runToEnd } from '../runHelpers.mjs';

/** The run report's "Monotonic-read violations" cells (primary, replica), as numbers. */
async function violations(page) {
  await page.getByRole('button', { name: 'Report', exact: true }).click();
  const report = page.getByRole('dialog', { name: 'Run report' });
  const section = report
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Database', exact: true }) });
  const row = section
    .locator('tbody tr')
    .filter({ has: page.locator('th', { hasText: 'Monotonic-read violations' }) })
    .first();
  await row.waitFor();
  await row.scrollIntoViewIfNeeded();
  const cells = await row.locator('td').allInnerTexts();
  return cells.map((c) => Number(c.replace(/[^\d.]/g, ''))).filter((n) => !Number.isNaN(n));
}

async function setSessions(page, mode) {
  await page.locator('.react-flow__node[data-id="primary"]').click();
  const select = page.getByLabel('Client sessions');
  await select.selectOption(mode);
  await select.scrollIntoViewIfNeeded();
}

export default async function ({ page, baseUrl, screenshot }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${baseUrl}/?preset=cap-partition`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await setSessions(page, 'watched');
  await screenshot('1440-inspector');
  await runToEnd(page);
  const watched = await violations(page);
  console.log(`     watched: monotonic-read violations ${watched.join(' | ')}`);
  assert.equal(watched.length, 2, `cells: ${watched}`);
  assert.ok(
    watched.some((n) => n > 0),
    `watched: ${watched}`,
  );
  await screenshot('1440-watched-report');
  await page.getByRole('button', { name: 'Close the run report' }).click();

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await setSessions(page, 'sticky');
  await screenshot('1024-inspector');
  await runToEnd(page);
  const sticky = await violations(page);
  console.log(`     sticky: monotonic-read violations ${sticky.join(' | ')}`);
  assert.deepEqual(sticky, [0, 0]);
  await screenshot('1024-sticky-report');
  await page.getByRole('button', { name: 'Close the run report' }).click();

  // The theory table: sticky sessions' exact zero on each copy; the sync replica's zero stale
  // reads not predicted, the preset's partition named.
  await page.getByRole('button', { name: 'Analyze', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'Analysis' });
  await drawer.getByRole('tab', { name: 'Theory' }).click();
  await drawer.getByRole('button', { name: /compare with theory/ }).click();
  const theory = drawer.getByRole('table', { name: 'Theory and measurement' });
  await theory.waitFor({ timeout: 60_000 });
  const text = await theory.innerText();
  assert.match(text, /sticky sessions\s+monotonic-read violations/);
  assert.match(text, /sync replication\s+stale-read share/);
  await theory.getByText('sticky sessions').first().scrollIntoViewIfNeeded();
  await screenshot('1024-theory');
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot('1440-theory');
}
