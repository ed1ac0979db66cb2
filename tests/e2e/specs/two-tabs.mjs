// Two tabs on the same saved work never silently overwrite each other's newer work: the older
// tab is told at once, saves nothing, and chooses; the version not chosen is in Recent work.
import assert from 'node:assert/strict';
import { resetWork, waitSaved } from '../workspaceHelpers.mjs';

async function rename(page, to) {
  const name = page.getByLabel('Scenario name');
  await name.fill(to);
  await name.press('Enter');
  await page.getByRole('heading', { name: to, level: 1 }).waitFor();
}

export default async function twoTabs({ page, context, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/`);
  await resetWork(page);
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/?preset=littles-law`);
  await page.getByTestId('node-server').waitFor();
  await waitSaved(page);

  const other = await context.newPage();
  try {
    await other.goto(`${baseUrl}/`);
    await other.getByTestId('node-server').waitFor();
    await rename(other, 'From tab B');
    await waitSaved(other);

    // Tab A is told straight away, and its edits are not written over B's.
    const told = page.getByRole('alert').filter({ hasText: 'Another tab saved newer work' });
    await told.waitFor();
    await rename(page, 'From tab A');
    assert.equal(
      await page.getByTestId('save-status').textContent(),
      'Not saved: newer work in another tab',
    );
    await screenshot('1-told');

    // A keeps its version: B's goes into Recent work, and now B is the one told.
    await told.getByRole('button', { name: 'Keep this tab’s version' }).click();
    await waitSaved(page);
    const toldB = other.getByRole('alert').filter({ hasText: 'Another tab saved newer work' });
    await toldB.waitFor();
    await toldB.getByRole('button', { name: 'Open the newer work' }).click();
    await other.getByRole('heading', { name: 'From tab A', level: 1 }).waitFor();
    await other.getByRole('button', { name: 'Recent work' }).click();
    await other
      .getByRole('button', { name: /^Restore "From tab B"/ })
      .first()
      .waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'From tab A', level: 1 }).waitFor();
  } finally {
    await other.close();
  }
}
