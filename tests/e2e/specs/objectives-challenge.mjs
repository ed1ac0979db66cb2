// A challenge passed and kept: the capacity-planning challenge, fixed as its last hint says (3
// API replicas), runs to the end, every objective met with the same values as the headless run
// of the same design; the pass shows in the scorecard and stays after a reload, at 1440×900
// and 1024×768.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PRESET = 'capacity-planning';

/** The headless run of the preset with 3 API replicas: `npm run sim -- FILE --json`. */
function headlessWithThree() {
  const doc = JSON.parse(readFileSync(join(root, `presets/${PRESET}.json`), 'utf8'));
  doc.nodes.find((n) => n.id === 'api').params.replicas = 3;
  const dir = mkdtempSync(join(tmpdir(), 'archsim-objectives-'));
  try {
    const file = join(dir, 'three.json');
    writeFileSync(file, JSON.stringify(doc));
    const out = execFileSync('npm', ['run', '--silent', 'sim', '--', file, '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const chipOf = (page) => page.getByRole('button', { name: /^(Objectives|[✓✗] \d+\/\d+ met)/ });

export default async function ({ page, baseUrl, screenshot }) {
  const expected = headlessWithThree();
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

  const chip = chipOf(page);
  await chip.click();
  const panel = page.getByRole('dialog', { name: 'Objectives scorecard' });
  const challenge = panel.getByRole('region', { name: 'Challenge' });
  await challenge.getByText('Not tried yet: finish a run to be graded.').waitFor();

  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
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
  await chipOf(page).click();
  await page
    .getByRole('dialog', { name: 'Objectives scorecard' })
    .getByRole('region', { name: 'Challenge' })
    .getByText(/^Passed ✓/)
    .waitFor();
  const box = await page.getByRole('dialog', { name: 'Objectives scorecard' }).boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 1024, 'the scorecard leaves the window at 1024');
  await screenshot('1024-passed-after-reload');
}
