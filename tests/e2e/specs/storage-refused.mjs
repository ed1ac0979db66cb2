// Storage refused (privacy settings): the app opens, edits and runs on memory, with a quiet note
// and "This tab only" where "Saved" would be; Recent work still works within the tab.
import assert from 'node:assert/strict';
import { refuseStorage } from '../workspaceHelpers.mjs';
import { shareFragment, smallDoc } from '../designs.mjs';

export default async function storageRefused({ page, baseUrl, screenshot }) {
  await page.addInitScript(refuseStorage());
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.getByTestId('node-lb').waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /stays in this tab only/ })
    .waitFor();
  const status = page.getByTestId('save-status');
  assert.equal(await status.textContent(), 'This tab only');
  assert.equal(await page.getByRole('alert').count(), 0, 'a quiet note, not an alert');
  await screenshot('1-refused');

  // It edits and runs.
  const name = page.getByLabel('Scenario name');
  await name.fill('In memory');
  await name.press('Enter');
  await page.getByRole('heading', { name: 'In memory', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('button', { name: 'Pause' }).and(page.locator(':enabled')).waitFor();
  await page.getByRole('button', { name: 'Pause' }).click();

  // A link over it: the replaced work is in Recent work, in this tab.
  await page.evaluate((f) => (location.hash = `s=${f}`), shareFragment(smallDoc('Link')));
  await page.getByRole('heading', { name: 'Link', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Recent work' }).click();
  await page.getByRole('button', { name: /^Restore "In memory"/ }).click();
  await page.getByRole('heading', { name: 'In memory', level: 1 }).waitFor();
}
