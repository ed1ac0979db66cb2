// Fixes found walking through the playground as a learner, an architect and an instructor:
// the lesson starts collapsed on a laptop-width window; paste lands at the pointer; a long run's
// fault timeline reads in hours, not "16667s"; "Inject now" is off once a run has ended; opening
// a preset drops variant B of the design that was open.
import assert from 'node:assert/strict';
import { resetWork } from '../workspaceHelpers.mjs';

export default async function ({ page, baseUrl, screenshot }) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${baseUrl}/`);
  await resetWork(page);
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.getByTestId('node-api').waitFor();

  // The lesson is collapsed at 1280 px, and opens on request.
  const lesson = page.getByRole('complementary', { name: 'Lesson' });
  await lesson.getByRole('button', { name: 'Show lesson' }).click();
  await lesson.getByRole('heading', { name: 'Load balancing' }).waitFor();
  await lesson.getByRole('button', { name: 'Hide lesson' }).click();
  // Hiding the lesson widens the canvas and the view fits again, animated: wait until it is still,
  // or the copy lands where the pointer was in a view that has since moved.
  await page.waitForFunction(
    () =>
      new Promise((resolve) => {
        const el = document.querySelector('.react-flow__viewport');
        const read = () => (el ? getComputedStyle(el).transform : '');
        const first = read();
        setTimeout(() => resolve(read() === first), 400);
      }),
    null,
    { timeout: 10_000, polling: 100 },
  );

  // Paste at the pointer: the copy's top-left corner is where the pointer was.
  await page.getByTestId('node-api').click();
  await page.keyboard.press('Control+c');
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const at = { x: pane.x + 100, y: pane.y + 60 };
  await page.mouse.move(at.x, at.y);
  await page.keyboard.press('Control+v');
  const pasted = await page.locator('.react-flow__node.selected').boundingBox();
  assert.ok(Math.abs(pasted.x - at.x) < 12 && Math.abs(pasted.y - at.y) < 12, 'pasted at pointer');
  await screenshot('1-pasted-at-pointer');
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('.react-flow__node').count(), 3);

  // A day-long run: the timeline's ticks are in hours.
  const duration = page.getByRole('spinbutton', { name: 'Duration', exact: true });
  await duration.fill('100000');
  await duration.press('Tab');
  await page.locator('.fault-timeline__tick', { hasText: '6 h' }).waitFor();
  const ticks = await page.locator('.fault-timeline__tick').allInnerTexts();
  assert.deepEqual(ticks.slice(0, 3), ['0 h', '6 h', '12 h']);
  await duration.fill('120');
  await duration.press('Tab');
  await page.locator('.fault-timeline__tick', { hasText: '120s' }).waitFor();

  // Inject now is off once the run has ended, and says why.
  await page.getByLabel('Speed').selectOption({ label: 'Max' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('status', { name: 'Run summary' }).filter({ hasText: 'Finished' }).waitFor();
  await page.getByTestId('node-api').click();
  const inject = page.getByRole('button', { name: 'Inject now' });
  assert.equal(await inject.isDisabled(), true);
  assert.match(await page.locator('#fault-injector-note').innerText(), /Reset first/);
  await screenshot('2-inject-off-after-end');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Inject now');
    return b !== undefined && !b.disabled;
  });

  // Variant B goes with its design when a preset is opened.
  await page.getByRole('button', { name: 'Analyze', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'Analysis' });
  await drawer.getByRole('button', { name: 'Make variant B' }).click();
  await page.getByRole('banner').getByRole('group', { name: 'Editing variant' }).waitFor();
  await drawer.getByRole('button', { name: 'Close analysis' }).click();
  await page.getByRole('button', { name: 'Presets' }).click();
  const menu = page.getByRole('dialog', { name: 'Presets' });
  await menu.getByLabel('Search presets').fill('stampede');
  await menu.getByRole('button', { name: /Cache stampede/ }).click();
  await page.getByTestId('node-origin').waitFor();
  await page.getByText(/Variant B of the previous design was dropped/).waitFor();
  assert.equal(await page.getByRole('group', { name: 'Editing variant' }).count(), 0);
}
