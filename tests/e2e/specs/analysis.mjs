// What-if analysis in the browser: compare a design with a variant B (fewer API replicas), run
// a small load sweep and see the curve and the capacity sentence, then time a 15-point sweep of
// the standard 10-service scenario across the worker pool.
import assert from 'node:assert/strict';
import { servicesBehindBalancer, shareLink } from '../designs.mjs';

/** The bench's 10-service scenario: 5000 rps → LB → 10 services of 8 workers, exp 10 ms. */
const tenServices = servicesBehindBalancer({
  name: 'Ten services behind a balancer',
  rps: 5000,
  services: 10,
  chain: 1,
  balancer: { strategy: 'roundRobin' },
  service: { replicas: 1, workers: 8, serviceTimeMs: { dist: 'exponential', meanMs: 10 } },
  edgeLatencyMs: { dist: 'constant', ms: 0 },
  durationS: 60,
});

async function setField(drawer, label, value) {
  await drawer.getByLabel(label, { exact: true }).fill(String(value));
}

/** Paths in the sweep chart with at least `n` points. */
async function curvePoints(page) {
  return page.$$eval('.an-chart .recharts-line path.recharts-curve', (paths) =>
    Math.max(0, ...paths.map((p) => (p.getAttribute('d') ?? '').split(/[MLC]/).length - 1)),
  );
}

export default async function ({ page, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.locator('[data-testid="node-api"]').waitFor();

  // Compare: B is a copy; on the canvas B loses a replica.
  await page.getByRole('button', { name: 'Analyze', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'Analysis' });
  await drawer.getByRole('tab', { name: 'Compare' }).click();
  await drawer.getByRole('button', { name: 'Make variant B' }).click();
  await page.getByRole('button', { name: 'B', exact: true }).first().click();
  await page.getByRole('button', { name: 'Close analysis' }).click();
  await page.locator('[data-testid="node-api"]').click();
  const replicas = page.getByLabel('Replicas', { exact: true });
  await replicas.fill('2');
  await replicas.press('Tab');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="node-api"]')?.textContent?.includes('2'),
  );
  await screenshot('1-editing-b');

  await page.getByRole('button', { name: 'Analyze', exact: true }).click();
  // One seed here (compare-verdict.mjs runs several): this spec also times a long sweep.
  await drawer.getByRole('tabpanel', { name: 'Compare' }).getByLabel('Seeds').fill('1');
  const started = Date.now();
  await drawer.getByRole('button', { name: 'Run A and B' }).click();
  const table = drawer.getByRole('table', { name: 'Comparison A and B' });
  await table.waitFor({ timeout: 60_000 });
  console.log(`     compare A and B (120 s each): ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const cost = await table.getByRole('row', { name: /Cost per hour/ }).innerText();
  assert.match(cost, /worse|better/, `cost row: ${cost}`);
  // B has 2 replicas instead of 3: cheaper, and each replica busier (at 300 rps p99 barely moves).
  const verdict = (name) => table.getByRole('row', { name }).getAttribute('data-verdict');
  assert.equal(await verdict(/Cost per hour/), 'better');
  assert.equal(await verdict(/p50 latency/), 'worse');
  console.log(`     ${(await table.innerText()).replace(/\s+/g, ' ').slice(0, 400)}`);
  await drawer.locator('.an-chart .recharts-line path.recharts-curve').first().waitFor();
  await screenshot('2-compare');

  // Back to A before the sweep, so the canvas shows A again.
  await page.getByRole('button', { name: 'A', exact: true }).first().click();
  assert.equal(
    await page
      .locator('[data-testid="node-api"]')
      .textContent()
      .then((t) => /3/.test(t)),
    true,
  );

  // A small sweep: 50..150 % step 25, 20 s per point.
  await drawer.getByRole('tab', { name: 'Load sweep' }).click();
  await setField(drawer, 'From %', 50);
  await setField(drawer, 'To %', 150);
  await setField(drawer, 'Step %', 25);
  await setField(drawer, 'Base rate (rps)', 1000);
  await setField(drawer, 'Duration per point (s)', 20);
  await drawer.getByRole('button', { name: 'Run sweep' }).click();
  const summary = drawer.getByRole('status', { name: 'Sweep summary' });
  await summary.waitFor({ timeout: 60_000 });
  const sentence = await summary.innerText();
  console.log(`     ${sentence}`);
  assert.match(sentence, /Capacity at p99 ≤ 200 ms: .*rps/);
  assert.match(sentence, /API \(utilization/);
  assert.ok((await curvePoints(page)) >= 4, 'the curve has a point per sweep step');
  await screenshot('3-sweep');

  // Replications and theory on the same design.
  await drawer.getByRole('tab', { name: 'Replications' }).click();
  await drawer.getByRole('button', { name: 'Run replications' }).click();
  const sure = drawer.getByRole('list', { name: 'How sure' });
  await sure.waitFor({ timeout: 60_000 });
  assert.match(await sure.innerText(), /p99 is .* ms ± .*95 % CI, 8 seeds/);
  await screenshot('3b-replications');
  await drawer.getByRole('tab', { name: 'Theory' }).click();
  await drawer.getByRole('button', { name: /compare with theory/ }).click();
  const theory = drawer.getByRole('table', { name: 'Theory and measurement' });
  await theory.waitFor({ timeout: 60_000 });
  // Round robin over three replicas gives each Erlang-3 gaps: the exact E3/M/4 model applies.
  assert.match(await theory.innerText(), /E3\/M\/4/);
  assert.match(await theory.innerText(), /Little/);
  await screenshot('3c-theory');

  // The standard 10-service scenario: 15 points, 60 s each, across the pool.
  await page.goto('about:blank'); // a new hash alone would not reload the app
  await page.goto(`${baseUrl}/${shareLink(tenServices)}`);
  await page.locator('[data-testid="node-s9_0"]').waitFor();
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.getByRole('button', { name: 'Analyze', exact: true }).click();
  await drawer.getByRole('tab', { name: 'Load sweep' }).click();
  assert.equal(await drawer.getByLabel('Base rate (rps)', { exact: true }).inputValue(), '5000');
  assert.equal(
    await drawer.getByLabel('Duration per point (s)', { exact: true }).inputValue(),
    '60',
  );
  const t0 = Date.now();
  await drawer.getByRole('button', { name: 'Run sweep' }).click();
  await drawer.getByRole('progressbar', { name: 'Sweep progress' }).waitFor();
  await screenshot('4-sweep-progress');
  await summary.waitFor({ timeout: 110_000 });
  const wall = (Date.now() - t0) / 1000;
  console.log(
    `     15-point sweep of the 10-service scenario (60 s per point, ${cores} workers): ${wall.toFixed(1)} s wall`,
  );
  console.log(`     ${await summary.innerText()}`);
  await screenshot('5-sweep-ten-services');
}
