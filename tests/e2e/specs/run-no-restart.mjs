// A run restarts only when the document changes after Run was pressed, and Run always runs the
// document on screen: (1) a share link opened over saved work and run at once at Max passes
// 60 s of simulated time within 8 s with no restart notice; (2) Run pressed right after an Undo
// (before the edit had settled) runs the undone document, with no restart notice.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const presetsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../presets');
const shareLink = (doc) =>
  `#s=${deflateRawSync(Buffer.from(JSON.stringify(doc), 'utf8')).toString('base64url')}`;
const summaryText = (page) => page.getByRole('status', { name: 'Run summary' }).innerText();

/** Seconds of simulated time in the summary ("t = 12.3 s", "t = 1 min 5 s", "t = 1 h 2 min"). */
function simulatedSeconds(text) {
  const h = text.match(/t = (\d+) h (\d+) min/);
  if (h) return Number(h[1]) * 3600 + Number(h[2]) * 60;
  const min = text.match(/t = (\d+) min (\d+) s/);
  if (min) return Number(min[1]) * 60 + Number(min[2]);
  const s = text.match(/t = ([\d.]+) s/);
  return s ? Number(s[1]) : NaN;
}

async function restartNotices(page) {
  const alerts = await page.getByRole('alert').allInnerTexts();
  return alerts.filter((t) => /restarted/i.test(t));
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
  let text = '';
  while (Date.now() - started < 8000) {
    text = await summaryText(page);
    const notices = await restartNotices(page);
    if (notices.length > 0) throw new Error(`a restart notice appeared: ${notices.join(' / ')}`);
    if (simulatedSeconds(text) > 60) break;
    await page.waitForTimeout(100);
  }
  console.log(`     share link at Max after ${Date.now() - started} ms: ${text}`);
  if (!(simulatedSeconds(text) > 60))
    throw new Error(`the clock did not pass 60 s in 8 s: ${text}`);
  await page.waitForTimeout(1000);
  const late = await restartNotices(page);
  if (late.length > 0) throw new Error(`a restart notice appeared: ${late.join(' / ')}`);
  await screenshot('share-link-at-max');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();

  // Undo, then Run at once: the run is of the undone document (3 replicas up, not 4).
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await page.locator('.react-flow__node', { hasText: 'API' }).click();
  const replicas = page.getByLabel('Replicas', { exact: true });
  await replicas.fill('4');
  await replicas.press('Tab');
  await page.waitForTimeout(800); // the edit reaches the worker
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const api = page.locator('.react-flow__node', { hasText: 'API' });
  await api.getByText(/\d+\/\d+ up/).waitFor({ timeout: 10_000 });
  await page.waitForTimeout(1000); // past the edit debounce
  const up = await api.getByText(/\d+\/\d+ up/).innerText();
  if (up !== '3/3 up')
    throw new Error(`expected the undone document (3/3 up), the node says ${up}`);
  const notices = await restartNotices(page);
  if (notices.length > 0) throw new Error(`Run after Undo restarted: ${notices.join(' / ')}`);
  if (!(await summaryText(page)).startsWith('Running'))
    throw new Error(`expected a run, summary: ${await summaryText(page)}`);
  await screenshot('run-after-undo');
}
