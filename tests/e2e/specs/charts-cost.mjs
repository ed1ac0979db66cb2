// Chart drawing at scale: a 100-node design (and a 200-node one) running at Max speed, with the
// charts panel drawing. Reports the main thread's busy share, the chart code's own time and the
// frame gaps (chartsCost.mjs); asserts only what the app must do: the utilization chart draws
// the busiest few nodes and one "others" line, never a line per node.
import { describeCost, measureMainThread } from '../chartsCost.mjs';
import { bigDesign, shareLink } from '../designs.mjs';

const CHART_FILES = ['LiveCharts-', 'LineChart-', 'plot'];

async function utilizationLegend(page) {
  return page.$$eval('figure.chart-card', (cards) => {
    const card = cards.find((c) =>
      c.querySelector('.chart-card__title')?.textContent?.startsWith('Utilization'),
    );
    return card ? [...card.querySelectorAll('li')].map((li) => li.textContent ?? '') : [];
  });
}

export default async function ({ page, baseUrl, screenshot }) {
  for (const [services, size] of [
    [98, [1440, 900]],
    [198, [1024, 768]],
  ]) {
    const [width, height] = size;
    await page.setViewportSize({ width, height });
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/${shareLink(bigDesign(services))}`);
    await page.getByRole('status', { name: 'Run summary' }).waitFor();
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('.chart-card path[data-series]').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2000);
    const cost = await measureMainThread(page, 8, CHART_FILES);
    console.log(describeCost(`${services + 2} nodes at Max, ${width}×${height}`, cost));
    const legend = await utilizationLegend(page);
    console.log(`     utilization legend: ${legend.join(' | ')}`);
    if (legend.length > 6 || !legend.some((l) => l.includes('others')))
      throw new Error(`utilization chart should draw 5 nodes and "others", has: ${legend}`);
    await screenshot(`${services + 2}-nodes-${width}`);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
  }
}
