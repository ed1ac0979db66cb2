// Request traces: run the retry-storm preset, click the latency chart to open the traces near
// that moment, read a waterfall, filter the failed ones, compare two side by side, and read
// where the time goes, at 1440×900 and 1024×768.
export default async function ({ page, baseUrl, screenshot }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${baseUrl}/?preset=retry-storm`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const tracesButton = page.getByRole('button', { name: /^Traces \(\d+\)$/ });
  // Enough traces for the storm (from t = 62 s) to be in them.
  await page.waitForFunction(
    () => {
      const b = [...document.querySelectorAll('button')].find((x) =>
        /^Traces \(/.test(x.textContent ?? ''),
      );
      return b !== undefined && Number(/\((\d+)\)/.exec(b.textContent ?? '')?.[1]) > 400;
    },
    null,
    { timeout: 90_000 },
  );
  await page
    .getByRole('button', { name: 'Pause' })
    .click()
    .catch(() => {});

  // A click on the latency chart, at two thirds of its width: the requests near that time.
  const plot = page.locator('[data-chart="latency"] .chart-card__plot');
  const box = await plot.boundingBox();
  await page.mouse.move(box.x + box.width * 0.66, box.y + box.height / 2);
  await page.mouse.click(box.x + box.width * 0.66, box.y + box.height / 2);
  const dialog = page.getByRole('dialog', { name: 'Request traces' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: /^Near t = / }).waitFor();
  await screenshot('1440-near-click');
  const fall = dialog.getByRole('figure', { name: /^Request \d+$/ }).first();
  await fall.waitFor();
  const rows = await fall.locator('li').count();
  if (rows < 2) throw new Error(`the waterfall has ${rows} rows`);

  // Any time, failed only, then compare the first two.
  await dialog.getByRole('button', { name: /^Near t = / }).click();
  await dialog.getByLabel('Outcome').selectOption('failed');
  const list = dialog.getByRole('list', { name: 'Traces, slowest first' });
  await list
    .getByRole('button', { name: /^Show request/ })
    .first()
    .waitFor();
  const failedText = await list.locator('li').first().innerText();
  if (!/failed/.test(failedText)) throw new Error(`not a failed trace: ${failedText}`);
  await list
    .getByRole('button', { name: /^Compare with request/ })
    .nth(1)
    .click();
  await page.waitForFunction(
    () => document.querySelectorAll('[role="dialog"] figure.waterfall').length === 2,
  );
  const text = await dialog.innerText();
  for (const want of ['retry 1', 'timeout', 'Bottleneck:', 'Where the time goes']) {
    if (!text.includes(want)) throw new Error(`the traces view does not say "${want}"`);
  }
  await screenshot('1440-compare');
  await page.setViewportSize({ width: 1024, height: 768 });
  await dialog.waitFor();
  await screenshot('1024-compare');
  await dialog.getByRole('button', { name: 'Close traces' }).click();
  await dialog.waitFor({ state: 'detached' });
  await tracesButton.waitFor();
}
