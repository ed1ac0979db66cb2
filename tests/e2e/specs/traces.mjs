// Request traces: run the retry-storm preset, click the latency chart to open the traces near
// that moment, click on its p99 line to open those near that moment and latency, read a
// waterfall, filter the failed ones, compare two side by side, read where the time goes, and
// open the traces through one node from its inspector, at 1440×900 and 1024×768.

/** "1.24 s", "312 ms", "8.40 ms" (formatMs) in ms. */
function parseMs(text) {
  const m = /([\d.]+) (ms|s)\b/.exec(text);
  if (m === null) throw new Error(`no duration in "${text}"`);
  return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
}

/** The page point of a vertex of series `key`'s line (a row's value) nearest fraction `fx` of
 *  the plot's width. */
async function pointOnLine(page, chart, key, fx) {
  return page.evaluate(
    ([chart, key, fx]) => {
      const plot = document.querySelector(`[data-chart="${chart}"] .chart-card__plot`);
      const svg = plot.querySelector('svg').getBoundingClientRect();
      const d = plot.querySelector(`path[data-series="${key}"]`).getAttribute('d');
      const wantX = plot.getBoundingClientRect().width * fx;
      let best = null;
      for (const [, x, y] of d.matchAll(/[ML]([\d.]+) ([\d.]+)/g))
        if (best === null || Math.abs(x - wantX) < Math.abs(best.x - wantX))
          best = { x: Number(x), y: Number(y) };
      return { x: svg.left + best.x, y: svg.top + best.y };
    },
    [chart, key, fx],
  );
}

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

  // A click on the p99 line: near that time and about that latency, slowest first. At a quarter
  // of the width the run is before the storm (from 62 s), where every window's slowest requests
  // are kept; near the storm's edge the page may hold none about p99 and says so (the closest).
  await dialog.getByRole('button', { name: 'Close traces' }).click();
  const onP99 = await pointOnLine(page, 'latency', 'p99', 0.25);
  await page.mouse.move(onP99.x, onP99.y);
  await page.mouse.click(onP99.x, onP99.y);
  const about = dialog.getByRole('button', { name: /^About .* \(p99\) ✕$/ });
  await about.waitFor();
  await dialog.getByRole('button', { name: /^Near t = / }).waitFor();
  const p99Ms = parseMs(await about.innerText());
  const nearList = dialog.getByRole('list', { name: 'Traces, slowest first' });
  await nearList
    .getByRole('button', { name: /^Show request/ })
    .first()
    .waitFor();
  const listedMs = [];
  for (const b of await nearList.getByRole('button', { name: /^Show request/ }).all())
    listedMs.push(parseMs(await b.locator('b').innerText()));
  for (const ms of listedMs)
    if (ms < p99Ms / 1.5 - 0.01 || ms > p99Ms * 1.5 + 0.01)
      throw new Error(`listed ${ms} ms, not about the p99 of ${p99Ms} ms`);
  for (let i = 1; i < listedMs.length; i++)
    if (listedMs[i] > listedMs[i - 1]) throw new Error(`not slowest first: ${listedMs}`);
  await screenshot('1440-p99-click');
  await about.click();
  await about.waitFor({ state: 'detached' });
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

  // From a node's inspector: the requests that reached it.
  await page.locator('.react-flow__node[data-id="inventory"]').click();
  await page.getByRole('button', { name: 'Traces through this node' }).click();
  await dialog.waitFor();
  const through = dialog.getByLabel('Through node');
  const picked = await through.evaluate((s) => s.options[s.selectedIndex].text);
  if (picked !== 'Inventory') throw new Error(`the traces view filters on "${picked}"`);
  const fallText = await dialog
    .getByRole('figure', { name: /^Request \d+$/ })
    .first()
    .innerText();
  if (!fallText.includes('Inventory')) throw new Error('the shown request did not reach Inventory');
  await screenshot('1024-node');
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot('1440-node');
}
