// Smoothness of a generated 500-node design at Max speed, still and then panned and zoomed while it
// runs: reported, not gated (see smoothness.mjs for the goal and how the figures are read). The
// run fails only when the app does not do its part (the graph is not all drawn, the run stops).
import { gridDesign } from '../designs.mjs';
import { deadlineIn, designAtMax, perfSession } from '../frameGaps.mjs';

const SIZE = 500;
/** Every wait stops by then: the runner stops a spec at 120 s, one browser action may take seconds. */
const TIME_BUDGET_MS = 80_000;

export default async function ({ page, baseUrl, screenshot }) {
  const problems = [];
  const results = [];
  const deadline = deadlineIn(TIME_BUDGET_MS);
  const cdp = await perfSession(page);
  await designAtMax({
    page,
    cdp,
    baseUrl,
    doc: gridDesign(SIZE),
    size: SIZE,
    deadline,
    results,
    problems,
  });
  await screenshot('running');
  const rough = results.filter((r) => !r.smooth);
  console.log(
    rough.length === 0
      ? `     ${SIZE} nodes: smooth in every measure`
      : `     ${SIZE} nodes: over the limits (reported, not gated)`,
  );
  if (problems.length > 0) throw new Error(problems.join('; '));
}
