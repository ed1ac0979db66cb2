// Run history and the report's files: two finished runs are listed with their figures and
// cost, survive a reload, compare side by side; the report downloads as HTML (design and
// charts inline SVG) and Markdown. Storage refused: the list still works, for the tab. At
// 1440×900 and at 1024×768.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { refuseStorage, resetWork, waitSaved } from '../workspaceHelpers.mjs';
import { runToEnd } from '../runHelpers.mjs';

async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Run report' }).getByRole('button', { name }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

export default async function ({ page, context, baseUrl, screenshot }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${baseUrl}/`);
  await resetWork(page);
  await page.goto(`${baseUrl}/?preset=littles-law`);
  await runToEnd(page);
  // A second run of a changed design: a large server.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.locator('.react-flow__node[data-id="server"]').click();
  await page.getByLabel('Instance size').selectOption('large');
  await runToEnd(page);
  await waitSaved(page);

  // The files, from the report of the second run.
  await page.getByRole('button', { name: 'Report', exact: true }).click();
  const html = await download(page, 'Download HTML');
  assert.match(html.name, /^little-s-law.*-report\.html$/);
  assert.ok(html.text.startsWith('<!doctype html>'));
  assert.ok((html.text.match(/<svg /g) ?? []).length >= 3, 'the design and two charts as SVG');
  assert.match(html.text, /1 large replica × \$0\.40\/h/);
  const md = await download(page, 'Download Markdown');
  assert.match(md.text, /^# Little/);
  assert.match(md.text, /## Cost\n\n\| Node \| Billed as \| \$ per hour \|/);
  assert.match(md.text, /"size": "large"/);
  await page.getByRole('button', { name: 'Close the run report' }).click();

  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });
    await page.reload();
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Runs' });
    const rows = panel.locator('table.rh-list tbody tr');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2, 'both runs kept across the reload');
    const boxes = panel.getByRole('checkbox');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const cost = panel.locator('table.rh-compare tr[data-figure="costPerHour"]');
    await cost.waitFor();
    // Small → large: four times the price, and p99 better with four workers.
    assert.match(await cost.innerText(), /\$0\.10\/h\s+\$0\.40\/h\s+\+300 %, worse/);
    assert.match(
      await panel.locator('tr[data-figure="p99Ms"]').innerText(),
      /better/,
      'p99 is lower with a large server',
    );
    // One seed each: the note says whose traffic it was and where an interval comes from.
    assert.match(
      await panel.locator('.rh-note').innerText(),
      /^Different designs, same seed: the same traffic.*no confidence interval: Analyze › Compare/,
    );
    await screenshot(`${width}-runs`);
    await panel.getByRole('button', { name: 'Close the runs' }).click();
  }

  // Storage refused: runs are still listed, for this tab, and the page says so.
  const refused = await context.newPage();
  await refused.addInitScript(refuseStorage());
  await refused.setViewportSize({ width: 1024, height: 768 });
  await refused.goto(`${baseUrl}/?preset=littles-law`);
  await runToEnd(refused);
  await refused.getByRole('button', { name: 'Runs', exact: true }).click();
  const panel = refused.getByRole('dialog', { name: 'Runs' });
  await panel.locator('table.rh-list tbody tr').first().waitFor();
  await panel.getByText('this tab only', { exact: false }).waitFor();
  await refused.close();
}
