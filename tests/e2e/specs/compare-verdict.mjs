// Compare over several seeds in the browser: variant B drops an API replica; A and B run under
// the same 4 seeds and the verdict says, in words with a paired 95 % interval, what changed.
import assert from 'node:assert/strict';

export default async function ({ page, baseUrl, screenshot }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.locator('[data-testid="node-api"]').waitFor();
  await page.getByRole('button', { name: 'Analyze', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'Analysis' });
  const pane = drawer.getByRole('tabpanel', { name: 'Compare' });
  await drawer.getByRole('tab', { name: 'Compare' }).click();
  await pane.getByRole('button', { name: 'Make variant B' }).click();
  await page.getByRole('button', { name: 'B', exact: true }).first().click();
  await page.getByRole('button', { name: 'Close analysis' }).click();
  await page.locator('[data-testid="node-api"]').click();
  const replicas = page.getByLabel('Replicas', { exact: true });
  await replicas.fill('1');
  await replicas.press('Tab');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="node-api"]')?.textContent?.includes('1 ×'),
  );
  await page.getByRole('button', { name: 'Analyze', exact: true }).click();
  await pane.getByLabel('Seeds').fill('4');
  await pane.getByRole('button', { name: 'Run A and B' }).click();
  const paired = pane.getByRole('table', { name: 'Paired comparison over 4 seeds' });
  await paired.waitFor({ timeout: 90_000 });
  const verdict = await pane.getByRole('list', { name: 'Verdict' }).innerText();
  console.log(`     ${verdict.replace(/\n/g, ' | ')}`);
  // One replica of 4 workers at 300 rps (75 % busy) instead of three: slower, and cheaper.
  assert.match(verdict, /B's p99 is [\d.]+ ± [\d.]+ ms higher \(worse\)/);
  assert.match(verdict, /B's cost is 0\.2 \$\/h lower \(better\)/);
  assert.equal(
    await paired.getByRole('row', { name: /p99/ }).getAttribute('data-significant'),
    'true',
  );
  await paired.scrollIntoViewIfNeeded();
  await screenshot('1-verdict-1440');
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot('2-verdict-1024');
}
