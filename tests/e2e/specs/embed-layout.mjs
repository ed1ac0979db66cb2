// The embed in an iframe-sized window (900×560), running on its own: the page never scrolls,
// latency, throughput and errors are all in view, no minimap covers the design, and once the
// nodes grow their live figures every node is still wholly inside the canvas (the embed fits
// its view again).
export default async function ({ page, baseUrl, screenshot }) {
  await page.setViewportSize({ width: 900, height: 560 });
  await page.goto(`${baseUrl}/?preset=cqrs&embed=1&autorun=1`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  await page.locator('.arch-node__live').first().waitFor({ timeout: 20_000 });
  // The embed fits its view again once the nodes have grown their figures: wait for every node
  // to be inside the canvas (if one never is, the check below names it).
  await page
    .waitForFunction(
      () => {
        const c = document.querySelector('.canvas')?.getBoundingClientRect();
        const nodes = [...document.querySelectorAll('.react-flow__node')];
        return (
          c !== undefined &&
          nodes.length > 0 &&
          nodes.every((n) => {
            const r = n.getBoundingClientRect();
            return r.left >= c.left && r.right <= c.right && r.top >= c.top && r.bottom <= c.bottom;
          })
        );
      },
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  const l = await page.evaluate(() => {
    const rect = (el) => el.getBoundingClientRect();
    const canvas = rect(document.querySelector('.canvas'));
    const panel = rect(document.querySelector('.charts-panel'));
    return {
      scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
      minimaps: document.querySelectorAll('.react-flow__minimap').length,
      outside: [...document.querySelectorAll('.react-flow__node')]
        .filter((n) => {
          const r = rect(n);
          return (
            r.left < canvas.left ||
            r.right > canvas.right ||
            r.top < canvas.top ||
            r.bottom > canvas.bottom
          );
        })
        .map((n) => n.dataset.id),
      hiddenCharts: [...document.querySelectorAll('.chart-card')].slice(0, 3).filter((c) => {
        const r = rect(c);
        return r.right > panel.right + 1 || r.bottom > panel.bottom + 1;
      }).length,
    };
  });
  await screenshot('900x560');
  const problems = [];
  if (l.scroll[0] > 900 || l.scroll[1] > 560)
    problems.push(`the page scrolls: ${l.scroll.join('×')}`);
  if (l.minimaps > 0) problems.push('a minimap is drawn in the embed');
  if (l.outside.length > 0) problems.push(`nodes outside the canvas: ${l.outside.join(', ')}`);
  if (l.hiddenCharts > 0) problems.push(`${l.hiddenCharts} of the first three charts not in view`);
  if (problems.length > 0) throw new Error(problems.join('; '));
}
