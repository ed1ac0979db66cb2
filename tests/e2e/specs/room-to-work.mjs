// Room to work, at 1440×900 and 1024×768: Tidy layout lays the read-replicas design out in tiers
// and fits it in the view; clicking a palette kind with a node selected adds the new node beside
// it, connected, and with nothing selected adds it where it covers no other node; a refused
// connection's message goes away by itself.
import assert from 'node:assert/strict';

const SIZES = [
  [1440, 900],
  [1024, 768],
];

async function boxes(page) {
  return page.$$eval('.react-flow__node', (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.dataset.id, x: r.x, y: r.y, right: r.right, bottom: r.bottom };
    }),
  );
}

async function paneBox(page) {
  return page.locator('.react-flow').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
  });
}

async function dragBetween(page, from, to) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
}

export default async function ({ page, baseUrl, screenshot }) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.goto(`${baseUrl}/?preset=read-replicas`);
    await page.locator('.react-flow__node').first().waitFor();

    // Tidy layout: tiers (fewer columns than nodes), every node inside the canvas.
    await page.getByRole('button', { name: 'Tidy layout' }).click();
    await page.getByRole('button', { name: 'Tidy layout' }).and(page.locator(':enabled')).waitFor();
    await page.waitForTimeout(500); // the fit's 300 ms animation
    const placed = await boxes(page);
    const pane = await paneBox(page);
    const columns = new Set(placed.map((b) => Math.round(b.x)));
    assert.ok(columns.size < placed.length, `tiers: ${columns.size} columns for ${placed.length}`);
    for (const b of placed) {
      assert.ok(
        b.x >= pane.x && b.right <= pane.right && b.y >= pane.y && b.bottom <= pane.bottom,
        `${b.id} is outside the canvas after Tidy layout at ${width}×${height}`,
      );
    }
    await screenshot(`tidy-${width}x${height}`);

    // Click-to-add beside the selected node: a cache right of the API, called by it.
    const edgesBefore = await page.locator('.react-flow__edge').count();
    const api = page.getByTestId('node-api');
    await api.click();
    const apiBox = await api.boundingBox();
    await page.getByRole('button', { name: 'Cache', exact: true }).click();
    const added = page.locator('.react-flow__node.selected');
    await added.waitFor();
    const addedBox = await added.boundingBox();
    assert.ok(addedBox.x > apiBox.x + apiBox.width, 'the new node is right of the selected one');
    await page.waitForFunction(
      (n) => document.querySelectorAll('.react-flow__edge').length === n + 1,
      edgesBefore,
    );
    await screenshot(`added-beside-${width}x${height}`);

    // With nothing selected, clicks add at the canvas's centre, each below any node already
    // there: no two nodes overlap, however many clicks.
    const before = await page.locator('.react-flow__node').count();
    for (let i = 0; i < 3; i++) {
      // A new node is selected once added: clear the selection before each click.
      await page.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
      await page.locator('.react-flow__node.selected').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Service', exact: true }).click();
    }
    await page.waitForFunction(
      (n) => document.querySelectorAll('.react-flow__node').length === n + 3,
      before,
    );
    const all = await boxes(page);
    for (const [i, a] of all.entries())
      for (const b of all.slice(i + 1))
        assert.ok(
          a.right <= b.x || b.right <= a.x || a.bottom <= b.y || b.bottom <= a.y,
          `${a.id} and ${b.id} overlap after click-to-add with nothing selected at ${width}×${height}`,
        );
    await screenshot(`added-at-centre-${width}x${height}`);
  }

  // A refused connection says why, then the message goes by itself (after 12 s).
  // A database calls nothing: replica 1 → the API is refused.
  const source = page.locator('[data-id="replica1"] .react-flow__handle.source').first();
  const target = page.locator('[data-id="api"] .react-flow__handle.target').first();
  await dragBetween(page, source, target);
  const alert = page.getByRole('alert').filter({ hasText: /Cannot connect/ });
  await alert.waitFor();
  await screenshot('refused-1024x768');
  await alert.waitFor({ state: 'detached', timeout: 20_000 });
}
