// Time axes read as time at every length of run: round steps, a unit that fits, no "16667s".
import { describe, expect, it } from 'vitest';
import { formatTimeRange, timeTicks } from '../../src/ui/faults/timeTicks.ts';
import { formatSimTime } from '../../src/ui/run/format.ts';

const labels = (d: number) => timeTicks(d).map((t) => t.label);

describe('time ticks', () => {
  it('labels a two-minute run in seconds on round steps', () => {
    expect(labels(120)).toEqual(['0s', '20s', '40s', '60s', '80s', '100s', '120s']);
  });

  it('switches to minutes and hours for long runs, never thousands of seconds', () => {
    expect(labels(1800)).toEqual([
      '0 min',
      '5 min',
      '10 min',
      '15 min',
      '20 min',
      '25 min',
      '30 min',
    ]);
    const day = labels(100_000);
    expect(day.slice(0, 5)).toEqual(['0 h', '6 h', '12 h', '18 h', '24 h']);
    expect(day.at(-1)).toBe('27.8 h'); // the run's end, far enough from the last round tick
    for (const d of [7, 95, 1000, 16667 * 6, 3e6]) {
      for (const l of labels(d)) expect(l).toMatch(/^\d+(\.\d)?(s| min| h| d)$/);
      expect(labels(d).length).toBeGreaterThanOrEqual(3);
      expect(labels(d).length).toBeLessThanOrEqual(9);
    }
  });

  it('keeps the ticks within the run and in order', () => {
    for (const d of [1, 59, 61, 3599, 86_401]) {
      const ts = timeTicks(d).map((t) => t.t);
      expect(ts[0]).toBe(0);
      expect(Math.max(...ts)).toBeLessThanOrEqual(d);
      expect([...ts].sort((a, b) => a - b)).toEqual(ts);
    }
  });

  it('formats ranges and the clock in the unit that reads', () => {
    expect(formatTimeRange(1, 48)).toBe('1–48 s');
    expect(formatTimeRange(0, 16_500)).toBe('0–4.6 h');
    expect(formatSimTime(7230)).toBe('2 h 0 min');
    expect(formatSimTime(75)).toBe('1 min 15 s');
  });
});
