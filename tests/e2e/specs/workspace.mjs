// The user's work survives what people do: a link is applied once (reload keeps the edits made
// after a preset link, README's own `npm run dev` address); a link, a preset or Blank canvas that
// replaces the work puts it into Recent work, restorable from the menu, and Undo steps back over
// the replacement; a share link pasted into the address bar later opens like a fresh load, and a
// broken or empty one says so. Import and a preset chosen from the menu keep the replaced work too.
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { resetWork, waitSaved } from '../workspaceHelpers.mjs';
import { shareFragment, smallDoc } from '../designs.mjs';

export default async function workspace({ page, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/`);
  await resetWork(page);

  // README's address: the preset opens, then leaves the address bar.
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.getByTestId('node-lb').waitFor();
  await page.waitForURL(`${baseUrl}/`);
  const name = page.getByLabel('Scenario name');
  await name.fill('My edits');
  await name.press('Enter');
  await waitSaved(page);
  await page.reload();
  await page.getByRole('heading', { name: 'My edits', level: 1 }).waitFor();
  assert.equal(page.url(), `${baseUrl}/`);
  await screenshot('1-reload-keeps-edits');

  // Blank canvas replaces it: in Recent work, and Undo steps back over it.
  await page.getByRole('button', { name: 'Presets' }).click();
  await page.getByRole('button', { name: 'Blank canvas' }).click();
  await page.getByRole('heading', { name: 'Untitled scenario', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('heading', { name: 'My edits', level: 1 }).waitFor();

  // A share link over the saved work: opened, and the saved work is one click away.
  await page.goto(`${baseUrl}/#s=${shareFragment(smallDoc('Link one'))}`);
  await page.getByRole('heading', { name: 'Link one', level: 1 }).waitFor();
  await page.waitForURL(`${baseUrl}/`);
  await waitSaved(page);
  await page.reload();
  await page.getByRole('heading', { name: 'Link one', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Recent work' }).click();
  const menu = page.getByRole('dialog', { name: 'Recent work' });
  const entry = menu.getByRole('button', {
    name: /^Restore "My edits", 3 nodes, replaced at .* by "Link one"$/,
  });
  await entry.waitFor();
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot('2-recent-work-1440');
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot('2-recent-work-1024');
  await page.setViewportSize({ width: 1400, height: 900 });
  await entry.click();
  await page.getByRole('heading', { name: 'My edits', level: 1 }).waitFor();
  await page.getByTestId('node-lb').waitFor();
  // Restoring is itself a replacement: "Link one" is now in the list too, and Undo goes back.
  await page.getByRole('button', { name: 'Recent work' }).click();
  await menu.getByRole('button', { name: /^Restore "Link one", 2 nodes/ }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('heading', { name: 'Link one', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.getByRole('heading', { name: 'My edits', level: 1 }).waitFor();

  // Links pasted into the address bar of the open page (only the hash changes).
  await page.evaluate((f) => (location.hash = `s=${f}`), shareFragment(smallDoc('Link two')));
  await page.getByRole('heading', { name: 'Link two', level: 1 }).waitFor();
  await page.waitForURL(`${baseUrl}/`);
  await page.evaluate((f) => (location.hash = `s=${f}`), shareFragment(smallDoc('Link three')));
  await page.getByRole('heading', { name: 'Link three', level: 1 }).waitFor();
  const broken = Buffer.from(deflateRawSync(Buffer.from('{"version": 1, "nodes": ['))).toString(
    'base64url',
  );
  for (const [hash, words] of [
    [`s=${broken}`, /share link could not be opened: it is damaged/],
    ['s=', /share link could not be opened: it is empty/],
    ['s=%09', /share link could not be opened: it is empty/],
  ]) {
    await page.evaluate(() => (location.hash = ''));
    await page.evaluate((h) => (location.hash = h), hash);
    const alert = page.getByRole('alert').filter({ hasText: words });
    await alert.waitFor();
    assert.match(await alert.textContent(), /The open scenario is unchanged/);
    await page.getByRole('heading', { name: 'Link three', level: 1 }).waitFor();
    await alert.getByRole('button', { name: 'Dismiss message' }).click();
  }
  // An empty link on a fresh load says so too.
  await page.goto(`${baseUrl}/#s=`);
  await page
    .getByRole('alert')
    .filter({ hasText: /it is empty/ })
    .waitFor();
  await page.getByRole('heading', { name: 'Link three', level: 1 }).waitFor();
  await screenshot('3-empty-link');

  // Delete forgets an entry for good: gone from the menu, and still gone after a reload.
  await page.getByRole('button', { name: 'Recent work' }).click();
  const linkOne = menu.getByRole('button', { name: /^Restore "Link one"/ });
  await linkOne.waitFor();
  await menu
    .getByRole('button', { name: /^Delete "Link one" \(replaced at .+\) from Recent work$/ })
    .click();
  await linkOne.waitFor({ state: 'detached' });
  await menu
    .getByRole('button', { name: /^Restore "My edits"/ })
    .first()
    .waitFor();
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot('4-deleted-1440');
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot('4-deleted-1024');
  await page.reload();
  await page.getByRole('button', { name: 'Recent work' }).click();
  await menu
    .getByRole('button', { name: /^Restore "My edits"/ })
    .first()
    .waitFor();
  assert.equal(await linkOne.count(), 0);
  await page.keyboard.press('Escape');

  // Import, then a preset from the menu: each replaced document is in Recent work.
  await page.getByLabel('Import JSON').setInputFiles({
    name: 'imported.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(smallDoc('Imported'))),
  });
  await page.getByRole('heading', { name: 'Imported', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Presets' }).click();
  const presets = page.getByRole('dialog', { name: 'Presets' });
  await presets.getByLabel('Search presets').fill('knee');
  await presets.getByRole('button', { name: /Latency vs throughput/ }).click();
  await page.getByTestId('node-load').waitFor();
  await page.getByRole('button', { name: 'Recent work' }).click();
  await menu
    .getByRole('button', { name: /^Restore "Imported", 2 nodes, replaced at .* by "Latency/ })
    .waitFor();
  await menu
    .getByRole('button', { name: /^Restore "Link three", 2 nodes, replaced at .* by "Imported"$/ })
    .waitFor();
  await page.keyboard.press('Escape');
  // Undo steps back over both.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('heading', { name: 'Imported', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('heading', { name: 'Link three', level: 1 }).waitFor();
}
