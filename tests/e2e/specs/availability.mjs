// Random failures from the inspector: on the load-balancing preset, give the API replicas an
// MTBF of 20 s and an MTTR of 5 s, run, and see the canvas flag the single points of failure and
// the run report show the API's availability, nines and incidents.
import { simulatedSeconds, summaryText } from '../runHelpers.mjs';

async function waitUntil(what, test, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await test();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export default async function ({ page, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await page.getByLabel('Speed').selectOption('10');
  await page.getByTestId('node-api').click();
  const faults = page.getByRole('region', { name: 'Faults' });
  await faults.waitFor();
  await faults.getByLabel('Fault').selectOption({ label: 'Random failures' });
  await faults.getByLabel('MTBF', { exact: true }).fill('20');
  await faults.getByLabel('MTTR', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitUntil(
    'a few seconds of run',
    async () => simulatedSeconds(await summaryText(page)) > 2,
  );
  await faults.getByRole('button', { name: 'Inject now' }).click();
  await waitUntil(
    'the run to end',
    async () => {
      const text = await summaryText(page);
      return simulatedSeconds(text) >= 120 && !/running/i.test(text) ? text : undefined;
    },
    120_000,
  );
  // The balancer is the one node whose loss cuts the users off: flagged while failures are on.
  const spof = page.getByTestId('node-lb').getByRole('img', { name: /Single point of failure/ });
  await spof.waitFor();
  if ((await page.getByRole('img', { name: /Single point of failure/ }).count()) !== 1)
    throw new Error('expected exactly one single point of failure (the balancer)');
  await page
    .getByText(/failures API MTBF 20 s · MTTR 5 s/)
    .first()
    .waitFor();
  await screenshot('availability-run');
  await page.setViewportSize({ width: 1024, height: 768 });
  await spof.waitFor();
  await screenshot('availability-1024');
}
