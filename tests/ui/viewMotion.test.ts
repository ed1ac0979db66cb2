import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noteViewMoved, onViewMotion, VIEW_SETTLE_MS } from '../../src/ui/canvas/viewMotion.ts';

describe('view motion', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says a motion began at its first move and ended once the view was still long enough', () => {
    const told: boolean[] = [];
    const stop = onViewMotion((moving) => told.push(moving));
    noteViewMoved();
    expect(told).toEqual([true]);
    // A pan: a move every frame for half a second, told once.
    for (let i = 0; i < 30; i++) {
      vi.advanceTimersByTime(16);
      noteViewMoved();
    }
    expect(told).toEqual([true]);
    vi.advanceTimersByTime(VIEW_SETTLE_MS - 1);
    expect(told).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(told).toEqual([true, false]);
    // The next pan is a motion of its own.
    noteViewMoved();
    vi.advanceTimersByTime(VIEW_SETTLE_MS);
    expect(told).toEqual([true, false, true, false]);
    stop();
    noteViewMoved();
    vi.advanceTimersByTime(VIEW_SETTLE_MS);
    expect(told).toEqual([true, false, true, false]);
  });
});
