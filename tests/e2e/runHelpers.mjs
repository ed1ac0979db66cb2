// Reading a run's progress from the page, shared by the run specs (kept out of specs/, where
// every file is run as a spec).

/** The run summary's text ("Running t = 12.3 s · …"). */
export const summaryText = (page) => page.getByRole('status', { name: 'Run summary' }).innerText();

/** Seconds of simulated time in the summary ("t = 12.3 s", "t = 1 min 5 s", "t = 1 h 2 min"). */
export function simulatedSeconds(text) {
  const h = text.match(/t = (\d+) h (\d+) min/);
  if (h) return Number(h[1]) * 3600 + Number(h[2]) * 60;
  const min = text.match(/t = (\d+) min (\d+) s/);
  if (min) return Number(min[1]) * 60 + Number(min[2]);
  const s = text.match(/t = ([\d.]+) s/);
  return s ? Number(s[1]) : NaN;
}

/** The texts of the notices that say the run restarted. */
export async function restartNotices(page) {
  const alerts = await page.getByRole('alert').allInnerTexts();
  return alerts.filter((t) => /restarted/i.test(t));
}

/** Opens `preset` afresh (from a blank page: a goto to the same address may not reload). */
export async function openPreset(page, baseUrl, preset) {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/?preset=${preset}`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
}

/** Runs the open design at Max speed until the summary says it finished. */
export async function runToEnd(page, timeout = 90_000) {
  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page
    .getByRole('status', { name: 'Run summary' })
    .filter({ hasText: 'Finished' })
    .waitFor({ timeout });
}
