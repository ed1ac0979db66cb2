import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { SETTLE_MS, useOneAtATime } from '../../src/ui/charts/oneAtATime.ts';

beforeEach(() => {
  vi.useFakeTimers();
  // One "frame" every 16 ms, driven by the fake clock.
  vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) =>
    setTimeout(() => fn(performance.now()), 16),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('full charts one at a time', () => {
  it('grants nothing before the wish has settled, then one card per frame', async () => {
    const a = renderHook(({ want }) => useOneAtATime(want), { initialProps: { want: true } });
    const b = renderHook(({ want }) => useOneAtATime(want), { initialProps: { want: true } });
    await act(async () => void vi.advanceTimersByTime(SETTLE_MS - 50));
    expect([a.result.current, b.result.current]).toEqual([false, false]);
    await act(async () => void vi.advanceTimersByTime(50 + 17));
    expect([a.result.current, b.result.current]).toEqual([true, false]);
    await act(async () => void vi.advanceTimersByTime(17));
    expect([a.result.current, b.result.current]).toEqual([true, true]);
  });

  it('drops back at once when the wish ends, and a quick pause-and-go costs nothing', async () => {
    const a = renderHook(({ want }) => useOneAtATime(want), { initialProps: { want: true } });
    await act(async () => void vi.advanceTimersByTime(SETTLE_MS + 40));
    expect(a.result.current).toBe(true);
    a.rerender({ want: false });
    expect(a.result.current).toBe(false);
    a.rerender({ want: true });
    await act(async () => void vi.advanceTimersByTime(SETTLE_MS / 2));
    a.rerender({ want: false });
    await act(async () => void vi.advanceTimersByTime(SETTLE_MS * 2));
    expect(a.result.current).toBe(false);
  });
});
