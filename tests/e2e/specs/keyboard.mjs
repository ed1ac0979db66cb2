// The keyboard outside and inside the canvas. Outside it the browser's own keys win: lesson text
// is selected with Ctrl+A or the mouse and copied with Ctrl+C, and Delete there deletes no node.
// And a node is connected to another with the keyboard only: Tab to the node, Enter to select
// it, Tab to the inspector's "Connect to…", an arrow key to choose, Tab to Connect, Enter.
import assert from 'node:assert/strict';

const selectedNodes = (page) => page.locator('.react-flow__node.selected').count();

/** Presses Tab until `test` holds for the focused element (at most `max` times). */
async function tabUntil(page, what, test, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

export default async function keyboard({ page, context, baseUrl, screenshot }) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  const lesson = page.getByRole('region', { name: 'Lesson text' });
  const paragraph = lesson.locator('p').first();
  await paragraph.waitFor();
  await page.getByTestId('node-api').click();
  assert.equal(await selectedNodes(page), 1);

  // Select a paragraph of the lesson and copy it: the clipboard has the lesson's words.
  await paragraph.click({ clickCount: 3 });
  await page.keyboard.press('Control+c');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /A client sends 300 requests\/s to a load balancer/);
  await screenshot('1-lesson-selected');
  // Delete and Ctrl+A here belong to the text: no node goes, the canvas selection stays.
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+a');
  assert.equal(await page.locator('.react-flow__node').count(), 3, 'Delete in the lesson');
  assert.equal(await selectedNodes(page), 1, 'Ctrl+A in the lesson selected nodes');
  assert.match(await page.evaluate(() => getSelection()?.toString() ?? ''), /Try this/);

  // In the canvas the shortcuts are the editor's: a click on the pane, then Ctrl+A.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+a');
  assert.equal(await selectedNodes(page), 3, 'Ctrl+A in the canvas selects every node');
  await page.keyboard.press('Escape');

  // Connect Users to API with the keyboard only.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  const edgesBefore = await page.locator('.react-flow__edge').count();
  await tabUntil(page, 'the Users node', () =>
    document.activeElement?.matches('.react-flow__node[data-id="users"]'),
  );
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('heading', { name: 'Client' }).waitFor();
  await tabUntil(page, '"Connect to…"', () => document.activeElement?.tagName === 'SELECT');
  const list = inspector.getByRole('combobox', { name: 'Connect to…' });
  assert.ok(await list.evaluate((el) => el === document.activeElement));
  await page.keyboard.press('ArrowDown');
  assert.equal(await list.inputValue(), 'api');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await inspector.getByRole('status').filter({ hasText: 'Users now calls API.' }).waitFor();
  assert.equal(await page.locator('.react-flow__edge').count(), edgesBefore + 1);
  await screenshot('2-connected-1440');
  await page.setViewportSize({ width: 1024, height: 768 });
  await list.focus();
  await screenshot('3-connect-to-1024');
}
