// A run restarts only when the document changes after Run was pressed, and Run always runs the
// document on screen: (1) a share link opened over saved work and run at once at Max passes
// 60 s of simulated time within 8 s with no restart notice; (2) Run pressed right after an Undo
// (before the edit had settled) runs the undone document, with no restart notice.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shareLink } from '../designs.mjs';
import { restartNotices, simulatedSeconds, summaryText } from '../runHelpers.mjs';

const presetsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../presets');

/**
 * Waits until the run's clock passes `pastS` simulated seconds, or a restart notice shows (runs in
 * the page: the same reading of the summary as `simulatedSeconds`). Answers the summary's text
 * and any notice.
 */
async function clockPast(page, pastS, timeout) {
  const handle = await page.waitForFunction(
    (past) => {
      const notice = [...document.querySelectorAll('[role="alert"]')]
        .map((a) => a.textContent ?? '')
        .find((t) => /restarted/i.test(t));
      const text = document.querySelector('[aria-label="Run summary"]')?.textContent ?? '';
      const h = text.match(/t = (\d+) h (\d+) min/);
      const min = text.match(/t = (\d+) min (\d+) s/);
      const s = text.match(/t = ([\d.]+) s/);
      const seconds = h
        ? Number(h[1]) * 3600 + Number(h[2]) * 60
        : min
          ? Number(min[1]) * 60 + Number(min[2])
          : Number(s?.[1] ?? NaN);
      return notice !== undefined || seconds > past ? { text, notice } : null;
    },
    pastS,
    { timeout, polling: 50 },
  );
  return handle.jsonValue();
}

export default async function ({ page, baseUrl, screenshot }) {
  // Saved work first, so the link has something to keep aside.
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();

  const doc = { ...JSON.parse(readFileSync(resolve(presetsDir, 'cqrs.json'), 'utf8')) };
  doc.durationS = 600;
  await page.goto('about:blank'); // a new hash alone would not reload the app
  await page.goto(`${baseUrl}/${shareLink(doc)}`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const started = Date.now();
  const { text, notice } = await clockPast(page, 60, 8000).catch(async () => ({
    text: await summaryText(page),
  }));
  if (notice) throw new Error(`a restart notice appeared: ${notice}`);
  console.log(`     share link at Max after ${Date.now() - started} ms: ${text}`);
  if (!(simulatedSeconds(text) > 60))
    throw new Error(`the clock did not pass 60 s in 8 s: ${text}`);
  // A restart would send the clock back to 0 with a notice: let it run on another 20 s.
  const later = await clockPast(page, simulatedSeconds(text) + 20, 10_000);
  if (later.notice) throw new Error(`a restart notice appeared: ${later.notice}`);
  const late = await restartNotices(page);
  if (late.length > 0) throw new Error(`a restart notice appeared: ${late.join(' / ')}`);
  await screenshot('share-link-at-max');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();

  // Undo, then Run at once: the run is of the undone document (3 replicas up, not 4). The page
  // notes each call made to a worker, to see when the edit has been sent.
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    window.__workerCalls = [];
    Worker.prototype.postMessage = function (message, ...rest) {
      if (Array.isArray(message?.path)) window.__workerCalls.push(message.path.join('.'));
      return post.call(this, message, ...rest);
    };
  });
  const workerCalls = () => page.evaluate(() => window.__workerCalls);
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await page.locator('.react-flow__node', { hasText: 'API' }).click();
  const replicas = page.getByLabel('Replicas', { exact: true });
  const sentBefore = (await workerCalls()).filter((c) => c === 'applyDoc').length;
  await replicas.fill('4');
  await replicas.press('Tab');
  // The edit (4 replicas) is sent to the worker once it settles: wait until it has been.
  await page.waitForFunction(
    (n) => window.__workerCalls.filter((c) => c === 'applyDoc').length > n,
    sentBefore,
  );
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const api = page.locator('.react-flow__node', { hasText: 'API' });
  await api.getByText(/\d+\/\d+ up/).waitFor({ timeout: 10_000 });
  // At the default speed (10×), 10 simulated seconds take at least 1 s: an edit still
  // settling (300 ms) would have been sent by then, and it would restart the run.
  const run = await clockPast(page, 10, 20_000);
  if (run.notice) throw new Error(`Run after Undo restarted: ${run.notice}`);
  const calls = await workerCalls();
  const afterStart = calls.slice(calls.lastIndexOf('start'));
  if (afterStart.includes('applyDoc'))
    throw new Error(`a document was sent after Run: ${afterStart.join(', ')}`);
  const up = await api.getByText(/\d+\/\d+ up/).innerText();
  if (up !== '3/3 up')
    throw new Error(`expected the undone document (3/3 up), the node says ${up}`);
  const notices = await restartNotices(page);
  if (notices.length > 0) throw new Error(`Run after Undo restarted: ${notices.join(' / ')}`);
  if (!(await summaryText(page)).startsWith('Running'))
    throw new Error(`expected a run, summary: ${await summaryText(page)}`);
  await screenshot('run-after-undo');
}
