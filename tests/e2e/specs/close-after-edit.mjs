// An edit made just before its tab is closed is there at the next visit (#11). IndexedDB writes
// are asynchronous and die with the tab, so the page also leaves a last-gasp copy in
// localStorage, written synchronously on beforeunload/pagehide, which the next start merges.
//
// 1. The IndexedDB write is held in flight (its read never answers, as when the tab is killed
//    mid-write), the tab is closed at once: the store still has the old name, the copy has the
//    edit, and the next visit opens the edit, writes it to IndexedDB and drops the copy.
// 2. Nothing held: an edit, then the tab closed in the same breath.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { resetWork, waitSaved } from '../workspaceHelpers.mjs';

/** While window.__holdWrites is set, IndexedDB reads never answer: a save never completes. */
const HOLD_WRITES = `(() => {
  const get = IDBObjectStore.prototype.get;
  IDBObjectStore.prototype.get = function (...args) {
    return window.__holdWrites ? {} : get.apply(this, args);
  };
})();`;

/** What this origin holds: the saved document's name and the last-gasp copies' names. */
function storedNames() {
  return new Promise((done, fail) => {
    const req = indexedDB.open('archsim');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const get = req.result.transaction('work').objectStore('work').get('doc');
      get.onsuccess = () => {
        const copies = Object.keys(localStorage)
          .filter((k) => k.startsWith('archsim.lastgasp.'))
          .map((k) => JSON.parse(localStorage.getItem(k)).doc.name);
        req.result.close();
        done({ saved: get.result?.doc?.name, copies });
      };
    };
  });
}

async function editThenClose(page, to, hold) {
  const name = page.getByLabel('Scenario name');
  await name.fill(to);
  if (hold) await page.evaluate(() => (window.__holdWrites = true));
  await name.press('Enter');
  const closed = new Promise((done) => page.once('close', done));
  await page.close({ runBeforeUnload: true });
  await closed;
}

function shot(page, label) {
  const path = fileURLToPath(
    new URL(`../screenshots/close-after-edit-${label}.png`, import.meta.url),
  );
  return page.screenshot({ path });
}

export default async function closeAfterEdit({ page, context, baseUrl }) {
  await page.goto(`${baseUrl}/`);
  await resetWork(page);
  await page.addInitScript(HOLD_WRITES);
  await page.goto(`${baseUrl}/?preset=littles-law`);
  await page.getByTestId('node-server').waitFor();
  await waitSaved(page);
  const script = await page.evaluate(() => document.querySelector('script[type=module]').src);
  await editThenClose(page, 'Edited as the tab closed', true);

  // A file of the same origin that is not the app: it looks without merging anything.
  const look = await context.newPage();
  await look.goto(script);
  const before = await look.evaluate(storedNames);
  assert.notEqual(before.saved, 'Edited as the tab closed', 'the held write did not land');
  assert.deepEqual(before.copies, ['Edited as the tab closed']);

  await look.goto(`${baseUrl}/`);
  await look.getByRole('heading', { name: 'Edited as the tab closed', level: 1 }).waitFor();
  await waitSaved(look);
  await shot(look, '1-reopened');
  await look.goto(script);
  assert.deepEqual(await look.evaluate(storedNames), {
    saved: 'Edited as the tab closed',
    copies: [],
  });

  // Nothing held: edit, close at once, open again.
  await look.goto(`${baseUrl}/`);
  await look.getByRole('heading', { name: 'Edited as the tab closed', level: 1 }).waitFor();
  await editThenClose(look, 'Closed in the same breath', false);
  const again = await context.newPage();
  try {
    await again.goto(`${baseUrl}/`);
    await again.getByRole('heading', { name: 'Closed in the same breath', level: 1 }).waitFor();
    await shot(again, '2-reopened');
  } finally {
    await again.close();
  }
}
