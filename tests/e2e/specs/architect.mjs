// The architect's walkthrough, from a blank canvas: drag a client, a rate limiter, a load
// balancer, a service, a cache, a primary database with a read replica (replication edge), and
// a queue with a consumer service and a dead-letter queue; set params in the inspector; Run;
// every node shows live figures and no warning badge is left; then Analyze: sweep,
// replications, theory.
import assert from 'node:assert/strict';

const PLACES = [
  ['Client', 60, 80],
  ['Rate limiter', 60, 180],
  ['Load balancer', 60, 280],
  ['Service', 260, 80],
  ['Cache', 260, 180],
  ['Database', 260, 280],
  ['Database', 460, 80],
  ['Queue', 460, 180],
  ['Service', 460, 280],
  ['Queue', 260, 380],
];
const WIRES = [
  ['client', 'rateLimiter', 'call'],
  ['rateLimiter', 'loadBalancer', 'call'],
  ['loadBalancer', 'service', 'call'],
  ['service', 'cache', 'call'],
  ['cache', 'database', 'call'],
  ['database', 'database2', 'replication'],
  ['service', 'queue', 'call'],
  ['queue', 'service2', 'call'],
  ['queue', 'queue2', 'deadLetter'],
  ['queue2', 'service2', 'call'],
];

const edgeCount = (page) => page.locator('.react-flow__edge').count();

/** Drags from one node's output handle to another's input; retried once if nothing connected. */
async function connect(page, from, to) {
  const before = await edgeCount(page);
  for (let attempt = 0; attempt < 2 && (await edgeCount(page)) === before; attempt++) {
    const a = await page
      .getByTestId(`node-${from}`)
      .locator('.react-flow__handle.source')
      .boundingBox();
    const b = await page
      .getByTestId(`node-${to}`)
      .locator('.react-flow__handle.target')
      .boundingBox();
    assert.ok(a && b, `handles of ${from} and ${to} are on screen`);
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await page.mouse.up();
    // The edge is drawn on the next render; if it is not, the drag missed and is tried again.
    await page
      .waitForFunction((n) => document.querySelectorAll('.react-flow__edge').length > n, before, {
        timeout: 2000,
      })
      .catch(() => undefined);
  }
  assert.equal(await edgeCount(page), before + 1, `${from} → ${to} connected`);
}

async function setParam(page, nodeId, label, value) {
  await page.getByTestId(`node-${nodeId}`).click();
  const field = page
    .getByRole('complementary', { name: 'Inspector' })
    .getByLabel(label, { exact: true });
  await field.fill(String(value));
  await field.press('Tab');
}

export default async function ({ page, baseUrl, screenshot }) {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await page.getByRole('button', { name: 'Presets', exact: true }).click();
  await page.getByRole('button', { name: 'Blank canvas' }).click();
  assert.equal(await page.locator('.react-flow__node').count(), 0, 'the canvas is blank');
  // The notice says how to start; dismissed so it covers nothing.
  const notice = page.getByRole('status').filter({ hasText: 'blank canvas' });
  await notice.getByRole('button', { name: 'Dismiss message' }).click();

  const pane = page.locator('.react-flow__pane');
  for (const [name, x, y] of PLACES) {
    await page
      .getByRole('button', { name, exact: true })
      .dragTo(pane, { targetPosition: { x, y } });
  }
  const ids = await page
    .locator('.react-flow__node')
    .evaluateAll((ns) => ns.map((n) => n.dataset.id));
  assert.deepEqual(ids.sort(), [...new Set(WIRES.flatMap(([a, b]) => [a, b]))].sort());
  for (const [from, to] of WIRES) await connect(page, from, to);
  // Each link got the kind its ends call for.
  const kinds = await page
    .locator('.react-flow__edge')
    .evaluateAll((es) => es.map((e) => e.getAttribute('aria-label')));
  assert.ok(kinds.includes('Replication from Database to Database 2'), kinds.join(', '));
  assert.ok(kinds.includes('Dead letters from Queue to Queue 2'), kinds.join(', '));
  await page.getByRole('button', { name: 'Tidy layout' }).click();
  await page.getByRole('button', { name: 'Fit View' }).click();
  assert.equal(await page.locator('.arch-node__problem').count(), 0, 'no warning badge once wired');
  await screenshot('1-wired');

  // The replication edge's inspector speaks of lag, not of a caller's retries.
  await page.getByRole('group', { name: 'Replication from Database to Database 2' }).focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByText(/replication lag/).waitFor();
  assert.equal(await inspector.getByLabel('Retry', { exact: true }).count(), 0);

  await setParam(page, 'client', 'Arrivals rate', 200);
  await setParam(page, 'rateLimiter', 'Rate', 500);
  await setParam(page, 'service', 'Replicas', 3);
  await setParam(page, 'service2', 'Workers per replica', 4);
  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByText('Utilization', { exact: true }).waitFor({ timeout: 30_000 });
  // Every node shows live figures (its own rps: a client what it sends), and no badge appeared.
  // (The canvas reads the newest window a few times a second: at Max the run may end first.)
  await page
    .waitForFunction(
      (all) =>
        all.every((id) =>
          /\d\S* rps/.test(document.querySelector(`[data-testid="node-${id}"]`)?.innerText ?? ''),
        ),
      ids,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  const texts = await Promise.all(ids.map((id) => page.getByTestId(`node-${id}`).innerText()));
  const silent = ids.filter((_, i) => !/\d\S* rps/.test(texts[i] ?? ''));
  assert.deepEqual(silent, [], 'every node shows live figures');
  assert.equal(await page.locator('.arch-node__problem').count(), 0);
  await screenshot('2-ran');

  const drawer = page.getByRole('dialog', { name: 'Analysis' });
  await page.getByRole('button', { name: 'Analyze', exact: true }).click();
  await drawer.getByRole('tab', { name: 'Load sweep' }).click();
  await drawer.getByLabel('Duration per point (s)', { exact: true }).fill('20');
  await drawer.getByRole('button', { name: 'Run sweep' }).click();
  const sweep = drawer.getByRole('status', { name: 'Sweep summary' });
  await sweep.waitFor({ timeout: 60_000 });
  console.log(`     ${await sweep.innerText()}`);
  assert.match(await sweep.innerText(), /Capacity at p99/);
  await screenshot('3-sweep');
  await drawer.getByRole('tab', { name: 'Replications' }).click();
  await drawer.getByRole('button', { name: 'Run replications' }).click();
  const sure = drawer.getByRole('list', { name: 'How sure' });
  await sure.waitFor({ timeout: 60_000 });
  assert.match(await sure.innerText(), /95 % CI/);
  await drawer.getByRole('tab', { name: 'Theory' }).click();
  await drawer.getByRole('button', { name: /compare with theory/ }).click();
  const theory = drawer.getByRole('table', { name: 'Theory and measurement' });
  await theory.waitFor({ timeout: 60_000 });
  assert.match(await theory.innerText(), /Little/);
  await screenshot('4-theory');
}
