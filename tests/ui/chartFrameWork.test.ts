// The charts' work queue (src/ui/charts/frameWork.ts), on a fake clock and fake frames: each
// frame runs jobs for its budget and no more (one at least), a job that can stop part-way goes
// on in the next frame, a job asked for again keeps its place (none starves), and nothing runs
// while the canvas's view moves.
import { describe, expect, it } from 'vitest';
import { frameWork, FRAME_BUDGET_MS } from '../../src/ui/charts/frameWork.ts';

function harness(settlesIn: () => number = () => 0) {
  let clock = 0;
  let frames: Array<() => void> = [];
  const timers: Array<{ at: number; fn: () => void }> = [];
  const work = frameWork({
    now: () => clock,
    nextFrame: (fn) => frames.push(fn),
    after: (fn, ms) => timers.push({ at: clock + ms, fn }),
    settlesIn,
  });
  const log: string[] = [];
  /** A job that takes `ms` of the clock and notes its name. */
  const costs = (name: string, ms: number) => () => {
    log.push(name);
    clock += ms;
  };
  /** Runs one animation frame, 16.7 ms after the last; returns what ran in it. */
  const frame = () => {
    const start = log.length;
    clock = Math.ceil(clock / 16.7) * 16.7;
    const due = timers.filter((x) => x.at <= clock);
    due.forEach((t) => timers.splice(timers.indexOf(t), 1));
    due.forEach((t) => t.fn());
    const now = frames;
    frames = [];
    now.forEach((fn) => fn());
    clock += 0.1;
    return log.slice(start);
  };
  return { work, costs, frame, log, now: () => clock, pending: () => frames.length };
}

describe('the charts work queue', () => {
  it('runs jobs in the order asked, for about its budget a frame and one job at least', () => {
    const h = harness();
    ['a', 'b', 'c', 'd'].forEach((k) => h.work.add(k, h.costs(k, 1.5)));
    h.work.add('dear', h.costs('dear', 12));
    h.work.add('e', h.costs('e', 1));
    expect(h.log).toEqual([]); // nothing before a frame
    expect(h.frame()).toEqual(['a', 'b', 'c']); // 4.5 ms: the budget is spent
    expect(h.frame()).toEqual(['d', 'dear']); // one over the budget, then none
    expect(h.frame()).toEqual(['e']);
    expect(h.pending()).toBe(0);
  });

  it('gives a job that can stop part-way the deadline, and goes on with it next frame', () => {
    const h = harness();
    let left = 10; // units of 1 ms
    const deadlines: number[] = [];
    h.work.add('rows', (deadline) => {
      deadlines.push(deadline);
      while (left > 0 && h.now() < deadline) {
        left -= 1;
        h.costs('unit', 1)();
      }
      return left > 0;
    });
    h.work.add('after', h.costs('after', 0.5));
    const units = () => h.log.filter((x) => x === 'unit').length;
    h.frame();
    expect(units()).toBe(FRAME_BUDGET_MS);
    expect(h.log).not.toContain('after');
    h.frame();
    h.frame();
    expect(units()).toBe(10);
    expect(h.log.at(-1)).toBe('after');
    // One deadline a frame, each a budget after the frame began.
    expect(deadlines.map((d) => Math.round((d - FRAME_BUDGET_MS) * 10) / 10)).toEqual([
      0, 16.7, 33.4,
    ]);
  });

  it('keeps the place of a job asked for again, with the newest job, so none is starved', () => {
    const h = harness();
    h.work.add('card 1', h.costs('card 1 (old)', 3));
    h.work.add('card 2', h.costs('card 2', 3));
    h.work.add('card 3', h.costs('card 3', 3));
    h.work.add('card 1', h.costs('card 1 (new)', 3));
    expect(h.frame()).toEqual(['card 1 (new)', 'card 2']);
    // Card 2 is asked again before card 3 has drawn: card 3 goes first.
    h.work.add('card 2', h.costs('card 2 again', 3));
    expect(h.frame()).toEqual(['card 3', 'card 2 again']);
  });

  it('runs the newest job of a key that asked again while it ran, and drops removed ones', () => {
    const h = harness();
    h.work.add('a', () => {
      h.log.push('a');
      h.work.add('a', h.costs('a again', 1));
    });
    h.work.add('gone', h.costs('gone', 1));
    h.work.remove('gone');
    expect(h.frame()).toEqual(['a', 'a again']);
    expect(h.pending()).toBe(0);
  });

  it('waits while the view moves, then goes on', () => {
    let stillAt = 100;
    const h = harness(() => Math.max(0, stillAt - h.now()));
    h.work.add('a', h.costs('a', 1));
    for (let i = 0; i < 5; i++) expect(h.frame()).toEqual([]); // to 83.5 ms
    stillAt = 90; // the view stopped sooner
    expect(h.frame()).toEqual([]); // the wait's timer is due at 100 ms
    expect([h.frame(), h.frame()].flat()).toEqual(['a']);
  });

  it('says when it is empty, and how much of the main thread its jobs took', () => {
    const h = harness();
    let idleAt: number | undefined;
    h.work.whenIdle(() => (idleAt = -1)); // empty now: at once
    expect(idleAt).toBe(-1);
    h.work.add('a', h.costs('a', 5));
    h.work.add('b', h.costs('b', 1));
    const before = h.work.spentMs();
    h.work.whenIdle(() => (idleAt = h.now()));
    h.frame();
    expect(idleAt).toBe(-1);
    h.frame();
    expect(idleAt).toBeGreaterThan(16);
    expect(h.work.spentMs() - before).toBeCloseTo(6, 5); // not the frames' span
  });
});
