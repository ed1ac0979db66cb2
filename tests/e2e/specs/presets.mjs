// Presets end to end: a preset link opens its document and its lesson; the Presets menu
// searches and opens another one (undoable); an embed link shows the canvas, the charts and
// Run, but no palette, no inspector and no editing buttons.
import assert from 'node:assert/strict';
import { resetWork } from '../workspaceHelpers.mjs';

export default async function presets({ page, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/`);
  await resetWork(page);

  // A preset link.
  await page.goto(`${baseUrl}/?preset=cache-stampede`);
  await page.getByTestId('node-origin').waitFor();
  const lesson = page.getByRole('complementary', { name: 'Lesson' });
  await lesson.getByRole('heading', { name: /Cache stampede/ }).waitFor();
  assert.match(await lesson.textContent(), /metastable/);
  await screenshot('1-preset-link');

  // The menu: search, grouped by topic, choose one.
  await page.getByRole('button', { name: 'Presets' }).click();
  const dialog = page.getByRole('dialog', { name: 'Presets' });
  await dialog.getByLabel('Search presets').fill('knee');
  const choice = dialog.getByRole('button', { name: /Latency vs throughput/ });
  await choice.waitFor();
  assert.equal(
    await dialog.getByRole('button', { name: /Cache stampede/ }).count(),
    0,
    'presets that do not match are not listed',
  );
  await dialog.getByLabel('Search presets').fill('');
  await dialog.getByRole('region', { name: 'Caching' }).waitFor();
  await dialog.getByRole('region', { name: 'Load balancing' }).waitFor();
  await screenshot('2-menu');
  await dialog.getByLabel('Search presets').fill('knee');
  await choice.click();
  await page.getByTestId('node-load').waitFor();
  await lesson.getByRole('heading', { name: /Latency vs throughput/ }).waitFor();
  assert.equal(await page.getByTestId('node-origin').count(), 0);
  // Opening a preset is one undo step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByTestId('node-origin').waitFor();

  // An unknown preset says so and keeps what is open.
  await page.goto(`${baseUrl}/?preset=no-such-lesson`);
  await page.getByRole('alert').filter({ hasText: 'no-such-lesson' }).waitFor();
  await page.getByTestId('node-origin').waitFor();

  // autorun=1 starts the run by itself.
  await page.goto(`${baseUrl}/?preset=littles-law&autorun=1`);
  await page.getByTestId('node-server').waitFor();
  await page.waitForFunction(() => {
    const pause = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Pause');
    return pause !== undefined && !pause.disabled;
  });
  await page.getByRole('button', { name: 'Pause' }).click();

  // The embedded view.
  await page.goto(`${baseUrl}/?preset=lb-slow-replica&embed=1`);
  await page.getByTestId('node-api-c').waitFor();
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  assert.equal(await page.locator('.palette').count(), 0, 'no palette');
  assert.equal(await page.locator('.inspector').count(), 0, 'no inspector');
  for (const name of ['Presets', 'Share', 'Export', 'Import', 'Undo']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, `no ${name}`);
  }
  await page.getByRole('region', { name: 'Charts' }).waitFor();
  await screenshot('3-embed');
}
