// Request-reply over a queue pair, on the request-reply preset: the queue's inspector has the
// Request-reply switch with its timeout and reply hop; once run, the queue's replies chart draws
// replies, reply timeouts and late replies, and the run report gives the parts of a reply's time
// (ack, wait, consumer, reply) adding up to it; at 1440×900 and 1024×768.
import assert from 'node:assert/strict';
import { openPreset, runToEnd } from '../runHelpers.mjs';

const queueNode = (page) => page.locator('.react-flow__node').filter({ hasText: 'Price requests' });

export default async function ({ page, baseUrl, screenshot }) {
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });
    await openPreset(page, baseUrl, 'request-reply');
    // The canvas line says the queue waits for replies.
    assert.match(await queueNode(page).first().innerText(), /request-reply ≤ 500 ms/);
    await queueNode(page).first().click();
    const group = page.getByRole('group', { name: 'Request-reply' });
    await group.waitFor();
    assert.equal(await group.getByLabel('Reply timeout').inputValue(), '500');
    assert.equal(await group.getByLabel('Reply hop').inputValue(), '3');
    await group.scrollIntoViewIfNeeded();
    await screenshot(`${width}-inspector`);

    await runToEnd(page, 110_000);
    const card = page.locator('.chart-card').filter({ hasText: 'Price requests: replies' }).first();
    await card.locator('path[data-series]').first().waitFor({ state: 'attached' });
    const legend = await card.locator('.chart-card__legend').innerText();
    for (const line of ['Replies', 'Reply timeouts', 'Late replies'])
      assert.match(legend, new RegExp(line));
    await card.scrollIntoViewIfNeeded();
    await screenshot(`${width}-chart`);

    await page.getByRole('button', { name: 'Report', exact: true }).click();
    const report = page.getByRole('dialog', { name: 'Run report' });
    const value = async (label) => {
      const line = report
        .locator('table[data-section="queue"] tbody tr')
        .filter({ has: page.locator('th', { hasText: label }) })
        .first();
      await line.waitFor();
      return Number((await line.locator('td').first().innerText()).replace(/[^\d.]/g, ''));
    };
    const parts = await Promise.all(
      ['Part: ack', 'Part: queue wait', 'Part: consumer', 'Part: reply'].map(value),
    );
    const total = await value('Request-reply time');
    console.log(`     ${width}: parts ${parts.join(' + ')} ms, request-reply ${total} ms`);
    const sum = parts.reduce((a, b) => a + b, 0);
    // The report rounds each to what it shows (78.4 ms as "78.4 ms"): within 1 ms.
    assert.ok(Math.abs(sum - total) < 1, `${sum} is not ${total}`);
    assert.equal(await value('Reply timeouts'), await value('Late replies'));
    await report
      .locator('tbody tr')
      .filter({ has: page.locator('th', { hasText: 'Part: ack' }) })
      .first()
      .scrollIntoViewIfNeeded();
    await screenshot(`${width}-report`);
    await page.keyboard.press('Escape');
  }
}
