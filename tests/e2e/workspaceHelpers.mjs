// Shared by the workspace specs (kept out of specs/, where every file is run as a spec).
import { deflateRawSync } from 'node:zlib';

/** A two-node document named `name`. */
export function smallDoc(name) {
  return {
    version: 1,
    name,
    nodes: [
      { id: 'c', type: 'client', label: 'Users', position: { x: 0, y: 0 }, params: {} },
      { id: 's', type: 'service', label: 'API', position: { x: 260, y: 0 }, params: {} },
    ],
    edges: [{ id: 'e', source: 'c', target: 's' }],
  };
}

export function shareFragment(doc) {
  return Buffer.from(deflateRawSync(Buffer.from(JSON.stringify(doc)))).toString('base64url');
}

/** Forget everything this browser saved for archsim (IndexedDB and localStorage). */
export async function resetWork(page) {
  await page.evaluate(
    () =>
      new Promise((done) => {
        localStorage.clear();
        const req = indexedDB.deleteDatabase('archsim');
        req.onsuccess = req.onerror = req.onblocked = () => done();
      }),
  );
}

/** Waits until the toolbar says the work is saved. */
export async function waitSaved(page) {
  await page.locator('[data-testid="save-status"]', { hasText: /^Saved$/ }).waitFor();
}
