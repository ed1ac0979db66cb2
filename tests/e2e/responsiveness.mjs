// Whether the tab stays responsive while a huge design runs at Max (issue #11): the gaps between
// animation frames while it runs, and how long a click on Pause takes to be answered and to take
// effect (the summary says Paused). Shared by the responsive-*.mjs specs (kept out of specs/,
// where every file is run as a spec). Reported with the load average; the spec fails only when
// the app does not do its part (the design does not open, Pause does not pause).
import {
  INPUT_LIMIT_MS,
  clickLatency,
  deadlineIn,
  keepRunning,
  load,
  measure,
  openDesign,
  perfSession,
  startAtMax,
} from './frameGaps.mjs';
import { summaryText } from './runHelpers.mjs';

/** Every wait stops by then: the runner stops a spec at 120 s, one browser action may take seconds. */
const TIME_BUDGET_MS = 80_000;

export async function responsiveAtMax({ page, baseUrl, screenshot }, what, doc) {
  const deadline = deadlineIn(TIME_BUDGET_MS);
  const cdp = await perfSession(page);
  const opened = Date.now();
  await openDesign(page, baseUrl, doc);
  console.log(
    `     ${what}: opened in ${((Date.now() - opened) / 1000).toFixed(1)} s at load ${load()}`,
  );
  await startAtMax(page);
  const frames = await measure(page, cdp, `${what} at Max`, () =>
    keepRunning(page, 3000, deadline),
  );
  await screenshot('running');
  const status = await summaryText(page);
  if (!status.startsWith('Running')) {
    // A run the engine stopped (its in-flight cap, say) has nothing to pause: say what it said.
    const notice = await page.getByRole('alert').allInnerTexts();
    console.log(`     ${what}: the run ended by itself: "${status}" ${notice.join(' ')}`);
    return frames;
  }
  // The run has stopped advancing: paused, or (a fan-out that reaches its in-flight cap within a
  // fraction of a simulated second) ended by itself between the look above and the click.
  // It may also end just before the click, leaving Pause disabled: then there is nothing to time.
  const click = await clickLatency(
    page,
    'Pause',
    () =>
      !/^Running/.test(
        document.querySelector('[role="status"][aria-label="Run summary"]')?.textContent ?? '',
      ),
    5_000,
  ).catch(async (error) => {
    const ended = await summaryText(page);
    if (ended.startsWith('Running')) throw error;
    console.log(`     ${what}: the run ended by itself before the click: "${ended}"`);
    return undefined;
  });
  if (click === undefined) return frames;
  const after = await summaryText(page);
  const ok = click.inputDelayMs <= INPUT_LIMIT_MS;
  const effect = after.startsWith('Paused')
    ? `the run paused ${click.toEffectMs.toFixed(0)} ms after the click`
    : `the run had ended by itself ("${after}")`;
  console.log(
    `     ${what}: Pause answered after ${click.inputDelayMs.toFixed(0)} ms, ${effect}, ` +
      `at load ${load()}${ok ? '' : '  [over 100 ms]'}`,
  );
  return { frames, click };
}
