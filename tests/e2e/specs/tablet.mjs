// A tablet, by touch alone (Chromium's touch emulation, touches sent through CDP), at 1024×768
// landscape and 768×1024 portrait: a finger drag on the canvas pans it, two fingers moving
// apart zoom in, a tap selects a node (the inspector shows it), a tap on one node's output handle
// then a tap on another's input connects them, and the inspector's "Connect to…" works by taps.
import assert from 'node:assert/strict';

const SIZES = [
  [1024, 768],
  [768, 1024],
];

/** The canvas's viewport transform: translate (x, y) and scale. */
async function viewport(page) {
  return page.locator('.react-flow__viewport').evaluate((el) => {
    const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  });
}

/**
 * The view once it stops moving: parts that arrive after the first paint (splitters, the
 * timeline's tracks) change the canvas's size and the view fits again, and Fit View animates.
 * A gesture aimed before that lands somewhere else.
 */
async function settledViewport(page) {
  let last = await viewport(page);
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(200);
    const now = await viewport(page);
    if (now.x === last.x && now.y === last.y && now.zoom === last.zoom) return now;
    last = now;
  }
  throw new Error('the canvas view kept moving for 8 s');
}

const centre = async (locator) => {
  const b = await locator.boundingBox();
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};

export default async function ({ page, context, baseUrl, screenshot }) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  const touch = (type, points) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id, radiusX: 4, radiusY: 4 })),
    });
  const tap = async (at) => {
    await touch('touchStart', [at]);
    await touch('touchEnd', []);
  };
  /** Fingers from `from` to `to` (one point each) in `steps` moves. */
  const swipe = async (from, to, steps = 8) => {
    await touch('touchStart', from);
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      await touch(
        'touchMove',
        from.map((f, k) => ({ x: f.x + (to[k].x - f.x) * t, y: f.y + (to[k].y - f.y) * t })),
      );
    }
    await touch('touchEnd', []);
  };

  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.goto(`${baseUrl}/?preset=load-balancing`);
    const api = page.getByTestId('node-api');
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('button', { name: 'Tidy layout' }).waitFor();
    await page
      .getByRole('separator', { name: /Resize .* panel/ })
      .first()
      .waitFor();
    await settledViewport(page);
    const pane = await page.locator('.react-flow__pane').boundingBox();
    // A spot of empty canvas: just below the top edge, left of Tidy layout.
    const empty = { x: pane.x + 70, y: pane.y + 20 };

    // Pan: one finger drags the canvas.
    const before = await viewport(page);
    await swipe([empty], [{ x: empty.x + 60, y: empty.y + 40 }]);
    // The view follows the finger (d3-zoom's touch pan), give or take a pixel of rounding.
    const panned = await viewport(page);
    const moved = { x: panned.x - before.x, y: panned.y - before.y };
    assert.ok(
      Math.abs(moved.x - 60) < 3 && Math.abs(moved.y - 40) < 3,
      `a 60, 40 px swipe panned ${moved.x}, ${moved.y}`,
    );

    // Pinch: two fingers moving apart zoom in.
    const mid = { x: pane.x + pane.width / 2, y: pane.y + 30 };
    const zoomBefore = (await viewport(page)).zoom;
    await swipe(
      [
        { x: mid.x - 30, y: mid.y },
        { x: mid.x + 30, y: mid.y },
      ],
      [
        { x: mid.x - 90, y: mid.y },
        { x: mid.x + 90, y: mid.y },
      ],
    );
    const zoomAfter = (await viewport(page)).zoom;
    assert.ok(zoomAfter > zoomBefore * 1.5, `pinch zoomed ${zoomBefore} → ${zoomAfter}`);
    console.log(
      `     ${width}×${height}: pan (60, 40), pinch ${zoomBefore.toFixed(2)} → ${zoomAfter.toFixed(2)}`,
    );

    // Back to the whole design (the fit view button, tapped), then tap a node to select it.
    await tap(await centre(page.getByRole('button', { name: 'Fit View' })));
    await settledViewport(page);
    await tap(await centre(api));
    await page.locator('.react-flow__node.selected [data-testid="node-api"]').waitFor();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('textbox', { name: 'Name' }).waitFor();
    assert.equal(await inspector.getByRole('textbox', { name: 'Name' }).inputValue(), 'API');

    // Connect by taps: a database added from the palette (nothing selected: unconnected), laid
    // out by Tidy layout (tapped), then the API's output handle and the database's input handle
    // tapped in turn (landscape); in portrait, where the design is small, the inspector's
    // "Connect to…" (the choice in its list, then Connect, tapped).
    await tap(empty);
    await page.locator('.react-flow__node.selected').waitFor({ state: 'detached' });
    await tap(await centre(page.getByRole('button', { name: 'Database', exact: true })));
    const db = page.locator('.react-flow__node').filter({ hasText: 'Database' }).last();
    await db.waitFor();
    await tap(await centre(page.getByRole('button', { name: 'Tidy layout' })));
    await page.getByRole('button', { name: 'Tidy layout' }).and(page.locator(':enabled')).waitFor();
    const edges = await page.locator('.react-flow__edge').count();
    if (width > height) {
      await tap(await centre(page.locator('[data-id="api"] .react-flow__handle.source').first()));
      await tap(await centre(db.locator('.react-flow__handle.target').first()));
    } else {
      await tap(await centre(api));
      await inspector.getByLabel('Connect to…').selectOption('database');
      await tap(
        await centre(inspector.getByRole('button', { name: 'Connect API to the chosen node' })),
      );
    }
    await page.waitForFunction(
      (n) => document.querySelectorAll('.react-flow__edge').length === n + 1,
      edges,
      { timeout: 5000 },
    );
    await screenshot(`connected-${width}x${height}`);
  }
}
