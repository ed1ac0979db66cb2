// A scenario that cannot keep up with its load: the run stops on its hard cap and says why,
// and Reset brings it back to 0 s.
import { deflateRawSync } from 'node:zlib';

const overloaded = {
  version: 1,
  name: 'Overloaded',
  description: '',
  seed: 3,
  durationS: 100000,
  warmupS: 0,
  nodes: [
    {
      id: 'users',
      type: 'client',
      label: 'Users',
      position: { x: 0, y: 0 },
      params: { arrival: { process: 'poisson', rps: 2000 } },
    },
    {
      id: 'api',
      type: 'service',
      label: 'API',
      position: { x: 300, y: 0 },
      params: { replicas: 1, workers: 1, serviceTimeMs: { dist: 'constant', ms: 50 } },
    },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'api', latencyMs: 1 }],
  faults: [],
};

export default async function ({ page, baseUrl, screenshot }) {
  const link = deflateRawSync(Buffer.from(JSON.stringify(overloaded))).toString('base64url');
  await page.goto(`${baseUrl}/#s=${link}`);
  const summary = page.getByRole('status', { name: 'Run summary' });
  await summary.waitFor();
  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const notice = page.locator('.run-summary [role="alert"]');
  await notice.waitFor({ timeout: 60_000 });
  const text = await notice.innerText();
  console.log(`     notice: ${text}`);
  if (!/stopped/.test(text))
    throw new Error(`expected a notice that the run stopped, got "${text}"`);
  if (!(await summary.innerText()).startsWith('Finished'))
    throw new Error('expected the run to be over');
  await screenshot('stopped');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.waitForFunction(
    () =>
      /Ready t = 0\.0 s/.test(
        document.querySelector('[aria-label="Run summary"]')?.textContent ?? '',
      ),
    undefined,
    { timeout: 10_000 },
  );
}
