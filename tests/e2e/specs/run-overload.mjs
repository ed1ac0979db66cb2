// A scenario that cannot keep up with its load: the run stops on its hard cap and says why,
// and Reset brings it back to 0 s.
import { shareLink, usersCallingApi } from '../designs.mjs';

const overloaded = usersCallingApi({
  name: 'Overloaded',
  rps: 2000,
  durationS: 100000,
  api: { replicas: 1, workers: 1, serviceTimeMs: { dist: 'constant', ms: 50 } },
});

export default async function ({ page, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/${shareLink(overloaded)}`);
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
