// A hand-cranked clock and scheduler for driving the run loop without real time.
import type { MetricFrame } from '../../src/worker/protocol.ts';

export function manualTime(msPerRead = 0.25) {
  let nowMs = 0;
  const tasks: Array<{ at: number; fn: () => void }> = [];
  return {
    /** Every read moves the clock on a little, as real engine work would. */
    now: () => (nowMs += msPerRead),
    schedule: (fn: () => void, delayMs: number) => tasks.push({ at: nowMs + delayMs, fn }),
    /** Runs due tasks (advancing the clock to each) until none is left or `limit` is hit. */
    runTasks(limit = 10_000, untilMs = Number.POSITIVE_INFINITY): number {
      let ran = 0;
      while (tasks.length > 0 && ran < limit) {
        tasks.sort((a, b) => a.at - b.at);
        const next = tasks[0];
        if (next === undefined || next.at > untilMs) break;
        tasks.shift();
        nowMs = Math.max(nowMs, next.at);
        next.fn();
        ran += 1;
      }
      return ran;
    },
    /** Charges engine work to the clock. */
    advance(ms: number) {
      nowMs += ms;
    },
    get pendingTasks() {
      return tasks.length;
    },
    get nowMs() {
      return nowMs;
    },
  };
}

export function frameSink() {
  const frames: MetricFrame[] = [];
  return { frames, emit: (f: MetricFrame) => void frames.push(f), last: () => frames.at(-1) };
}
