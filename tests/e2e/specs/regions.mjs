// Regions on the canvas and in the inspector: the multi-region preset draws a labelled box per
// region around exactly its nodes; moving a node to another region in the inspector moves it
// into that region's box; the scenario's region editor shows the latency matrix. At 1440×900
// and 1024×768.
import assert from 'node:assert/strict';
import { openPreset, runToEnd } from '../runHelpers.mjs';

const PRESET = 'multi-region-active-active';

/** Is the node's rectangle inside the region's box (both on screen)? */
async function inside(page, nodeId, region) {
  const node = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
  const box = await page.locator(`.region-box[data-region="${region}"]`).boundingBox();
  assert.ok(node && box, `${nodeId} and the ${region} box are drawn`);
  return (
    node.x >= box.x &&
    node.y >= box.y &&
    node.x + node.width <= box.x + box.width &&
    node.y + node.height <= box.y + box.height
  );
}

async function check(page, baseUrl, screenshot, size) {
  await openPreset(page, baseUrl, PRESET);
  for (const region of ['us-east', 'eu-west']) {
    const box = page.locator(`.region-box[data-region="${region}"]`);
    await box.waitFor();
    assert.equal((await box.innerText()).trim(), region, 'the box is labelled with its region');
  }
  // Each box holds its own nodes and not the other region's.
  for (const [id, home, away] of [
    ['users-us', 'us-east', 'eu-west'],
    ['api-us', 'us-east', 'eu-west'],
    ['router-eu', 'eu-west', 'us-east'],
    ['api-eu', 'eu-west', 'us-east'],
  ]) {
    assert.ok(await inside(page, id, home), `${id} inside ${home}`);
    assert.ok(!(await inside(page, id, away)), `${id} not inside ${away}`);
  }
  await screenshot(`${size}-canvas`);

  // The inspector places a node: API eu-west moved to us-east joins that box.
  await page.locator('.react-flow__node[data-id="api-eu"]').click();
  const region = page.getByLabel('Region', { exact: true });
  assert.equal(await region.inputValue(), 'eu-west');
  assert.deepEqual(
    await page.getByLabel('Zone', { exact: true }).locator('option').allInnerTexts(),
    ['none', 'euw-a', 'euw-b'],
  );
  await region.selectOption('us-east');
  await page.waitForFunction(() => {
    const n = document
      .querySelector('.react-flow__node[data-id="api-eu"]')
      ?.getBoundingClientRect();
    const b = document.querySelector('.region-box[data-region="us-east"]')?.getBoundingClientRect();
    return n && b && n.top >= b.top && n.bottom <= b.bottom && n.left >= b.left;
  });
  assert.ok(await inside(page, 'api-eu', 'us-east'), 'moved into us-east');
  await screenshot(`${size}-moved`);
  await region.selectOption('eu-west');
  await page.waitForFunction(() => {
    const n = document
      .querySelector('.react-flow__node[data-id="api-eu"]')
      ?.getBoundingClientRect();
    const b = document.querySelector('.region-box[data-region="eu-west"]')?.getBoundingClientRect();
    return n && b && n.top >= b.top && n.bottom <= b.bottom;
  });

  // Nothing selected: the scenario's region editor with the one-way latency between the two.
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
  const latency = page.getByLabel('Latency us-east to eu-west (ms)');
  await latency.waitFor();
  assert.equal(await latency.inputValue(), '40');
  await latency.scrollIntoViewIfNeeded();
  assert.equal(
    await page.getByRole('button', { name: 'Take eu-west down' }).isVisible(),
    true,
    'a region fault is one click away',
  );
  await screenshot(`${size}-editor`);
}

/** Failover routing leaves eu-west's API idle: the run report prices it as standby. */
async function standby(page, screenshot) {
  await page.locator('.react-flow__node[data-id="router-eu"]').click();
  await page.getByLabel('Strategy').selectOption('failover');
  await runToEnd(page);
  await page.getByRole('button', { name: 'Report', exact: true }).click();
  const report = page.getByRole('dialog', { name: 'Run report' });
  const row = report.locator('tr').filter({ has: page.locator('th', { hasText: 'Standby' }) });
  await row.waitFor();
  await row.scrollIntoViewIfNeeded();
  const text = await row.innerText();
  assert.match(text, /API eu-west: served nothing this run/);
  assert.match(await report.getByTestId('cost-standby').innerText(), /^\$0\.30\/h/);
  for (const region of ['us-east', 'eu-west']) {
    assert.match(await report.locator(`tr[data-region="${region}"]`).innerText(), /\$[\d.]+\/h/);
  }
  await screenshot('1440-standby');
  await page.getByRole('button', { name: 'Close the run report' }).click();
}

export default async function ({ page, baseUrl, screenshot }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await check(page, baseUrl, screenshot, '1440');
  await standby(page, screenshot);
  await page.setViewportSize({ width: 1024, height: 768 });
  await check(page, baseUrl, screenshot, '1024');
}
