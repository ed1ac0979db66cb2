// Alert → automatic remediation on the page: the capacity-planning design (2 replicas) whose
// threshold alert on p99 scales the API to 4 replicas, opened from a share link and run to the
// end. Every alert (its trend alert too) is listed as the headless run lists it. The response is on the timeline (the alert's span carries it, marked ◆) and in
// the alert list, at the same time as the headless run of the same document; the cost
// objective is graded on the replica-seconds run (more than 2 replicas' worth, less than 4).
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { headless, presetDoc, scorecardChip } from '../objectivesHelpers.mjs';

function design() {
  const doc = presetDoc('capacity-planning');
  doc.name = 'Capacity planning, scaled by its alert';
  // The preset's own alerts (a p99 threshold and a trend), the threshold now scaling the API.
  const slow = doc.alerts.find((a) => a.id === 'slow');
  slow.then = { target: 'api', set: { replicas: 4 } };
  assert.ok(doc.alerts.some((a) => a.kind === 'predictive'));
  return doc;
}

export default async function ({ page, baseUrl, screenshot }) {
  const doc = design();
  const expected = headless(doc);
  const fire = expected.alerts.find((a) => a.alert === 'slow' && a.event === 'fire');
  assert.deepEqual(fire.action, { target: 'api', set: { replicas: 4 } });
  const cost = expected.objectives.find((g) => g.metric === 'costPerHour');
  // LB $0.025 + replicas × $0.10: between 2 and 4 replicas' worth.
  assert.ok(cost.value > 0.225 && cost.value < 0.425, `cost ${cost.value}`);

  await page.setViewportSize({ width: 1440, height: 900 });
  const link = Buffer.from(deflateRawSync(Buffer.from(JSON.stringify(doc)))).toString('base64url');
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/#s=${link}`);
  await page.locator('[data-testid="node-api"]').waitFor();
  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const summary = page.getByRole('status', { name: 'Run summary' });
  await summary.filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });

  // On the timeline: the alert's span from its fire time, carrying the response.
  const track = page.getByRole('list', { name: 'Alerts on the timeline' });
  const span = track.getByRole('listitem').filter({ hasText: '◆' });
  const label = await span.getAttribute('aria-label');
  assert.ok(label.startsWith(`alert slow fired at ${fire.tS} s (page)`), label);
  assert.ok(label.includes('then set {"replicas":4} on api'), label);

  // In the list: every alert the headless run has (the trend one too), at its time, with its
  // reason; the response on the threshold's fire.
  await scorecardChip(page).click();
  const panel = page.getByRole('dialog', { name: 'Objectives scorecard' });
  const items = await panel
    .getByRole('list', { name: 'Alerts' })
    .getByRole('listitem')
    .allInnerTexts();
  assert.equal(items.length, expected.alerts.length, items.join(' | '));
  expected.alerts.forEach((a, i) =>
    assert.ok(items[i].includes(a.reason), `${items[i]} ≠ ${a.reason}`),
  );
  const text = items[expected.alerts.indexOf(fire)];
  assert.ok(text.includes('→ set {"replicas":4} on api'), text);
  console.log(`     ${expected.alerts.map((a) => `${a.tS} s ${a.alert} ${a.event}`).join(', ')}`);
  const costRow = await panel
    .getByRole('list', { name: 'Objectives' })
    .getByRole('listitem')
    .filter({ hasText: 'Cost per hour' })
    .innerText();
  assert.ok(costRow.includes(`$${cost.value.toFixed(3)}/h`), `${costRow} is not ${cost.value}`);
  console.log(`     fired at ${fire.tS} s; ${costRow.replace(/\n/g, ' ')}`);
  await screenshot('1440-response');
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot('1024-response');
}
