// The charts panel is a grid that never scrolls sideways: at 1280×800 (lesson collapsed) and at
// 1600×900 (lesson open) latency, throughput and errors are all fully in view at once, also with
// a node selected (its own charts come after them); further charts are a vertical scroll away,
// and the fault timeline under the charts spans the same width as the charts panel.
const KEY_TITLES = ['End-to-end latency', 'Throughput', 'Errors by reason'];

async function layout(page) {
  return page.evaluate(() => {
    const panel = document.querySelector('.charts-panel');
    const track = document.querySelector('.fault-timeline');
    if (!panel || !track) return undefined;
    const box = panel.getBoundingClientRect();
    const tbox = track.getBoundingClientRect();
    return {
      scrollWidth: panel.scrollWidth,
      clientWidth: panel.clientWidth,
      panel: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
      timeline: { left: tbox.left, right: tbox.right },
      cards: [...panel.querySelectorAll('.chart-card')].map((c) => {
        const r = c.getBoundingClientRect();
        const title = c.querySelector('.chart-card__title')?.textContent ?? '';
        return { title, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    };
  });
}

function check(l, what) {
  if (!l) throw new Error(`${what}: no charts panel or fault timeline`);
  const problems = [];
  if (l.scrollWidth > l.clientWidth + 1)
    problems.push(`panel scrolls sideways (${l.scrollWidth} > ${l.clientWidth} px)`);
  for (const title of KEY_TITLES) {
    const c = l.cards.find((card) => card.title === title);
    if (!c) problems.push(`no "${title}" card`);
    else if (
      c.left < l.panel.left - 1 ||
      c.right > l.panel.right + 1 ||
      c.top < l.panel.top - 1 ||
      c.bottom > l.panel.bottom + 1
    )
      problems.push(`"${title}" is not fully in view`);
  }
  if (
    Math.abs(l.timeline.left - l.panel.left) > 1 ||
    Math.abs(l.timeline.right - l.panel.right) > 1
  )
    problems.push('the fault timeline does not span the charts panel');
  if (problems.length > 0) throw new Error(`${what}: ${problems.join('; ')}`);
}

export default async function ({ page, baseUrl, screenshot }) {
  for (const [width, height] of [
    [1280, 800],
    [1600, 900],
  ]) {
    await page.setViewportSize({ width, height });
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/?preset=load-balancing`);
    await page.getByRole('status', { name: 'Run summary' }).waitFor();
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByText('Utilization', { exact: true }).waitFor({ timeout: 20_000 });
    check(await layout(page), `${width}×${height}`);
    await screenshot(`${width}`);

    await page.locator('.react-flow__node', { hasText: 'API' }).click();
    await page.getByText('API: latency at this node').waitFor();
    const selected = await layout(page);
    check(selected, `${width}×${height}, API selected`);
    if (selected.cards.length <= 3) throw new Error('expected more than three charts');
    // The cards past the first row are reached by scrolling the panel down.
    const last = page.locator('.chart-card').last();
    await last.scrollIntoViewIfNeeded();
    const after = await layout(page);
    const lastBox = after.cards.at(-1);
    if (lastBox.top < after.panel.top - 1 || lastBox.bottom > after.panel.bottom + 1)
      throw new Error(`${width}×${height}: the last chart cannot be scrolled into view`);
    await screenshot(`${width}-scrolled`);
  }
}
