// An edit is written the moment its tab is hidden, not only after the save delay. The save timer
// is held back here (as a background tab's timers are throttled), so only the visibilitychange
// flush can save it; the next visit finds it.
import assert from 'node:assert/strict';
import { resetWork, waitSaved } from '../workspaceHelpers.mjs';

/** The workspace's SAVE_DELAY_MS timer (150 ms) fires after an hour instead; each one held is
 *  counted in window.__heldSaves. */
const HOLD_SAVE_TIMER = `(() => {
  const real = window.setTimeout;
  window.__heldSaves = 0;
  window.setTimeout = (fn, ms, ...rest) => {
    if (ms !== 150) return real(fn, ms, ...rest);
    window.__heldSaves += 1;
    return real(fn, 3600000, ...rest);
  };
})();`;

async function rename(page, to) {
  const name = page.getByLabel('Scenario name');
  await name.fill(to);
  await name.press('Enter');
  await page.getByRole('heading', { name: to, level: 1 }).waitFor();
}

export default async function hideFlush({ page, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/`);
  await resetWork(page);
  await page.addInitScript(HOLD_SAVE_TIMER);
  await page.goto(`${baseUrl}/?preset=littles-law`);
  await page.getByTestId('node-server').waitFor();

  // Hidden: saved at once.
  await rename(page, 'Edited, then hidden');
  // The pending save's timer (set by the preset link or by the edit) is held.
  await page.waitForFunction(() => window.__heldSaves > 0);
  const status = page.getByTestId('save-status');
  assert.equal(await status.textContent(), 'Saving…', 'the held timer has not saved');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await waitSaved(page);
  await screenshot('1-saved-when-hidden');

  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'Edited, then hidden', level: 1 }).waitFor();
}
