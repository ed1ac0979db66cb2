// The canvas shows the flow (issue #12), on the retry-storm preset: the client chip says what it
// sends, edges wear their policy badges, traffic is drawn on the traffic layer and moves, the
// overloaded inventory is marked as the bottleneck, figures read in human units; with
// prefers-reduced-motion the traffic stands still. Screenshots at 1440×900 and 1024×768.
import assert from 'node:assert/strict';

/**
 * How many of `pairs` snapshots of the traffic layer, `gap` animation frames apart, differ. Live
 * figures change 2.5 times a second, so a still layer differs only when one lands in between.
 * Pairs are spaced by animation frames, not by a clock, so the sampling follows the page.
 */
async function movingPairs(page, pairs, gap = 2) {
  return page.locator('.traffic-layer canvas').evaluate(
    async (c, [n, gapFrames]) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      let moved = 0;
      for (let i = 0; i < n; i++) {
        const a = c.toDataURL();
        for (let f = 0; f < gapFrames; f++) await frame();
        if (c.toDataURL() !== a) moved += 1;
        for (let f = 0; f < 9; f++) await frame();
      }
      return moved;
    },
    [pairs, gap],
  );
}

/** Two animation frames: the layer has drawn at least once with what the page now says. */
function twoFrames(page) {
  return page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

export default async function ({ page, baseUrl, screenshot }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${baseUrl}/?preset=retry-storm`);
  await page.locator('.react-flow__node').first().waitFor();

  // Badges come from the document: the API → inventory call has a 300 ms timeout and 3 retries.
  await page.locator('.edge-label--timeout', { hasText: 'timeout 300 ms' }).waitFor();
  await page.locator('.edge-label--retry', { hasText: 'retry ×3' }).waitFor();

  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const users = page.locator('[data-live-node="users"]');
  await users.locator('[data-chip="rate"]', { hasText: /^sends \d/ }).waitFor({ timeout: 20_000 });
  const sends = await users.locator('[data-chip="rate"]').innerText();
  const rps = Number(/sends ([\d.]+) rps/.exec(sends)?.[1]);
  assert.ok(rps > 150 && rps < 250, `the client sends about 200 rps, its chip says "${sends}"`);

  // Traffic is drawn and moves while the run goes on.
  // The layer is drawn from a worker (its canvas handed over): read back what it shows.
  const drawn = await page.locator('.traffic-layer canvas').evaluate(async (c) => {
    const img = new Image();
    img.src = c.toDataURL();
    await img.decode();
    const copy = document.createElement('canvas');
    copy.width = img.width;
    copy.height = img.height;
    const ctx = copy.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return ctx
      .getImageData(0, 0, copy.width, copy.height)
      .data.some((v, i) => i % 4 === 3 && v > 0);
  });
  assert.ok(drawn, 'the traffic layer has something drawn');
  // The dots are drawn at most 30 times a second: four frames (66 ms at 60 Hz) span two draws.
  assert.ok((await movingPairs(page, 3, 4)) >= 2, 'the traffic moves while the run goes on');
  await screenshot('running-1440');

  // Reduced motion: the dots stand still between live updates (2.5 a second).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await twoFrames(page);
  // The traffic is painted in a worker, which hears of the change by a message: wait (a bounded
  // number of tries) until two samples in a row stand still, then count.
  for (let i = 0; i < 20 && (await movingPairs(page, 2)) > 0; i++);
  const moved = await movingPairs(page, 5);
  assert.ok(moved <= 2, `with reduced motion the traffic stands still (${moved} of 5 moved)`);
  assert.match(await page.getByRole('status', { name: 'Run summary' }).innerText(), /^Running/);
  await page.emulateMedia({ reducedMotion: 'no-preference' });

  // From t = 60 s the inventory is slowed and overloaded: it is marked, and its p99 reads in s.
  await page.getByLabel('Speed').selectOption('100');
  const inventory = page.locator('[data-live-node="inventory"]');
  await inventory.and(page.locator('.is-bottleneck')).waitFor({ timeout: 30_000 });
  await inventory.locator('.arch-node__bottleneck', { hasText: 'Bottleneck' }).waitFor();
  await inventory.locator('[data-chip="p99"]', { hasText: / s$/ }).waitFor({ timeout: 30_000 });
  const p99 = await inventory.locator('[data-chip="p99"]').innerText();
  assert.match(p99, /^p99 [\d.]+ (s|min)$/, `a long p99 reads in seconds: "${p99}"`);
  await screenshot('bottleneck-1440');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.waitForFunction(
    () => document.querySelector('.react-flow').getBoundingClientRect().right <= 1024,
  );
  await twoFrames(page);
  await screenshot('bottleneck-1024');
}
