/**
 * Each latency recorded once (src/engine/metrics/latencies.ts): an interval's figures at the
 * charts' resolution and the run's at full resolution must be exactly those of the two
 * histograms it replaces, each recording every value, so a document's numbers stay the same.
 */
import { describe, expect, it } from 'vitest';
import { Histogram, RESULT_SUB_BITS, WINDOW_SUB_BITS } from '../../src/engine/metrics/histogram.ts';
import { Latencies } from '../../src/engine/metrics/latencies.ts';
import { Rng } from '../../src/engine/rng.ts';

/** Latencies over every range the histogram treats apart: sub-µs units, the fast path, > 2.1 s. */
function values(seed: number, n: number): number[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => {
    const u = rng.next();
    const scale = u < 0.1 ? 1e-4 : u < 0.2 ? 1e-2 : u < 0.9 ? 10 : 5000;
    return -scale * Math.log(1 - rng.next());
  });
}

const QS = [0, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

/** An interval's QS-quantiles, read in one walk. */
function quantilesOf(l: Latencies): number[] {
  const out = new Float64Array(QS.length);
  l.quantiles(Float64Array.from(QS), out);
  return Array.from(out);
}

describe('Histogram.quantileAs', () => {
  it.each([1, 2, 3])('seed %i: a coarse histogram of the same values, exactly', (seed) => {
    const all = values(seed, 5000);
    const coarse = new Histogram(WINDOW_SUB_BITS);
    const a = new Histogram(RESULT_SUB_BITS);
    const b = new Histogram(RESULT_SUB_BITS);
    all.forEach((v, i) => {
      coarse.record(v);
      (i % 3 === 0 ? b : a).record(v);
    });
    for (const q of QS) expect(a.quantileAs(q, WINDOW_SUB_BITS, b)).toBe(coarse.quantile(q));
    // All of them in one walk, ranks falling in one group or bucket included (0 and 0.001).
    const out = new Float64Array(QS.length);
    a.quantilesAs(Float64Array.from(QS), WINDOW_SUB_BITS, b, out);
    expect(Array.from(out)).toEqual(QS.map((q) => coarse.quantile(q)));
    // One side empty, either way round.
    const alone = new Histogram(RESULT_SUB_BITS);
    all.forEach((v) => alone.record(v));
    const empty = new Histogram(RESULT_SUB_BITS);
    for (const q of QS) {
      expect(alone.quantileAs(q, WINDOW_SUB_BITS, empty)).toBe(coarse.quantile(q));
      expect(empty.quantileAs(q, WINDOW_SUB_BITS, alone)).toBe(coarse.quantile(q));
    }
  });
});

describe('Histogram.mergeCounts', () => {
  it('gives the counts, extremes and percentiles of one histogram recording all', () => {
    const all = values(4, 4000);
    const whole = new Histogram(RESULT_SUB_BITS);
    const merged = new Histogram(RESULT_SUB_BITS);
    const part = new Histogram(RESULT_SUB_BITS);
    all.forEach((v, i) => {
      whole.record(v);
      part.record(v);
      if (i % 700 === 699) {
        merged.mergeCounts(part);
        part.reset();
      }
    });
    merged.mergeCounts(part);
    expect(merged.count).toBe(whole.count);
    expect(merged.min).toBe(whole.min);
    expect(merged.max).toBe(whole.max);
    for (const q of QS) expect(merged.quantile(q)).toBe(whole.quantile(q));
  });

  it('moveCountsFrom: the same merge, and the source as empty as after a reset', () => {
    const all = values(6, 4000);
    const whole = new Histogram(RESULT_SUB_BITS);
    const moved = new Histogram(RESULT_SUB_BITS);
    const part = new Histogram(RESULT_SUB_BITS);
    all.forEach((v, i) => {
      whole.record(v);
      part.record(v);
      if (i % 700 === 699) {
        moved.moveCountsFrom(part);
        expect([part.count, part.min, part.max, part.quantile(0.5)]).toEqual([0, Infinity, 0, 0]);
      }
    });
    moved.moveCountsFrom(part);
    expect(moved.count).toBe(whole.count);
    expect(moved.min).toBe(whole.min);
    expect(moved.max).toBe(whole.max);
    for (const q of QS) expect(moved.quantile(q)).toBe(whole.quantile(q));
    // No bucket, group or bit of the moved values is left behind: a source used again holds
    // only its new values, and moves only them.
    const again = values(7, 300);
    const fresh = new Histogram(RESULT_SUB_BITS);
    again.forEach((v) => {
      part.record(v);
      fresh.record(v);
    });
    for (const q of QS)
      expect(part.quantileAs(q, RESULT_SUB_BITS, fresh.emptyLike())).toBe(fresh.quantile(q));
    const into = new Histogram(RESULT_SUB_BITS);
    into.moveCountsFrom(part);
    for (const q of QS) expect(into.quantile(q)).toBe(fresh.quantile(q));
  });
});

describe('Latencies', () => {
  it('intervals and the run: the figures of recording each value in both', () => {
    const all = values(5, 6000);
    const run = new Histogram(RESULT_SUB_BITS);
    const point = new Latencies(null);
    const window = new Latencies(run, point);
    // What was recorded before: every value in a coarse window and point histogram, the
    // counted ones (here: after the first 1000) in the run's.
    const expectedRun = new Histogram(RESULT_SUB_BITS);
    let wRef = new Histogram(WINDOW_SUB_BITS);
    let pRef = new Histogram(WINDOW_SUB_BITS);
    all.forEach((v, i) => {
      const counted = i >= 1000;
      window.record(v, counted);
      wRef.record(v);
      pRef.record(v);
      if (counted) expectedRun.record(v);
      if (i % 500 === 499) {
        expect(quantilesOf(window)).toEqual(QS.map((q) => wRef.quantile(q)));
        expect(window.mean).toBe(wRef.mean);
        expect(window.count).toBe(wRef.count);
        window.close();
        wRef = new Histogram(WINDOW_SUB_BITS);
      }
      if (i % 1500 === 1499) {
        expect(quantilesOf(point)).toEqual(QS.map((q) => pRef.quantile(q)));
        expect(point.mean).toBe(pRef.mean);
        point.close();
        pRef = new Histogram(WINDOW_SUB_BITS);
      }
      if (i === 4321) {
        // Mid-interval, the run as it stands includes the open window.
        const now = window.settled();
        expect(now.count).toBe(expectedRun.count);
        expect(now.mean).toBe(expectedRun.mean);
        expect(now.quantile(0.99)).toBe(expectedRun.quantile(0.99));
      }
    });
    window.close();
    expect(run.count).toBe(expectedRun.count);
    expect(run.sum).toBe(expectedRun.sum);
    expect(run.min).toBe(expectedRun.min);
    expect(run.max).toBe(expectedRun.max);
    for (const q of QS) expect(run.quantile(q)).toBe(expectedRun.quantile(q));
    expect(window.settled()).toBe(run);
  });

  it("a node's window (no outer interval): the run's figures of recording each value in both", () => {
    const all = values(8, 5000);
    const run = new Histogram(RESULT_SUB_BITS);
    const window = new Latencies(run);
    const expectedRun = new Histogram(RESULT_SUB_BITS);
    let wRef = new Histogram(WINDOW_SUB_BITS);
    all.forEach((v, i) => {
      const counted = i >= 800;
      window.record(v, counted);
      wRef.record(v);
      if (counted) expectedRun.record(v);
      if (i % 450 === 449) {
        expect(quantilesOf(window)).toEqual(QS.map((q) => wRef.quantile(q)));
        expect(window.count).toBe(wRef.count);
        window.close();
        wRef = new Histogram(WINDOW_SUB_BITS);
      }
    });
    window.close();
    expect([run.count, run.sum, run.min, run.max]).toEqual([
      expectedRun.count,
      expectedRun.sum,
      expectedRun.min,
      expectedRun.max,
    ]);
    for (const q of QS) expect(run.quantile(q)).toBe(expectedRun.quantile(q));
  });
});
