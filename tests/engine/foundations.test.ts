import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../src/engine/eventQueue.ts';
import { Rng } from '../../src/engine/rng.ts';
import { Sampler } from '../../src/engine/dists.ts';
import { ZipfKeys, zipfShares } from '../../src/engine/zipf.ts';
import { Histogram } from '../../src/engine/metrics/histogram.ts';

describe('EventQueue', () => {
  it('pops in time order, ties in scheduling order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 600 }), (times) => {
        const q = new EventQueue(4); // tiny start: exercises growth
        times.forEach((t, i) => q.push(t, 0, i, 0, 0));
        const out: Array<[number, number]> = [];
        while (q.pop()) out.push([q.t, q.a]);
        const expected = times.map((t, i) => [t, i] as [number, number]);
        expected.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        expect(out).toEqual(expected);
      }),
    );
  });

  it('gives the order of one heap with arrivals in their own heap, pops interleaved', () => {
    const op = fc.record({
      t: fc.integer({ min: 0, max: 30 }),
      arrival: fc.boolean(),
      pops: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const two = new EventQueue(4);
        const one = new EventQueue(4);
        const got: number[] = [];
        const want: number[] = [];
        let now = 0;
        ops.forEach(({ t, arrival, pops }, i) => {
          // Never in the past, as the kernel schedules: ties with earlier events are common.
          two.at = now + t;
          if (arrival) two.pushArrivalAt(0, i, 0, 0);
          else two.pushAt(0, i, 0, 0);
          one.push(now + t, 0, i, 0, 0);
          for (let p = 0; p < pops && two.pop(); p++) {
            one.pop();
            now = two.t;
            got.push(two.a);
            want.push(one.a);
          }
        });
        while (two.pop() && one.pop()) {
          got.push(two.a);
          want.push(one.a);
        }
        expect(two.size).toBe(0);
        expect(got).toEqual(want);
      }),
    );
  });

  it('pops only what is due before its limit, a lone arrival as a heap event', () => {
    const q = new EventQueue(4);
    q.at = 2;
    q.pushArrivalAt(4, -1, 7, 3); // the lone arrival
    q.at = 2;
    q.pushArrivalAt(4, -1, 8, 3); // a second waits in the arrivals' heap
    q.push(2, 1, 5, 0, 0);
    q.limit = 2;
    expect(q.due()).toBe(false);
    expect(q.popDue()).toBe(false);
    expect(q.size).toBe(3);
    q.limit = 2.5;
    const got: number[] = [];
    while (q.popDue()) got.push(q.b);
    expect(got).toEqual([7, 8, 0]);
    expect(q.size).toBe(0);
  });

  it('interleaves pushes and pops and honours explicit (negative) sequence keys', () => {
    const q = new EventQueue(2);
    q.push(5, 1, 1, 0, 0);
    q.pushWithSeq(5, -10, 2, 2, 0, 0);
    q.push(3, 3, 3, 0, 0);
    expect(q.pop() && q.a).toBe(3);
    q.push(4, 4, 4, 0, 0);
    const order: number[] = [];
    while (q.pop()) order.push(q.a);
    expect(order).toEqual([4, 2, 1]);
  });
});

describe('Rng', () => {
  it('gives doubles in [0,1), the same stream for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const a = new Rng(seed);
        const b = new Rng(seed);
        for (let i = 0; i < 200; i++) {
          const x = a.next();
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
          expect(b.next()).toBe(x);
        }
      }),
    );
  });

  it('starts well mixed: the first draw over seeds 0..9999 has mean 1/2 (sd 0.0029, 5 sd)', () => {
    let sum = 0;
    for (let seed = 0; seed < 10000; seed++) sum += new Rng(seed).next();
    expect(Math.abs(sum / 10000 - 0.5)).toBeLessThan(0.0145);
  });

  it('differs between seeds and has mean 1/2 (n = 1e5, sd of mean 0.0009, 5 sd band)', () => {
    const a = new Rng(1);
    const b = new Rng(2);
    let sum = 0;
    let same = 0;
    for (let i = 0; i < 100000; i++) {
      const x = a.next();
      sum += x;
      if (x === b.next()) same++;
    }
    expect(same).toBe(0);
    expect(Math.abs(sum / 100000 - 0.5)).toBeLessThan(0.0046);
  });
});

describe('Sampler', () => {
  // n = 2e5 draws: the sample mean's relative standard error is cv / sqrt(n), at most
  // 2 / 447 = 0.45 % for cv 2; we allow 5 standard errors.
  const n = 200000;
  const cases: Array<[string, ConstructorParameters<typeof Sampler>[0], number, number]> = [
    ['constant', { dist: 'constant', ms: 7 }, 7, 0],
    ['exponential', { dist: 'exponential', meanMs: 10 }, 10, 1],
    ['uniform', { dist: 'uniform', minMs: 5, maxMs: 15 }, 10, 10 / Math.sqrt(12) / 10],
    ['lognormal', { dist: 'lognormal', meanMs: 10, cv: 2 }, 10, 2],
    ['erlang', { dist: 'erlang', meanMs: 10, k: 4 }, 10, 0.5],
    ['erlang k=40', { dist: 'erlang', meanMs: 10, k: 40 }, 10, 1 / Math.sqrt(40)],
  ];
  it.each(cases)('%s has the stated mean and cv', (_name, dist, mean, cv) => {
    const s = new Sampler(dist, new Rng(7));
    let sum = 0;
    let sq = 0;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const x = s.sample();
      if (x < min) min = x;
      sum += x;
      sq += x * x;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    const m = sum / n;
    const sd = Math.sqrt(sq / n - m * m);
    expect(Math.abs(m - mean) / mean).toBeLessThan(5 * (cv / Math.sqrt(n)) + 1e-9);
    // The sample cv converges slowly for heavy tails (lognormal cv 2): 10 % band.
    expect(Math.abs(sd / m - cv)).toBeLessThan(cv >= 2 ? 0.2 : 0.02);
  });
});

describe('ZipfKeys', () => {
  it('draws keys with Zipf shares (each share within 5 binomial sd)', () => {
    const count = 50;
    const z = new ZipfKeys(count, 0.9, new Rng(3));
    const hits = new Float64Array(count);
    const n = 200000;
    for (let i = 0; i < n; i++) hits[z.next()]!++;
    const p = zipfShares(count, 0.9);
    for (let i = 0; i < count; i++) {
      const sd = Math.sqrt(n * p[i]! * (1 - p[i]!));
      expect(Math.abs(hits[i]! - n * p[i]!)).toBeLessThan(5 * sd);
    }
  });
  it('is uniform for exponent 0', () => {
    const z = new ZipfKeys(10, 0, new Rng(3));
    for (let i = 0; i < 1000; i++) expect(z.next()).toBeLessThan(10);
  });
});

describe('Histogram', () => {
  it('quantiles are within 1 % of the exact order statistic', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1e7, noNaN: true }), {
          minLength: 1,
          maxLength: 500,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          const h = new Histogram();
          values.forEach((v) => h.record(v));
          const sorted = [...values].sort((a, b) => a - b);
          const exact = sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
          expect(Math.abs(h.quantile(q) - exact)).toBeLessThanOrEqual(exact * 0.01);
          expect(h.max).toBe(sorted[sorted.length - 1]);
        },
      ),
    );
  });
  it('resets only what it used and records again', () => {
    const h = new Histogram(5);
    h.record(10);
    h.record(1e6);
    h.reset();
    expect(h.count).toBe(0);
    h.record(3);
    expect(h.quantile(0.5)).toBeCloseTo(3, 1);
  });
});
