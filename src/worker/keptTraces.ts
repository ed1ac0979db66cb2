/**
 * Which of a run's traces are kept, on both sides of the worker door: the worker keeps them all
 * (and sends them only while the page shows them: traceKeeper.ts), the page mirrors what it is
 * sent. The same rule on the same traces in the same order, so the two lists are the same.
 *
 * Bounded: `maxKept` traces, the oldest failed ones going first, then the oldest
 * slowest-of-a-window, so that an outage's flood of failures pushes out neither the head-sampled
 * history (the breakdown's unbiased sample) nor the slow requests a click on a latency line
 * looks for.
 */
import type { Trace } from '../engine/tracing/types.ts';
import { TRACING_DEFAULTS } from '../model/tracing.ts';

export const MAX_KEPT: number = TRACING_DEFAULTS.maxTraces;

/** Which go first when the list is full: the flood of an outage, then the slowest, then the
 *  sample (a few a second at most each: the history of the whole run). */
const DROP_ORDER: readonly Trace['why'][] = ['failed', 'slow', 'head'];

/** `kept` then `fresh`, the oldest dropped by the rule above down to `maxKept`. */
export function keepTraces(kept: Trace[], fresh: readonly Trace[], maxKept = MAX_KEPT): Trace[] {
  if (fresh.length === 0) return kept;
  const all = kept.concat(fresh);
  let over = all.length - maxKept;
  if (over <= 0) return all;
  const drop = new Map<Trace['why'], number>();
  for (const why of DROP_ORDER) {
    const n = Math.min(over, all.filter((t) => t.why === why).length);
    drop.set(why, n);
    over -= n;
  }
  // The oldest of each kind go.
  return all.filter((t) => {
    const n = drop.get(t.why) ?? 0;
    if (n <= 0) return true;
    drop.set(t.why, n - 1);
    return false;
  });
}
