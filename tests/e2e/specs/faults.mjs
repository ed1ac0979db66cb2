// Break the system live: run the load-balancing preset, crash every API replica for 10 s from the
// inspector, see the error rate rise and fall back, the fault's marks on the charts, its bar on
// the timeline and its badge on the canvas. The injection joins the run going on (simulated time
// keeps going, no restart notice); Reset + Run replays the same totals.
import { simulatedSeconds, summaryText } from '../runHelpers.mjs';

const errorPercent = (text) => Number(text.match(/errors ([\d.]+) %/)?.[1] ?? NaN);

async function waitUntil(what, test, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await test();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function runToEnd(page) {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  return waitUntil('the run to end', async () => {
    const text = await summaryText(page);
    return simulatedSeconds(text) >= 120 && !/running/i.test(text) ? text : undefined;
  });
}

export default async function ({ page, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await page.getByLabel('Speed').selectOption('10');

  await page.getByTestId('node-api').click();
  const faults = page.getByRole('region', { name: 'Faults' });
  await faults.waitFor();
  const kinds = await faults.getByLabel('Fault').locator('option').allInnerTexts();
  // A service honours the crash every kind answers, and its own: slow, cpu, error, pause, and
  // random failures (MTBF/MTTR).
  if (kinds.join() !== 'Crash,Slow down,CPU loss,Errors,GC pauses,Random failures')
    throw new Error(`unexpected kinds for a service: ${kinds}`);
  await faults.getByLabel('Replicas down').fill(''); // empty = every replica
  await faults.getByLabel('For').fill('10');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitUntil('a few healthy seconds', async () => {
    const text = await summaryText(page);
    return simulatedSeconds(text) > 12 && errorPercent(text) === 0;
  });
  const beforeS = simulatedSeconds(await summaryText(page));
  await faults.getByRole('button', { name: 'Inject now' }).click();
  const note = await waitUntil('the injection to be confirmed', async () => {
    const t = await faults.locator('[aria-live]').innerText();
    return t.startsWith('Injected:') ? t : undefined;
  });
  console.log(`     ${note}`);
  const atS = Number(note.match(/at ([\d.]+) s/)?.[1]);
  if (!(atS >= beforeS)) throw new Error(`injected at ${atS} s, before the clock (${beforeS} s)`);
  // The worker takes the fault into the run going on: the clock never goes back.
  let lastS = beforeS;
  const clockGoesOn = (text) => {
    const now = simulatedSeconds(text);
    if (now < lastS) throw new Error(`the run restarted on injection (${lastS} s, then ${now} s)`);
    lastS = now;
  };

  const failing = await waitUntil('the error rate to rise', async () => {
    const text = await summaryText(page);
    clockGoesOn(text);
    return errorPercent(text) > 50 ? text : undefined;
  });
  console.log(`     during the crash: ${failing}`);
  if (simulatedSeconds(failing) < atS) throw new Error('the run restarted on injection');
  await page
    .getByRole('img', { name: /Fault active: crash/ })
    .first()
    .waitFor();
  await screenshot('crashed');

  const recovered = await waitUntil('the error rate to fall back', async () => {
    const text = await summaryText(page);
    clockGoesOn(text);
    return simulatedSeconds(text) > atS + 12 && errorPercent(text) === 0 ? text : undefined;
  });
  console.log(`     after it: ${recovered}`);
  if ((await page.getByText(/run restarted/).count()) > 0)
    throw new Error('a restart notice after an injection');

  const marks = await page.locator('.chart-card .fault-marker').count();
  if (marks === 0) throw new Error('no fault marker on the charts');
  const bar = page.getByRole('button', { name: `crash on API at ${atS} s for 10 s` });
  await bar.waitFor();
  await screenshot('recovered');

  const first = await waitUntil('the run to end', async () => {
    const text = await summaryText(page);
    return simulatedSeconds(text) >= 120 && !/running/i.test(text) ? text : undefined;
  });
  await page.locator('.chart-card .fault-marker rect').first().waitFor({ timeout: 10_000 });
  await screenshot('done');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await waitUntil('t = 0', async () => simulatedSeconds(await summaryText(page)) === 0);
  // The "Injected: …" note belonged to the run that was reset.
  await waitUntil('the injector note to forget the injection', async () =>
    (await faults.locator('[aria-live]').innerText()).startsWith('Starts at 0 s'),
  );
  const replay = await runToEnd(page);
  const totals = (t) =>
    t
      .replace(/t = .*?s\b/, '')
      .replace(/\s+/g, ' ')
      .trim();
  console.log(`     first run: ${totals(first)}\n     replayed:  ${totals(replay)}`);
  if (totals(first) !== totals(replay)) throw new Error('Reset + Run did not replay the totals');

  await bar.click();
  await page.getByRole('dialog', { name: /^Edit fault: crash on API/ }).waitFor();
  await screenshot('editor');
  await page.getByRole('button', { name: 'Delete fault' }).click();
  if ((await bar.count()) !== 0) throw new Error('the fault was not deleted');
}
