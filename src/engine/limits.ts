/**
 * The caps that stop a runaway run, in one place: the engine applies them, and the headless
 * runner, the browser's worker and the docs (docs/engine.md, README) quote these numbers.
 */

/**
 * Calls alive at once (requests and the downstream calls, queue messages and retries they hold)
 * before a run is stopped as runaway. A pooled call costs about 300 bytes with its share of the
 * event list, so this keeps a runaway run near 400 MB, in a browser tab as in the CLI.
 */
export const MAX_IN_FLIGHT = 1_000_000;

/** Events per run for `sim`: enough for a day at a few hundred rps. */
export const HEADLESS_EVENT_BUDGET = 50_000_000;

/**
 * Wall-clock seconds a `sim` run may take before it stops with what it has, so that a document
 * heavier per event than the budget assumes (1,000 replicas × 10,000 workers at 10^7 rps: some
 * 2 µs per event, 100 s and more for 50 million events) still ends within a minute. Only this
 * stop depends on the machine: where it cuts, the numbers differ from run to run, and the result
 * says so (`truncated.reason: 'timeLimit'`).
 */
export const HEADLESS_TIME_LIMIT_S = 50;

/** Events `sim` runs between two looks at the clock (a few tenths of a second at most). */
export const HEADLESS_CLOCK_CHECK_EVENTS = 100_000;

/** Events per run in the browser's worker: lower than the headless runner's, so a runaway
 * design stops sooner in a tab that the user is watching. */
export const BROWSER_EVENT_BUDGET = 30_000_000;
