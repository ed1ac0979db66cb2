import { describe, expect, it } from 'vitest';
import { budgetedDraw, CHART_BUDGET } from '../../src/ui/charts/drawBudget.ts';

/** A fake clock and timer queue; each draw costs `costMs` of it. */
function harness(costMs: number, settlesIn: () => number = () => 0) {
  let clock = 0;
  const timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
  const drawnAt: number[] = [];
  const draws = budgetedDraw(
    (done) => {
      drawnAt.push(clock);
      clock += costMs;
      done(costMs);
    },
    {
      now: () => clock,
      after: (fn, ms) => {
        const t = { at: clock + ms, fn, live: true };
        timers.push(t);
        return () => (t.live = false);
      },
      settlesIn,
    },
  );
  /** Asks every `everyMs` until `untilMs` (or only lets time pass), running timers on the way. */
  const ask = (everyMs: number, untilMs: number, asking = true) => {
    for (let t = clock; t < untilMs; t += everyMs) {
      for (;;) {
        const due = timers.filter((x) => x.live && x.at <= t).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) break;
        due.live = false;
        clock = Math.max(clock, due.at);
        due.fn();
      }
      clock = Math.max(clock, t);
      if (asking) draws.request();
    }
  };
  return { draws, drawnAt, ask, now: () => clock };
}

describe('the charts draw within a budget', () => {
  it('draws on every ask when drawing is cheap', () => {
    const h = harness(1);
    h.ask(250, 2500);
    expect(h.drawnAt).toHaveLength(10);
  });

  it('spaces dear draws so they take at most their share of the time', () => {
    const costMs = 60;
    const h = harness(costMs);
    h.ask(250, 10_000);
    const spent = h.drawnAt.length * costMs;
    expect(spent / 10_000).toBeLessThanOrEqual(CHART_BUDGET * 1.1);
    // Still drawn, just less often: the newest windows appear within a second or so.
    expect(h.drawnAt.length).toBeGreaterThanOrEqual(8);
  });

  it('lets an ask within the budget go, and draws at the first ask after it', () => {
    const costMs = 60; // the next draw may come costMs / CHART_BUDGET = 1000 ms after
    const h = harness(costMs);
    h.ask(250, 1000);
    expect(h.drawnAt).toEqual([0]);
    // No draw on a timer of its own while nobody asks (the run's next frame asks).
    h.ask(250, 3000, false);
    expect(h.drawnAt).toEqual([0]);
    const askedAt = h.now();
    h.ask(250, askedAt + 1);
    expect(h.drawnAt).toEqual([0, askedAt]);
  });

  it('puts a draw off while the canvas view moves, and draws once it is still', () => {
    const h = harness(1, () => Math.max(0, 1000 - h.now()));
    h.ask(250, 2000);
    expect(h.drawnAt.every((t) => t >= 1000)).toBe(true);
    expect(h.drawnAt.length).toBeGreaterThan(0);
  });

  it('drops a pending draw when stopped', () => {
    const h = harness(1, () => Math.max(0, 500 - h.now()));
    h.draws.request();
    h.draws.stop();
    h.ask(100, 2000, false);
    expect(h.drawnAt).toHaveLength(0);
  });

  it("draws a stopped run's last windows at once, not after the budget's wait", () => {
    const costMs = 60;
    const h = harness(costMs);
    h.ask(250, 1000);
    // The first draw (at 0) was dear: the next waits for costMs / CHART_BUDGET = 1000 ms.
    expect(h.drawnAt).toEqual([0]);
    const finishedAt = h.now();
    expect(finishedAt).toBeLessThan(costMs / CHART_BUDGET);
    h.draws.requestLast();
    expect(h.drawnAt).toEqual([0, finishedAt]);
  });

  it('puts even the last draw off while the canvas view moves', () => {
    const h = harness(1, () => Math.max(0, 500 - h.now()));
    h.draws.requestLast();
    expect(h.drawnAt).toEqual([]);
    h.ask(100, 600, false);
    expect(h.drawnAt).toEqual([500]);
  });
});

describe('a draw spread over frames', () => {
  /** A draw that is done only when `finish(spentMs)` is called, on a fake clock. */
  function spread() {
    let clock = 0;
    const started: number[] = [];
    let finish: ((spentMs: number) => void) | undefined;
    const draws = budgetedDraw(
      (done) => {
        started.push(clock);
        finish = done;
      },
      { now: () => clock, after: () => () => {}, settlesIn: () => 0 },
    );
    return {
      draws,
      started,
      finish: (spentMs: number) => finish?.(spentMs),
      at: (ms: number) => (clock = ms),
    };
  }

  it('lets asks join a draw under way, and spaces the next by the time it took, not its span', () => {
    const d = spread();
    d.draws.request();
    d.at(100);
    d.draws.request();
    d.at(200);
    d.draws.request();
    expect(d.started).toEqual([0]);
    // Spread over 300 ms of frames, 6 ms of the main thread in all: the next may come 100 ms
    // after the first began, so the first ask after the draw is done draws.
    d.at(300);
    d.finish(6);
    d.at(350);
    d.draws.request();
    expect(d.started).toEqual([0, 350]);
  });

  it("draws a stopped run's last windows once the draw under way is done", () => {
    const d = spread();
    d.draws.request();
    d.at(50);
    d.draws.requestLast();
    expect(d.started).toEqual([0]);
    d.at(120);
    d.finish(60); // dear: a plain ask would wait 1000 ms
    expect(d.started).toEqual([0, 120]);
  });
});
