// One way to serve the built app and open Debian's chromium, shared by the spec runner (run.mjs)
// and the profiler (profile.mjs): `vite preview` on 127.0.0.1 in its own process group (so
// stopping it stops its children too), and a fresh persistent browser profile.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Serves `distDir` on `port` and resolves once it answers (within `ms`).
 * Returns `{ baseUrl, stop }`; `stop` is safe to call twice.
 */
export async function startPreview({ root, distDir, port, ms = 30_000 }) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--host',
      '127.0.0.1',
      '--strictPort',
      '--port',
      String(port),
      '--outDir',
      distDir,
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  const stop = () => {
    if (server.exitCode !== null) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill('SIGTERM');
    }
  };
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    const up = await fetch(baseUrl)
      .then((res) => res.ok)
      .catch(() => false);
    if (up) return { baseUrl, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview did not answer on ${baseUrl}`);
}

/** Chromium with a new profile directory; `close` shuts it and removes the profile. */
export async function openBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const profileDir = mkdtempSync(join(tmpdir(), 'archsim-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport,
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true });
  };
  return { context, close };
}
