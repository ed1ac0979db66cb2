import { describe, expect, it } from 'vitest';
import { formatValue, niceStep, valueAxis } from '../../src/ui/charts/valueAxis.ts';

const labels = (values: number[], unit: string, opts = {}) =>
  valueAxis(values, { unit }, opts).ticks.map((t) => t.label);

describe('value axis', () => {
  it('puts round ticks over the data, in one unit for the whole axis', () => {
    expect(labels([0, 1234], 'ms')).toEqual(['0', '0.5 s', '1 s', '1.5 s']);
    expect(labels([0, 87], 'ms')).toEqual(['0', '25 ms', '50 ms', '75 ms', '100 ms']);
    expect(labels([0, 79_942], 'ms')).toEqual(['0', '20 s', '40 s', '60 s', '80 s']);
    expect(labels([0, 1800], 'req/s')).toEqual(['0', '500', '1k', '1.5k', '2k']);
    expect(valueAxis([0, 1800], { unit: 'req/s' }).unitLabel).toBe('req/s');
  });

  it('draws shares as percentages up to 100 %', () => {
    const axis = valueAxis([0.2], { unit: '', ratio: true }, { max: 1 });
    expect(axis.max).toBe(1);
    expect(axis.ticks.map((t) => t.label)).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %']);
    expect(axis.unitLabel).toBe('');
  });

  it('spans whole decades on a log axis, with 1-2-5 ticks when there are few', () => {
    const wide = valueAxis([3, 45_000], { unit: 'ms' }, { log: true });
    expect([wide.min, wide.max]).toEqual([1, 100_000]);
    expect(wide.ticks.map((t) => t.label)).toEqual([
      '1 ms',
      '10 ms',
      '100 ms',
      '1 s',
      '10 s',
      '100 s',
    ]);
    const narrow = valueAxis([12, 55], { unit: 'ms' }, { log: true });
    expect(narrow.ticks.map((t) => t.label)).toEqual(['10 ms', '20 ms', '50 ms', '100 ms']);
    // A constant on a tick keeps a span to draw in.
    const flat = valueAxis([20, 20], { unit: 'ms' }, { log: true });
    expect(flat.max).toBeGreaterThan(flat.min);
    // Nothing positive to draw: a plain linear axis, not log(0).
    expect(valueAxis([], { unit: 'ms' }, { log: true }).log).toBe(false);
  });

  it('reads single values in the unit that fits them', () => {
    expect(formatValue(1200, { unit: 'ms' })).toBe('1.2 s');
    expect(formatValue(79_942, { unit: 'ms' })).toBe('80 s');
    expect(formatValue(0.4, { unit: 'ms' })).toBe('400 µs');
    expect(formatValue(0.173, { unit: '', ratio: true })).toBe('17.3 %');
    expect(formatValue(1520, { unit: 'req/s' })).toBe('1.52k req/s');
    expect(niceStep(0.3)).toBe(0.5);
    expect(niceStep(30)).toBe(50);
  });
});
