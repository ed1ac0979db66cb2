// Export and import end to end: the document as JSON (and back in through Import), the metric
// timeline as CSV, the charts as PNG, the canvas as SVG and PNG; a malformed file is refused
// with an alert and changes nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resetWork } from '../workspaceHelpers.mjs';

async function download(page, buttonName) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: buttonName }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

export default async function shareExport({ page, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/`);
  await resetWork(page);
  await page.goto(`${baseUrl}/?preset=littles-law`);
  await page.getByTestId('node-server').waitFor();

  const json = await download(page, 'Export JSON');
  assert.match(json.name, /^little-s-law.*\.json$/);
  const doc = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(doc.nodes.length, 2);

  const svg = await download(page, 'Canvas as SVG');
  assert.match(svg.bytes.toString('utf8'), /<svg[^>]*>.*Arrivals \(80\/s\).*Server/s);
  const png = await download(page, 'Canvas as PNG');
  assert.equal(png.bytes.subarray(1, 4).toString('latin1'), 'PNG');

  // Run a little, then the metrics and the charts.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction(() => /t = ([3-9]\d|\d{3,})/.test(document.body.textContent ?? ''));
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.locator('[aria-label="Charts"] svg').first().waitFor();
  const csv = (await download(page, 'Metrics as CSV')).bytes.toString('utf8').trim().split('\n');
  assert.ok(csv[0].startsWith('tS,startS,lengthS'), csv[0]);
  assert.ok(csv[0].includes('server.utilization'));
  assert.ok(csv.length > 10, `${csv.length} lines`);
  const charts = await download(page, 'Charts as PNG');
  assert.equal(charts.bytes.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(charts.bytes.length > 5000, `${charts.bytes.length} bytes`);
  await screenshot('1-after-exports');

  // Import: a broken file is refused and nothing changes; the exported file comes back.
  await page
    .getByRole('button', { name: 'Reset' })
    .click()
    .catch(() => {});
  const input = page.getByLabel('Import JSON');
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"nodes": ['),
  });
  await page.getByRole('alert').filter({ hasText: 'broken.json' }).waitFor();
  await page.getByTestId('node-server').waitFor();
  await screenshot('2-import-refused');
  const renamed = { ...doc, name: 'Imported copy' };
  await input.setInputFiles({
    name: 'copy.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(renamed)),
  });
  await page.getByRole('heading', { name: 'Imported copy', level: 1 }).waitFor();
  await page.getByTestId('node-server').waitFor();
}
