// The architect's walkthrough, from a blank canvas: drag a client, a rate limiter, a load
// balancer, a service, a cache, a primary database with a read replica (replication edge), and
// a queue with a consumer service and a dead-letter queue; set params in the inspector; Run;
// every node shows live figures and no warning badge is left; then Analyze: sweep,
// replications, theory.
import assert from 'node:assert/strict';

// Far enough apart that no two nodes overlap (a node is about 110 px tall with its figures), so
// every handle a drag aims at is on top.
const PLACES = [
  ['Client', 60, 60],
  ['Rate limiter', 60, 200],
  ['Load balancer', 60, 340],
  ['Service', 300, 60],
  ['Cache', 300, 200],
  ['Database', 300, 340],
  ['Database', 540, 60],
  ['Queue', 540, 200],
  ['Service', 540, 340],
  ['Queue', 780, 200],
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

/** What is drawn on top at a point: a drag that misses says what it hit instead. */
const topmostAt = (page, x, y) =>
  page.evaluate(
    ([px, py]) => {
      const el = document.elementFromPoint(px, py);
      return el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : 'nothing';
    },
    [x, y],
  );

/** Drags from one node's output handle to another's input; tried up to three times. */
async function connect(page, from, to) {
  const before = await edgeCount(page);
  const missed = [];
  for (let attempt = 0; attempt < 3 && (await edgeCount(page)) === before; attempt++) {
    const a = await page
      .getByTestId(`node-${from}`)
      .locator('.react-flow__handle.source')
      .boundingBox();
    const targetHandle = page.getByTestId(`node-${to}`).locator('.react-flow__handle.target');
    const b = await targetHandle.boundingBox();
    assert.ok(a && b, `handles of ${from} and ${to} are on screen`);
    const [ax, ay, bx, by] = [
      a.x + a.width / 2,
      a.y + a.height / 2,
      b.x + b.width / 2,
      b.y + b.height / 2,
    ];
    await page.mouse.move(ax, ay);
    await page.mouse.down();
    await page.mouse.move(bx, by, { steps: 12 });
    // The view may have moved under the drag (a late refit): aim again at where the handle is now.
    const b2 = await targetHandle.boundingBox();
    const [cx, cy] = b2 ? [b2.x + b2.width / 2, b2.y + b2.height / 2] : [bx, by];
    await page.mouse.move(cx, cy, { steps: 3 });
    missed.push(
      `(${Math.round(ax)},${Math.round(ay)}) ${await topmostAt(page, ax, ay)} → ` +
        `(${Math.round(cx)},${Math.round(cy)}) ${await topmostAt(page, cx, cy)}`,
    );
    await page.mouse.up();
    // The edge is drawn on the next render; if it is not, the drag missed and is tried again.
    await page
      .waitForFunction((n) => document.querySelectorAll('.react-flow__edge').length > n, before, {
        timeout: 2000,
      })
      .catch(() => undefined);
  }
  assert.equal(
    await edgeCount(page),
    before + 1,
    `${from} → ${to} connected (drags: ${missed.join('; ')})`,
  );
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
  // Wide enough that the four columns of nodes below clear the lesson rail on the right.
  await page.setViewportSize({ width: 1920, height: 1080 });
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
  // Tidy lays out (in a worker), then fits the view; it is enabled again once it has fitted.
  const tidy = page.getByRole('button', { name: 'Tidy layout' });
  await tidy.click();
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('button')].find((e) => e.textContent === 'Tidy layout');
    return b && !b.disabled;
  });
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
