// A hand-cranked clock and scheduler for driving the run loop without real time.
import { expect } from 'vitest';
import { createSimulation } from '../../src/engine/simulation.ts';
import type { MetricFrame } from '../../src/worker/protocol.ts';
import { RunLoop } from '../../src/worker/runLoop.ts';

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

/** The run loop over the real engine on a hand-cranked clock, and the two ways tests drive it. */
export function engineLoop() {
  const time = manualTime();
  const sink = frameSink();
  const loop = new RunLoop({
    createSimulation,
    now: time.now,
    schedule: time.schedule,
    emit: sink.emit,
  });
  /** Runs to the end at Max speed; the run's result. */
  const runToEnd = () => {
    loop.setSpeed('max');
    loop.start();
    time.runTasks();
    expect(sink.last()?.status).toBe('done');
    return sink.last()?.result;
  };
  /** Runs at real-time speed for about `s` simulated seconds, then pauses; the clock. */
  const runFor = (s: number) => {
    loop.setSpeed(1);
    loop.start();
    time.runTasks(10_000, s * 1000);
    loop.pause();
    return sink.last()?.nowS ?? 0;
  };
  return { loop, sink, runToEnd, runFor };
}
