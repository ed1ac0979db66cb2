// Panels that resize and collapse, remembered across a reload: the lesson and the inspector by
// their splitters (mouse drag, arrow keys, double-click to reset), the inspector and the charts
// hidden and shown, the minimap hidden on a narrow canvas until asked for; the canvas keeps the
// design in view as it changes size. Then the same with storage refused: everything still works.
import assert from 'node:assert/strict';

const width = (page, selector) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Math.round(el.getBoundingClientRect().width));
const height = (page, selector) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Math.round(el.getBoundingClientRect().height));

/** Every node inside the canvas, and clear of the minimap (once the view has fitted again). */
async function allInView(page) {
  await page.waitForFunction(
    () => {
      const pane = document.querySelector('.react-flow').getBoundingClientRect();
      const mini = document.querySelector('.react-flow__minimap')?.getBoundingClientRect();
      return [...document.querySelectorAll('.react-flow__node')].every((el) => {
        const r = el.getBoundingClientRect();
        const under =
          mini !== undefined &&
          r.x < mini.right &&
          mini.x < r.right &&
          r.y < mini.bottom &&
          mini.y < r.bottom;
        const inside =
          r.x >= pane.x && r.right <= pane.right && r.y >= pane.y && r.bottom <= pane.bottom;
        return inside && !under;
      });
    },
    undefined,
    { timeout: 5000 },
  );
  return true;
}

export default async function ({ page, baseUrl, screenshot }) {
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${baseUrl}/?preset=read-replicas`);
    await page.locator('.react-flow__node').first().waitFor();
    const lessonHandle = page.getByRole('separator', { name: 'Resize lesson panel' });
    await lessonHandle.waitFor();

    // The canvas is wide enough for the minimap (about 700 px): shown until the user hides it.
    await page.locator('.react-flow__minimap').waitFor();
    await page.getByRole('button', { name: 'Hide minimap' }).click();
    await page.locator('.react-flow__minimap').waitFor({ state: 'detached' });

    // Drag the lesson's splitter 80 px towards the canvas: the lesson is 80 px wider.
    await page.getByRole('button', { name: 'Hide lesson' }).waitFor();
    const lessonBefore = await width(page, 'aside.lesson');
    const box = await lessonHandle.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 80, box.y + 200, { steps: 8 });
    await page.mouse.up();
    assert.equal(await width(page, 'aside.lesson'), lessonBefore + 80);
    assert.ok(await allInView(page), 'the design stays in view as the canvas narrows');

    // The inspector's splitter from the keyboard: two steps of 16 px.
    const inspectorHandle = page.getByRole('separator', { name: 'Resize inspector panel' });
    const inspectorBefore = await width(page, '.side-slot');
    await inspectorHandle.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await width(page, '.side-slot'), inspectorBefore + 32);

    // Hide the charts: the canvas is taller.
    const canvasBefore = await height(page, '.react-flow');
    await page.getByRole('button', { name: 'Hide charts' }).click();
    assert.ok((await height(page, '.react-flow')) > canvasBefore + 150, 'charts hidden');
    assert.ok(await allInView(page));
    await screenshot('resized-1440');

    // A reload keeps all of it.
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    await lessonHandle.waitFor();
    assert.equal(await width(page, 'aside.lesson'), lessonBefore + 80);
    assert.equal(await width(page, '.side-slot'), inspectorBefore + 32);
    await page.getByRole('button', { name: 'Show charts' }).waitFor();
    await page.getByRole('button', { name: 'Show minimap' }).waitFor();
    assert.equal(await page.locator('.react-flow__minimap').count(), 0);

    // Double-click goes back to the usual size; Show charts brings them back.
    await lessonHandle.dblclick();
    assert.equal(await width(page, 'aside.lesson'), lessonBefore);
    await page.getByRole('button', { name: 'Show charts' }).click();
    await page.getByRole('group', { name: 'Live charts' }).waitFor();

    // Hide the inspector: a strip that opens it again.
    await page.getByRole('button', { name: 'Hide inspector' }).click();
    const strip = page.getByRole('complementary', { name: 'Inspector' });
    assert.ok((await width(page, '.panel-strip')) < 50);
    await screenshot('inspector-hidden-1440');
    await strip.getByRole('button', { name: 'Show inspector' }).click();
    await page.locator('.side-slot').waitFor();

    // 1024×768 from fresh: the minimap starts hidden on the narrow canvas, and shows when asked.
    await page.evaluate(() => localStorage.removeItem('archsim.panels'));
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${baseUrl}/?preset=read-replicas`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('button', { name: 'Show minimap' }).click();
    await page.locator('.react-flow__minimap').waitFor();
    assert.ok(await allInView(page), 'the design moves clear of the minimap');
    await screenshot('minimap-1024');
  } finally {
    // The browser's profile is shared by the specs that follow: leave the panels as they were.
    await page.evaluate(() => localStorage.removeItem('archsim.panels')).catch(() => {});
  }

  // Storage refused: the panels still hide, show and resize, without an error.
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto(`${baseUrl}/?preset=read-replicas`);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('button', { name: 'Hide charts' }).click();
  await page.getByRole('button', { name: 'Show charts' }).waitFor();
  await page.getByRole('separator', { name: 'Resize inspector panel' }).focus();
  const before = await width(page, '.side-slot');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await width(page, '.side-slot'), before + 16);
}
