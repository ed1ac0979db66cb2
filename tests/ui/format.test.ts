// Human units: every figure on the page and in the terminal reads in the unit that fits it.
import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatCount,
  formatDuration,
  formatExact,
  formatNumber,
  formatPercent,
  formatRate,
  formatSimTime,
} from '../../src/ui/run/format.ts';

describe('formatDuration (from milliseconds)', () => {
  it.each([
    [0, '0 ms'],
    [0.85, '850 µs'],
    [0.0125, '12.5 µs'],
    [0.99996, '1 ms'],
    [1, '1 ms'],
    [1.234, '1.23 ms'],
    [12.345, '12.3 ms'],
    [123.4, '123 ms'],
    [999.4, '999 ms'],
    [999.6, '1 s'],
    [1478.4, '1.48 s'],
    [9949, '9.95 s'],
    [1200, '1.2 s'],
    [9996, '10 s'],
    [79_942, '80 s'],
    [120_000, '120 s'],
    [150_000, '2.5 min'],
    [45 * 60_000, '45 min'],
    [3 * 3_600_000, '3 h'],
    [-1200, '-1.2 s'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('says nothing for a missing value', () => {
    expect(formatDuration(NaN)).toBe('–');
    expect(formatDuration(Infinity)).toBe('–');
  });
});

describe('formatRate and formatCompact', () => {
  it.each([
    [0, '0 rps'],
    [0.5, '0.5 rps'],
    [12.34, '12.3 rps'],
    [199.6, '200 rps'],
    [850, '850 rps'],
    [1200, '1.2k rps'],
    [12_345, '12.3k rps'],
    [999_950, '1M rps'],
    [3_400_000, '3.4M rps'],
  ])('%d per second reads %s', (x, text) => {
    expect(formatRate(x)).toBe(text);
  });

  it('names what is counted and keeps the sign', () => {
    expect(formatRate(1500, 'msg/s')).toBe('1.5k msg/s');
    expect(formatCompact(-2500)).toBe('-2.5k');
    expect(formatRate(NaN)).toBe('–');
  });
});

describe('formatPercent, formatCount, formatNumber', () => {
  it('reads a ratio as a percentage, small ones with two decimals', () => {
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercent(0.934)).toBe('93.4 %');
    expect(formatPercent(0.0012)).toBe('0.12 %');
    // Near 100 %, the gap keeps two digits: nines stay apart.
    expect(formatPercent(0.985)).toBe('98.5 %');
    expect(formatPercent(0.9955)).toBe('99.55 %');
    expect(formatPercent(0.9995)).toBe('99.950 %');
    expect(formatPercent(0.999991)).toBe('99.9991 %');
    expect(formatPercent(NaN)).toBe('–');
  });

  it('groups counts by thousands', () => {
    expect(formatCount(12_345)).toBe('12,345');
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(7)).toBe('7');
    expect(formatCount(NaN)).toBe('–');
  });

  it('gives plain numbers three significant figures below a thousand', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(1840.4)).toBe('1,840');
    expect(formatNumber(null)).toBe('–');
  });
});

describe('formatSimTime (the clock, from seconds)', () => {
  it('reads seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatSimTime(12.34)).toBe('12.3 s');
    expect(formatSimTime(245)).toBe('4 min 5 s');
    expect(formatSimTime(7800)).toBe('2 h 10 min');
  });
});

describe('formatExact (every digit the JSON has)', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [4103, '4,103'],
    [79_942.1234, '79,942.1234'],
    [-1234567.5, '-1,234,567.5'],
    [0.0001, '0.0001'],
    [1e-7, '1e-7'],
  ])('%d reads %s', (x, text) => {
    expect(formatExact(x)).toBe(text);
  });

  it('reads back to the same number once the separators go', () => {
    for (const x of [52.4912, 1 / 3, 123456789.0123, 0.1 + 0.2]) {
      expect(Number(formatExact(x).replaceAll(',', ''))).toBe(x);
    }
  });
});
