// Smoothness, reported, not gated: while designs run at Max speed (the largest preset, then a
// generated design of 100 nodes, also panned and zoomed while it runs), how long the gaps between
// animation frames are and how busy the page's main thread is. The goal (issue #19) is p95 ≤
// 20 ms, no gap over 50 ms and the main thread busy under 30 %, on an otherwise idle machine. On
// a shared machine these figures measure the machine as much as the app, so each line carries the
// load average, and an idle page is measured in the same run as the baseline. The run fails only
// when the app does not do its part (a run stops, the graph is not all drawn). 200 and 500 nodes:
// smoothness-200.mjs, smoothness-500.mjs (each size its own spec, so each fits the runner's 120 s).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gridDesign } from '../designs.mjs';
import {
  deadlineIn,
  designAtMax,
  keepRunning,
  measure,
  openDesign,
  perfSession,
  startAtMax,
} from '../frameGaps.mjs';

const presetsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../presets');
/** Every wait stops by then: the runner stops a spec at 120 s, one browser action may take seconds. */
const TIME_BUDGET_MS = 80_000;

function largestPreset() {
  return readdirSync(presetsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({
      name: f.replace(/\.json$/, ''),
      doc: JSON.parse(readFileSync(join(presetsDir, f), 'utf8')),
    }))
    .sort(
      (a, b) => b.doc.nodes.length + b.doc.edges.length - (a.doc.nodes.length + a.doc.edges.length),
    )[0];
}

export default async function ({ page, baseUrl, screenshot }) {
  const problems = [];
  const results = [];
  const deadline = deadlineIn(TIME_BUDGET_MS);
  const cdp = await perfSession(page);

  // 1. The idle page (100 nodes drawn, nothing running): the machine's share of any gap.
  await openDesign(page, baseUrl, gridDesign(100));
  await page.waitForTimeout(500);
  results.push(
    await measure(page, cdp, 'baseline: 100 nodes, idle page', () => page.waitForTimeout(2000)),
  );

  // 2. The largest preset at Max.
  const preset = largestPreset();
  await openDesign(page, baseUrl, { ...preset.doc, durationS: 100_000 });
  await startAtMax(page);
  await page.waitForTimeout(1000);
  results.push(
    await measure(page, cdp, `preset "${preset.name}" at Max`, () =>
      keepRunning(page, 3000, deadline),
    ),
  );
  await screenshot('max-speed');

  // 3. 100 nodes at Max, still, then panned and zoomed while it runs.
  if (deadline.left() > 0) {
    const doc = gridDesign(100);
    await designAtMax({ page, cdp, baseUrl, doc, size: 100, deadline, results, problems });
    await screenshot('hundred-nodes');
  } else console.log('     100 nodes: not measured (the spec ran out of time)');
  const rough = results.filter((r) => !r.smooth && !r.what.startsWith('baseline'));
  console.log(
    rough.length === 0
      ? '     smooth in every measure'
      : `     over the limits: ${rough.map((r) => r.what).join('; ')} (reported, not gated)`,
  );
  if (problems.length > 0) throw new Error(problems.join('; '));
}
