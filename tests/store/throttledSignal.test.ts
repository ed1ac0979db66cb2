// The canvas's live tick moves with the charts' tick, in the same call (so the same animation
// frame), every other time; a tick it skips is still published on its own when no other comes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSignal, followSignal } from '../../src/store/throttledSignal.ts';

describe('followSignal', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setup = () => {
    const source = createSignal();
    let now = 0;
    const follower = followSignal(source, 500, () => now);
    const seen: number[] = [];
    follower.subscribe(() => seen.push(now));
    return {
      seen,
      follower,
      /** The source moves at `t` (ms). */
      moveAt: (t: number) => {
        vi.advanceTimersByTime(t - now);
        now = t;
        source.notify();
      },
    };
  };

  it('moves in the same call as the source, at most once per interval', () => {
    const { seen, moveAt } = setup();
    moveAt(0);
    expect(seen).toEqual([0]); // at once, not on a later frame
    moveAt(250);
    expect(seen).toEqual([0]);
    moveAt(500);
    moveAt(750);
    moveAt(1000);
    expect(seen).toEqual([0, 500, 1000]);
  });

  it('counts a move a frame early as on time', () => {
    const { seen, moveAt } = setup();
    moveAt(0);
    moveAt(490);
    expect(seen).toEqual([0, 490]);
  });

  it('publishes a skipped move on its own when the source does not move again', () => {
    const { seen, follower, moveAt } = setup();
    moveAt(0);
    moveAt(250); // the run's last figures
    const version = follower.getVersion();
    vi.advanceTimersByTime(500);
    vi.advanceTimersToNextFrame();
    expect(follower.getVersion()).toBe(version + 1);
    expect(seen).toHaveLength(2);
  });

  it('drops the owed publish when the source moves again in time', () => {
    const { seen, moveAt } = setup();
    moveAt(0);
    moveAt(250);
    moveAt(500);
    vi.advanceTimersByTime(1000);
    vi.advanceTimersToNextFrame();
    expect(seen).toEqual([0, 500]);
  });
});
