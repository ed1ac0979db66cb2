// Shared by the workspace specs (kept out of specs/, where every file is run as a spec): what
// the browser keeps for archsim, and storage refused or full.

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

/** An init script: reading localStorage or indexedDB throws, as when the browser refuses storage
 *  (privacy settings, a blocked third-party frame). With `framesOnly`, only inside iframes. */
export function refuseStorage(framesOnly = false) {
  return `(() => {
    if (${framesOnly} && window.top === window) return;
    const deny = () => {
      throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
    Object.defineProperty(window, 'indexedDB', { get: deny, configurable: true });
  })();`;
}

/** An init script: every write to IndexedDB or localStorage fails with the quota error while
 *  window.__storageFull is true (it starts true). */
export const FULL_STORAGE = `(() => {
  window.__storageFull = true;
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.__storageFull) throw quota();
    return put.apply(this, args);
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (...args) {
    if (window.__storageFull) throw quota();
    return setItem.apply(this, args);
  };
})();`;
