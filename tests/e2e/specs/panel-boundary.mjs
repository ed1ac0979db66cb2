// One failing panel never blanks the page. The charts' code chunk is replaced by one that throws
// when it loads (what a half-finished deploy serves): the charts panel says it could not be
// shown and why, with Try again, while the canvas, the inspector, the lesson and Run all work;
// the next start does not reopen that document without asking.
import assert from 'node:assert/strict';

const summaryText = (page) => page.getByRole('status', { name: 'Run summary' }).innerText();

export default async function panelBoundary({ page, baseUrl, screenshot }) {
  await page.route(/\/assets\/LiveCharts-[^/]*\.js$/, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: 'throw new Error("this chart code is broken");',
    }),
  );
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  const failed = page.getByRole('alert', { name: 'charts failed' });
  await failed.waitFor();
  assert.match(await failed.innerText(), /The charts could not be shown\./);
  assert.match(await failed.innerText(), /this chart code is broken/);

  // The rest works: select a node and edit it, read the lesson, run.
  await page.getByTestId('node-api').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('heading', { name: 'Service' }).waitFor();
  await page.getByRole('complementary', { name: 'Lesson' }).getByRole('heading').first().waitFor();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction(() => {
    const text = document.querySelector('[aria-label="Run summary"]')?.textContent ?? '';
    return /throughput [\d.]+k? rps/.test(text) && !/t = 0\.0 s/.test(text);
  });
  console.log(`  while the charts are down: ${await summaryText(page)}`);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await screenshot('1-charts-down-1440');

  // Try again mounts it afresh; the chunk is still broken, so the note comes back, not a blank.
  await failed.getByRole('button', { name: 'Try again' }).click();
  await failed.waitFor();
  await page.getByTestId('node-api').waitFor();

  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot('2-charts-down-1024');

  // The next start does not reopen the document that could not be shown: it says so and keeps
  // it in Recent work.
  await page.unrouteAll();
  await page.goto(`${baseUrl}/`);
  await page.getByText(/could not be shown last time, so it was not reopened/).waitFor();
  await page.getByRole('region', { name: 'Architecture canvas' }).waitFor();
  assert.equal(await page.getByRole('alert', { name: 'charts failed' }).count(), 0);
  await screenshot('3-next-start');
}
