// Browser tests without a framework: serves the built app with `vite preview`, opens Debian's
// chromium through playwright-core with a fresh profile, and runs every tests/e2e/specs/*.mjs
// (each `export default async function ({ page, context, baseUrl, screenshot })`) on its own
// page. A spec fails on a thrown error, a console error, a page error, or after 120 s. The last
// line is `N passed, N failed`; the exit status is non-zero on any failure. The server and the
// browser are always stopped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openBrowser, startPreview } from './preview.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const specsDir = join(root, 'tests/e2e/specs');
const shotsDir = join(root, 'tests/e2e/screenshots');
const PORT = Number(process.env.E2E_PORT ?? 4173);
// Another built copy (e.g. one per person when several build in the same tree at once).
const distDir = resolve(root, process.env.E2E_DIST ?? 'dist');
const SPEC_TIMEOUT_MS = 120_000;
const only = process.argv.slice(2);

let preview;
let browser;

async function cleanup() {
  await browser?.close();
  browser = undefined;
  preview?.stop();
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runSpec(file) {
  const { context } = browser;
  const { baseUrl } = preview;
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  const name = file.replace(/\.mjs$/, '');
  const screenshot = async (label) => {
    const path = join(shotsDir, `${name}-${label}.png`);
    await page.screenshot({ path });
    return path;
  };
  const started = Date.now();
  try {
    const spec = (await import(pathToFileURL(join(specsDir, file)).href)).default;
    await withTimeout(spec({ page, context, baseUrl, screenshot }), SPEC_TIMEOUT_MS, name);
    if (problems.length > 0) throw new Error(problems.join('\n  '));
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return true;
  } catch (err) {
    await screenshot('failure').catch(() => {});
    const extra = problems.length > 0 ? `\n  ${problems.join('\n  ')}` : '';
    console.log(`FAIL ${name}: ${err instanceof Error ? err.message : String(err)}${extra}`);
    return false;
  } finally {
    await page.close().catch(() => {});
  }
}

async function main() {
  if (!existsSync(join(distDir, 'index.html'))) {
    console.log(`${distDir} is missing: building first`);
    const build = spawnSync('npx', ['vite', 'build', '--outDir', distDir], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  mkdirSync(shotsDir, { recursive: true });
  preview = await startPreview({ root, distDir, port: PORT });
  browser = await openBrowser();
  const specs = readdirSync(specsDir)
    .filter((f) => f.endsWith('.mjs'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  let passed = 0;
  let failed = 0;
  for (const file of specs) {
    if (await runSpec(file)) passed += 1;
    else failed += 1;
  }
  return { passed, failed };
}

let code = 1;
try {
  const { passed, failed } = await main();
  console.log(`${passed} passed, ${failed} failed`);
  code = failed === 0 && passed > 0 ? 0 : 1;
} catch (err) {
  console.error(`e2e runner: ${err instanceof Error ? err.message : String(err)}`);
  console.log('0 passed, 1 failed');
} finally {
  await cleanup();
}
process.exit(code);
