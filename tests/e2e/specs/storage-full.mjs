// A full store: a share link and an imported file still open (they threw on the analysis store's
// quota and left a blank page), the user is told once that edits are not saved, the work stays
// in the tab, and saving resumes by itself when there is room again.
import assert from 'node:assert/strict';
import { FULL_STORAGE, resetWork, waitSaved } from '../workspaceHelpers.mjs';
import { shareFragment, smallDoc } from '../designs.mjs';

export default async function storageFull({ page, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/`);
  await resetWork(page);
  await page.addInitScript(FULL_STORAGE);
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/#s=${shareFragment(smallDoc('Opened while full'))}`);
  await page.getByRole('heading', { name: 'Opened while full', level: 1 }).waitFor();
  const full = page.getByRole('alert').filter({
    hasText: /could not be saved in this browser: this browser's storage for archsim is full/,
  });
  await full.waitFor();
  assert.equal(await page.getByTestId('save-status').textContent(), 'Not saved');
  await screenshot('1-full');

  // Import still opens a file; the message is not repeated.
  await page.getByLabel('Import JSON').setInputFiles({
    name: 'imported.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(smallDoc('Imported while full'))),
  });
  await page.getByRole('heading', { name: 'Imported while full', level: 1 }).waitFor();
  assert.equal(await full.count(), 1);

  // Room again: the next edit is saved, and survives a reload.
  await page.evaluate(() => (window.__storageFull = false));
  const name = page.getByLabel('Scenario name');
  await name.fill('Saved at last');
  await name.press('Enter');
  await waitSaved(page);
  await page.evaluate(() => sessionStorage.setItem('roomAgain', '1'));
  await page.addInitScript(() => {
    if (sessionStorage.getItem('roomAgain')) window.__storageFull = false;
  });
  await page.reload();
  await page.getByRole('heading', { name: 'Saved at last', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Recent work' }).click();
  await page.getByRole('button', { name: /^Restore "Opened while full"/ }).waitFor();
}
