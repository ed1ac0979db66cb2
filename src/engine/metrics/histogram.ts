/**
 * A log-bucketed latency histogram in the manner of HdrHistogram: values below 2^S units fall
 * in unit-wide buckets, larger ones in 2^S sub-buckets per power of two. With S = 8 a bucket is
 * at most 1/256 of its value wide, and reporting its midpoint puts every percentile within
 * 0.2 % of the exact order statistic. One unit is a nanosecond, so sub-microsecond latencies are
 * exact enough too. Recording is O(1); a percentile walks only the touched index range.
 */
/** Sub-bucket bits for a run's results: buckets 1/256 of their value wide, ≤ 0.2 % error. */
export const RESULT_SUB_BITS = 8;
/** Sub-bucket bits for per-window chart figures: ≤ 1.6 % error, and far cheaper to reset. */
export const WINDOW_SUB_BITS = 5;

export class Histogram {
  private counts: Float64Array;
  private readonly sub: number; // 2^S
  private readonly subBits: number;
  private lowIdx = Infinity;
  private highIdx = -1;
  count = 0;
  sum = 0;
  min = Infinity;
  max = 0;

  constructor(subBits = RESULT_SUB_BITS) {
    this.subBits = subBits;
    this.sub = 1 << subBits;
    this.counts = new Float64Array(this.sub * 24);
  }

  /** Record a value in milliseconds (negative values count as 0). */
  record(ms: number): void {
    const v = ms > 0 ? ms : 0;
    const idx = this.indexOf(v * 1e6);
    if (idx >= this.counts.length) this.grow(idx);
    this.counts[idx]! += 1;
    if (idx < this.lowIdx) this.lowIdx = idx;
    if (idx > this.highIdx) this.highIdx = idx;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /** The value at rank ceil(q·n) (1-based), as its bucket's midpoint clamped to [min, max]. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let acc = 0;
    const counts = this.counts;
    for (let i = this.lowIdx; i <= this.highIdx; i++) {
      acc += counts[i]!;
      if (acc >= rank) {
        const mid = this.midpointOf(i) / 1e6;
        return mid < this.min ? this.min : mid > this.max ? this.max : mid;
      }
    }
    return this.max;
  }

  /** An empty histogram with the same buckets: a base for `quantileSince` and `copyTo`. */
  emptyLike(): Histogram {
    return new Histogram(this.subBits);
  }

  /**
   * The q-quantile of the values recorded since `base` was last brought level by `copyTo`
   * (NaN when none were): a window's percentile read from a run's histogram, with no work per
   * recorded value. Not clamped to the window's own min and max, which are not kept.
   */
  quantileSince(q: number, base: Histogram): number {
    const n = this.count - base.count;
    if (n <= 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * n));
    const counts = this.counts;
    const old = base.counts;
    let acc = 0;
    for (let i = this.lowIdx; i <= this.highIdx; i++) {
      acc += counts[i]! - (i < old.length ? old[i]! : 0);
      if (acc >= rank) return this.midpointOf(i) / 1e6;
    }
    return this.max;
  }

  /** Make `base` hold what this holds (see `quantileSince`). */
  copyTo(base: Histogram): void {
    if (base.counts.length !== this.counts.length)
      base.counts = new Float64Array(this.counts.length);
    base.counts.set(this.counts);
    base.count = this.count;
    base.sum = this.sum;
  }

  /** Empty it, touching only the buckets used since the last reset. */
  reset(): void {
    if (this.highIdx >= 0) this.counts.fill(0, this.lowIdx, this.highIdx + 1);
    this.lowIdx = Infinity;
    this.highIdx = -1;
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = 0;
  }

  private indexOf(x: number): number {
    const sub = this.sub;
    if (x < sub) return Math.floor(x);
    if (x < 2147483648) {
      // Fast path below ~2.1 s: integer bit tricks instead of log2 and pow.
      const xi = x | 0;
      const e = 31 - Math.clz32(xi);
      return (e - this.subBits) * sub + (xi >>> (e - this.subBits));
    }
    let e = Math.floor(Math.log2(x));
    let scale = Math.pow(2, e - this.subBits);
    let mant = Math.floor(x / scale);
    // log2 may round across a power of two: correct by one either way.
    if (mant >= 2 * sub) {
      e++;
      scale *= 2;
      mant = Math.floor(x / scale);
    } else if (mant < sub) {
      e--;
      scale /= 2;
      mant = Math.floor(x / scale);
    }
    return (e - this.subBits) * sub + mant;
  }

  private midpointOf(idx: number): number {
    const sub = this.sub;
    if (idx < sub) return idx + 0.5;
    const e = Math.floor(idx / sub) + this.subBits - 1;
    const mant = idx - (e - this.subBits) * sub;
    const scale = Math.pow(2, e - this.subBits);
    return (mant + 0.5) * scale;
  }

  private grow(idx: number): void {
    let cap = this.counts.length;
    while (cap <= idx) cap *= 2;
    const next = new Float64Array(cap);
    next.set(this.counts);
    this.counts = next;
  }
}
