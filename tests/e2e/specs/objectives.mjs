// Objectives as a learner meets them, on the failover challenge: graded live beside the run
// summary (met with its value and margin until the primary crashes), the error budget charted
// over time, the burn-rate alerts firing and resolving on the timeline, on the charts and in a
// list with their reasons (the same alerts at the same times as the headless run of the same
// file), and the challenge's result kept across a reload; at 1440×900, then 1024×768.
import assert from 'node:assert/strict';
import { headless, presetDoc, scorecardChip } from '../objectivesHelpers.mjs';
import { simulatedSeconds, summaryText } from '../runHelpers.mjs';

const PRESET = 'failover-active-passive';

/** Every box of the open scorecard inside the window, none cut off on the right. */
async function assertInView(page, what) {
  const { width, height } = page.viewportSize();
  const panel = page.getByRole('dialog', { name: 'Objectives scorecard' });
  const box = await panel.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= width, `${what}: the scorecard leaves the window`);
  assert.ok(box.y + 40 < height, `${what}: the scorecard starts below the window`);
  const overflow = await panel.evaluate((el) =>
    [...el.querySelectorAll('*')]
      .filter((c) => !c.classList.contains('visually-hidden'))
      .filter((c) => c.scrollWidth > c.clientWidth + 1 && getComputedStyle(c).overflowX !== 'auto')
      .map((c) => c.className),
  );
  assert.deepEqual(overflow, [], `${what}: text cut off in ${overflow.join(', ')}`);
}

export default async function ({ page, baseUrl, screenshot }) {
  const expected = headless(presetDoc(PRESET));
  const fires = expected.alerts.filter((a) => a.event === 'fire');
  assert.ok(fires.length >= 2 && expected.alerts.some((a) => a.event === 'resolve'));

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(baseUrl);
  await page.evaluate(() => localStorage.removeItem('archsim.challenges.v1'));
  await page.goto(`${baseUrl}/?preset=${PRESET}`);
  const summary = page.getByRole('status', { name: 'Run summary' });
  await summary.waitFor();
  const chip = scorecardChip(page);
  assert.equal((await chip.innerText()).trim(), 'Objectives');

  // Live: at ×10 the scorecard grades the run so far; paused before the crash at 60 s, met.
  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await chip.filter({ hasText: '1/1 met' }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await summary.filter({ hasText: /^Paused/ }).waitFor();
  await chip.click();
  const panel = page.getByRole('dialog', { name: 'Objectives scorecard' });
  await panel.getByText('So far, over the counted part', { exact: false }).waitFor();
  const row = panel.getByRole('list', { name: 'Objectives' }).getByRole('listitem');
  const liveRow = await row.innerText();
  assert.match(liveRow, /lose under 5 % of requests to the crash/);
  assert.match(liveRow, /met/);
  assert.match(liveRow, /\d+(\.\d+)? %\s+target ≥ 95 % · [\d.]+ % to spare/);
  console.log(
    `     paused at ${simulatedSeconds(await summaryText(page))} s: ${liveRow.replace(/\n/g, ' ')}`,
  );
  await screenshot('1440-live-met');

  // Still live: the crash burns the budget and the alerts fire while the run goes on.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const alertList = panel.getByRole('list', { name: 'Alerts' });
  await alertList
    .getByText(`${fires[0].alert} (${fires[0].pair}) fired`)
    .waitFor({ timeout: 60_000 });
  assert.match(await summaryText(page), /^Running/);
  await chip.filter({ hasText: /alert/ }).waitFor();
  await screenshot('1440-live-alert');

  await page.getByLabel('Speed').selectOption('max');
  await summary.filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
  await panel.getByText('Whole run after warm-up', { exact: false }).waitFor();

  // Graded as the headless run grades it: missed, with the same value and margin.
  const [g] = expected.objectives;
  assert.equal(g.met, false);
  const finalRow = await row.innerText();
  const pct = (x) => `${Number((x * 100).toFixed(1))} %`;
  assert.match(finalRow, new RegExp(`${pct(g.value)}`));
  assert.match(finalRow, new RegExp(`${pct(-g.margin)} short`));
  assert.match(finalRow, /missed/);
  assert.match((await chip.innerText()).trim(), /^✗ 0\/1 met/);

  // The same alerts at the same times, each with its reason.
  const items = await alertList.getByRole('listitem').allInnerTexts();
  assert.equal(items.length, expected.alerts.length);
  expected.alerts.forEach((a, i) => {
    const event = { fire: 'fired', resolve: 'resolved', escalate: 'escalated' }[a.event];
    assert.ok(items[i].includes(`${a.alert} (${a.pair}) ${event}`), `${items[i]} is not ${event}`);
    assert.ok(items[i].includes(a.reason), `${items[i]} lacks the reason "${a.reason}"`);
  });

  // On the timeline: one span per fire, from its fire to its resolve time.
  const track = page.getByRole('list', { name: 'Alerts on the timeline' });
  const spans = await track
    .getByRole('listitem')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.equal(spans.length, fires.length);
  for (const f of fires) {
    const label = spans.find((s) => s.includes(`${f.alert} (${f.pair}) fired at ${f.tS} s`));
    assert.ok(label, `no span for ${f.pair} at ${f.tS} s in ${spans.join(' | ')}`);
    const resolve = expected.alerts.find(
      (a) => a.event === 'resolve' && a.pair === f.pair && a.tS > f.tS,
    );
    if (resolve) assert.ok(label.includes(`resolved at ${resolve.tS} s`), label);
  }
  // On every chart: the alerts' marks over the time axis. A card out of sight draws when it
  // comes into sight (ChartCard's useLivePlot), as it does for a user who scrolls to it: each
  // card still short of the marks is scrolled to in turn.
  const marksPerChart = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.chart-card')].map((c) => [
        c.innerText.split('\n')[0],
        c.querySelectorAll('.alert-marker').length,
      ]),
    );
  await page
    .waitForFunction(
      (n) => {
        const cards = [...document.querySelectorAll('.chart-card')];
        const short = cards.find((c) => c.querySelectorAll('.alert-marker').length < n);
        short?.scrollIntoView({ block: 'nearest' });
        return cards.length >= 3 && short === undefined;
      },
      fires.length,
      { timeout: 10_000 },
    )
    .catch(async () => {
      throw new Error(`alert marks per chart: ${JSON.stringify(await marksPerChart())}`);
    });
  console.log(`     alert marks per chart: ${JSON.stringify(await marksPerChart())}`);

  // The error budget over time: burned as the headless run counts it, with the fires on it.
  const budget = expected.budgets.survive;
  const figure = panel.getByRole('img', { name: /Error budget of survive/ });
  const label = await figure.getAttribute('aria-label');
  assert.ok(label.includes(`${Number((budget.burned * 100).toPrecision(4))} % burned`), label);
  assert.ok(label.includes(`${fires.length} alerts fired`), label);
  // …and the arithmetic behind it, from the counts: failed ÷ ((1 − 0.95) × counted requests).
  const counts = await panel.locator('.budget-chart__counts').innerText();
  assert.equal(
    counts,
    `${budget.failed} failed of ${budget.allowed} allowed (${budget.total} requests × 5 %): ` +
      `${Number((budget.burned * 100).toPrecision(4))} % burned`,
  );
  assert.equal(budget.burned, budget.failed / ((1 - 0.95) * budget.total));
  const path = await figure.locator('path').getAttribute('d');
  assert.equal(path.split('L').length, budget.series.length);

  // The challenge's result, kept: not passed, and still so after a reload.
  const challenge = panel.getByRole('region', { name: 'Challenge' });
  await challenge.getByText('Not passed yet: best 0 of 1 objectives met.').waitFor();
  await panel.getByRole('button', { name: /Show a hint/ }).click();
  await challenge.getByRole('listitem').first().waitFor();
  await assertInView(page, '1440');
  await screenshot('1440-finished');

  await page.setViewportSize({ width: 1024, height: 768 });
  await assertInView(page, '1024');
  await screenshot('1024-finished');
  await alertList.scrollIntoViewIfNeeded();
  await screenshot('1024-alerts');
  // The timeline's alert track, the scorecard closed: whole, inside the window.
  await panel.getByRole('button', { name: 'Close' }).click();
  await track.scrollIntoViewIfNeeded();
  const trackBox = await track.boundingBox();
  assert.ok(
    trackBox.y + trackBox.height <= 768,
    `the alert track ends at ${trackBox.y + trackBox.height}`,
  );
  await screenshot('1024-track');

  await page.reload();
  await summary.waitFor();
  await scorecardChip(page).click();
  await page
    .getByRole('region', { name: 'Challenge' })
    .getByText('Not passed yet: best 0 of 1 objectives met.')
    .waitFor();
  await screenshot('1024-reloaded');
}
