// The editor, end to end: drag a database from the palette onto the canvas, connect the API to
// it by dragging between handles, see a refused connection explained, edit a param in the
// inspector, undo it, reload and find the work restored.
import assert from 'node:assert/strict';
import { resetWork } from '../workspaceHelpers.mjs';

async function dragBetween(page, from, to) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  assert.ok(a && b, 'both handles are on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

export default async function editor({ page, baseUrl, screenshot }) {
  // Start from a clean browser: earlier specs may have saved a document.
  await page.goto(`${baseUrl}/`);
  await resetWork(page);
  await page.reload();
  const api = page.getByTestId('node-api');
  await api.waitFor();
  await screenshot('1-start');

  // Drag a database from the palette onto the canvas, right of the API.
  const pane = page.locator('.react-flow__pane');
  const apiBox = await api.boundingBox();
  const paneBox = await pane.boundingBox();
  await page.getByRole('button', { name: 'Database', exact: true }).dragTo(pane, {
    targetPosition: { x: apiBox.x - paneBox.x - 150, y: apiBox.y - paneBox.y + 140 },
  });
  const db = page.getByTestId('node-database');
  await db.waitFor();
  assert.match(await db.textContent(), /Database/);
  // A database nothing calls is flagged.
  await db.getByRole('img', { name: /Nothing sends traffic/ }).waitFor();
  await screenshot('2-dropped');

  // Connect API → database by dragging from the API's right handle to the database's left one.
  await dragBetween(
    page,
    api.locator('.react-flow__handle.source'),
    db.locator('.react-flow__handle.target'),
  );
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__edge').length === 3);
  assert.equal(await db.getByRole('img').count(), 0, 'the database is no longer flagged');

  // The other way round is refused, and the reason is shown.
  await dragBetween(
    page,
    db.locator('.react-flow__handle.source'),
    api.locator('.react-flow__handle.target'),
  );
  const alert = page.getByRole('alert').filter({ hasText: 'Cannot connect' });
  await alert.waitFor();
  await screenshot('3-connected-and-refused');
  await alert.getByRole('button', { name: 'Dismiss message' }).click();

  // Edit a param in the inspector: the node's summary follows.
  await db.click();
  const connections = page.getByLabel('Connections', { exact: true });
  await connections.fill('64');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="node-database"]')?.textContent?.includes('64 conns'),
  );
  // An invalid value is refused with a message and not applied.
  await connections.fill('0');
  await page.getByRole('alert').filter({ hasText: 'must be' }).waitFor();
  assert.match(await db.textContent(), /64 conns/);
  await screenshot('4-inspector');
  await connections.fill('64');

  // Undo (from the canvas, not inside a field) takes the edit back.
  await pane.click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+z');
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="node-database"]')?.textContent?.includes('64 conns'),
  );
  assert.equal(await page.locator('.react-flow__edge').count(), 3, 'undo took back only the edit');
  await screenshot('5-undone');

  // Reload: the work is restored from this browser.
  await page.reload();
  await page.getByTestId('node-database').waitFor();
  assert.equal(await page.locator('.react-flow__edge').count(), 3);
  await screenshot('6-restored');
}
