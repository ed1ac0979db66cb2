// A challenge passed and kept: the capacity-planning challenge, fixed as its last hint says (3
// API replicas), runs to the end, every objective met with the same values as the headless run
// of the same design; the pass shows in the scorecard and stays after a reload, at 1440×900
// and 1024×768.
import assert from 'node:assert/strict';
import { headless, presetDoc, scorecardChip } from '../objectivesHelpers.mjs';

const PRESET = 'capacity-planning';

/** The preset fixed as its last hint says: 3 API replicas. */
function withThree() {
  const doc = presetDoc(PRESET);
  doc.nodes.find((n) => n.id === 'api').params.replicas = 3;
  return doc;
}

export default async function ({ page, baseUrl, screenshot }) {
  const expected = headless(withThree());
  assert.ok(expected.objectives.every((g) => g.met));

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(baseUrl);
  await page.evaluate(() => localStorage.removeItem('archsim.challenges.v1'));
  await page.goto(`${baseUrl}/?preset=${PRESET}`);
  await page.locator('[data-testid="node-api"]').click();
  const replicas = page.getByLabel('Replicas', { exact: true });
  await replicas.fill('3');
  await replicas.press('Tab');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="node-api"]')?.textContent?.includes('3 ×'),
  );

  const chip = scorecardChip(page);
  await chip.click();
  const panel = page.getByRole('dialog', { name: 'Objectives scorecard' });
  const challenge = panel.getByRole('region', { name: 'Challenge' });
  await challenge.getByText('Not tried yet: finish a run to be graded.').waitFor();

  // Live at 1024×768: the scorecard beside the summary grades the run so far, in the window.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await panel.getByText('So far, over the counted part', { exact: false }).waitFor();
  await chip.filter({ hasText: '2/2 met' }).waitFor({ timeout: 30_000 });
  const live = await panel.boundingBox();
  assert.ok(live.x >= 0 && live.x + live.width <= 1024 && live.y + live.height <= 768);
  await screenshot('1024-live');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel('Speed').selectOption('max');
  const summary = page.getByRole('status', { name: 'Run summary' });
  await summary.filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
  await panel.getByText('Whole run after warm-up', { exact: false }).waitFor();

  // Every objective met, each with the headless value and margin.
  const rows = panel.getByRole('list', { name: 'Objectives' }).getByRole('listitem');
  assert.equal(await rows.count(), expected.objectives.length);
  for (const g of expected.objectives) {
    const text = await rows.filter({ hasText: g.label }).innerText();
    assert.match(text, /: met/, text);
    const shown =
      g.metric === 'costPerHour'
        ? `$${g.value.toFixed(3)}/h`
        : `${Number(g.value.toPrecision(3))} ms`;
    assert.ok(text.includes(shown), `${text} does not show ${shown}`);
    console.log(`     ${text.replace(/\n/g, ' ')}`);
  }
  assert.match((await chip.innerText()).trim(), /^✓ 2\/2 met/);
  await challenge.getByText(/^Passed ✓ \(all 2 objectives met, seed 21/).waitFor();
  await screenshot('1440-passed');

  // Kept: after a reload (no run result any more) the challenge still says passed.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await scorecardChip(page).click();
  await page
    .getByRole('dialog', { name: 'Objectives scorecard' })
    .getByRole('region', { name: 'Challenge' })
    .getByText(/^Passed ✓/)
    .waitFor();
  const box = await page.getByRole('dialog', { name: 'Objectives scorecard' }).boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 1024, 'the scorecard leaves the window at 1024');
  await screenshot('1024-passed-after-reload');
}
