// Every warning reaches the user: a share link whose document misspells a field ("wrokers": 8)
// opens, and a note names the field and the loader's suggestion; the same for a link pasted over
// it later (hashchange). Looked at in both window sizes.
import assert from 'node:assert/strict';
import { resetWork } from '../workspaceHelpers.mjs';
import { shareFragment, smallDoc } from '../designs.mjs';

function typoDoc(name) {
  const doc = smallDoc(name);
  doc.nodes[1].params = { wrokers: 8 };
  return doc;
}

const NOTE = /unknown field "wrokers" ignored \(did you mean "workers"\?\)/;

export default async function linkWarnings({ page, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/`);
  await resetWork(page);
  await page.goto('about:blank');

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${baseUrl}/#s=${shareFragment(typoDoc('Typo in a link'))}`);
  await page.getByRole('heading', { name: 'Typo in a link', level: 1 }).waitFor();
  const note = page.getByRole('status').filter({ hasText: NOTE });
  await note.waitFor();
  assert.match(
    await note.textContent(),
    /^Opened the share link "Typo in a link"\. Note: nodes\[1\]/,
  );
  await screenshot('1-note-1440x900');

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.evaluate((f) => (location.hash = `s=${f}`), shareFragment(typoDoc('Pasted over it')));
  await page.getByRole('heading', { name: 'Pasted over it', level: 1 }).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /"Pasted over it"\. Note: / })
    .waitFor();
  await screenshot('2-note-1024x768');
}
