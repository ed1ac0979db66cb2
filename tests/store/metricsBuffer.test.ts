import { describe, expect, it } from 'vitest';
import { MetricsBuffer } from '../../src/store/metricsBuffer.ts';
import { globalOffset, layoutFor, packWindows } from '../../src/worker/frame.ts';
import { fakeWindow } from '../worker/fakeEngine.ts';
import { smallDoc } from '../worker/docs.ts';

const doc = smallDoc();
const layout = layoutFor(doc);

/** Windows i..i+n-1 whose throughput equals their index, so rows can be recognised. */
function windows(from: number, n: number): Float64Array {
  const list = Array.from({ length: n }, (_, k) => {
    const w = fakeWindow(doc, 0, from + k);
    w.throughputRps = from + k;
    return w;
  });
  return packWindows(layout, list);
}

function column(
  buffer: MetricsBuffer,
  name: 'tS' | 'startS' | 'throughputRps' | 'lengthS',
  every = 1,
): number[] {
  const out: number[] = [];
  buffer.forEachRow((data, offset) => out.push(data[offset + globalOffset(name)] ?? NaN), every);
  return out;
}

describe('the metrics ring buffer', () => {
  it('keeps windows in order while they fit', () => {
    const b = new MetricsBuffer(10, 4);
    b.reset(layout);
    b.push(windows(0, 3), 3);
    b.push(windows(3, 2), 2);
    expect(column(b, 'throughputRps')).toEqual([0, 1, 2, 3, 4]);
    const [data, offset] = b.latest() ?? [new Float64Array(1), 0];
    expect(data[offset + globalOffset('throughputRps')]).toBe(4);
  });

  it('stays bounded over a long run and still covers the whole run, oldest averaged', () => {
    const b = new MetricsBuffer(10, 4);
    b.reset(layout);
    for (let i = 0; i < 2000; i += 50) b.push(windows(i, 50), 50);
    expect(b.windowsSeen).toBe(2000);
    expect(b.length).toBeLessThanOrEqual(10 + 4);
    const tS = column(b, 'tS');
    expect(tS.at(-1)).toBe(2000); // the newest window is kept exactly
    expect(column(b, 'throughputRps').slice(-10)).toEqual([
      1990, 1991, 1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999,
    ]);
    // Coarse rows stand for many windows: their lengths add up to what fell out of the ring.
    const lengths = column(b, 'lengthS');
    const coarseLength = lengths.slice(0, b.length - 10).reduce((a, x) => a + x, 0);
    expect(coarseLength).toBeGreaterThan(1000);
    expect(coarseLength).toBeLessThanOrEqual(1990);
    // Times only go forward, and an averaged throughput lies within its windows' range.
    tS.forEach((t, i) => i > 0 && expect(t).toBeGreaterThan(tS[i - 1] ?? 0));
    const first = column(b, 'throughputRps')[0] ?? NaN;
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(1000);
  });

  it('visits every k-th row but always the newest, for cheap charts', () => {
    const b = new MetricsBuffer(100, 10);
    b.reset(layout);
    b.push(windows(0, 10), 10);
    expect(column(b, 'throughputRps', 3)).toEqual([0, 3, 6, 9]);
    expect(column(b, 'throughputRps', 4)).toEqual([1, 5, 9]);
  });

  it('empties on reset, for a new run', () => {
    const b = new MetricsBuffer(10, 4);
    b.reset(layout);
    b.push(windows(0, 5), 5);
    b.reset(layout);
    expect(b.length).toBe(0);
    expect(b.latest()).toBeUndefined();
  });
});

describe('the metrics buffer with wide windows', () => {
  it('holds fewer rows when the windows are wide, within its byte budget, and the whole run', () => {
    const bytesPerRow = layout.stride * 8;
    // Room for 30 rows of this layout where 60 + 30 were asked for.
    const b = new MetricsBuffer(60, 30, bytesPerRow * 30);
    b.reset(layout);
    for (let i = 0; i < 3000; i += 50) b.push(windows(i, 50), 50);
    expect(b.length).toBeLessThanOrEqual(30);
    expect(b.length).toBeGreaterThanOrEqual(20);
    const tS = column(b, 'tS');
    expect(tS.at(-1)).toBe(3000); // the newest window is kept exactly
    // The oldest row still reaches back to the run's first window (merged rows keep their start).
    expect(column(b, 'startS')[0]).toBe(windows(0, 1)[globalOffset('startS')]);
  });

  it('keeps the capacities asked for when the windows are narrow', () => {
    const b = new MetricsBuffer(10, 4);
    b.reset(layout);
    for (let i = 0; i < 2000; i += 50) b.push(windows(i, 50), 50);
    expect(b.length).toBe(14);
  });
});
