// The README's promise about crashes: once the toolbar says "Saved", the edit survives the
// browser being killed (SIGKILL, no unload, no flush). A browser of its own, on its own profile,
// is started, killed and started again on the same profile.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { waitSaved } from '../workspaceHelpers.mjs';

function startBrowser(profile, port) {
  const proc = spawn(
    process.env.CHROMIUM ?? '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      `--remote-debugging-port=${port}`,
      'about:blank',
    ],
    { stdio: 'ignore', detached: true },
  );
  return proc;
}

async function connect(port) {
  for (let i = 0; i < 100; i++) {
    try {
      return await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error('the browser did not start');
}

function kill(proc) {
  return new Promise((done) => {
    proc.once('exit', done);
    process.kill(-proc.pid, 'SIGKILL');
  });
}

export default async function crashDurability({ baseUrl }) {
  const port = Number(new URL(baseUrl).port) + 2;
  const profile = mkdtempSync(join(tmpdir(), 'archsim-crash-'));
  let proc = startBrowser(profile, port);
  try {
    let browser = await connect(port);
    let page = await browser.contexts()[0].newPage();
    await page.goto(`${baseUrl}/?preset=littles-law`);
    await page.getByTestId('node-server').waitFor();
    const name = page.getByLabel('Scenario name');
    await name.fill('Edited just before the crash');
    const t0 = Date.now();
    await name.press('Enter');
    await waitSaved(page);
    console.log(`     edit to "Saved": ${Date.now() - t0} ms`);
    await kill(proc);

    proc = startBrowser(profile, port);
    browser = await connect(port);
    page = await browser.contexts()[0].newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Edited just before the crash', level: 1 }).waitFor();
    assert.equal(page.url(), `${baseUrl}/`);
    await browser.close();
  } finally {
    if (proc.exitCode === null) await kill(proc);
    rmSync(profile, { recursive: true, force: true });
  }
}
