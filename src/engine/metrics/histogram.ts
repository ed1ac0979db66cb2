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

/** Fine buckets per group: a walk for a percentile skips whole groups (see `groups`). */
const GROUP_BITS = 3;

export class Histogram {
  private counts: Float64Array;
  /**
   * Counts per group of 2^GROUP_BITS consecutive buckets, so a percentile walks groups, then one
   * group's buckets: at 8 sub-bucket bits as cheap as a walk at 5 (`quantileAs`).
   */
  private groups: Float64Array;
  /**
   * A bit for each group that holds a value (32 groups a word), so a merge, a reset and a
   * percentile visit the groups in use, not the whole range between the least and the greatest:
   * a window of 80 requests at M/M/1 touches some 60 of its 375 groups.
   */
  private used: Int32Array;
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
    this.groups = new Float64Array((this.sub * 24) >> GROUP_BITS);
    this.used = new Int32Array(wordsFor(this.groups.length));
  }

  /** Record a value in milliseconds (negative values count as 0). */
  record(ms: number): void {
    const v = ms > 0 ? ms : 0;
    const idx = this.indexOf(v * 1e6);
    if (idx >= this.counts.length) this.grow(idx);
    this.counts[idx]! += 1;
    const g = idx >> GROUP_BITS;
    this.groups[g]! += 1;
    this.used[g >> 5]! |= 1 << (g & 31);
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
    if (this.highIdx >= 0) {
      const counts = this.counts;
      const groups = this.groups;
      const used = this.used;
      const last = (this.highIdx >> GROUP_BITS) >> 5;
      for (let w = (this.lowIdx >> GROUP_BITS) >> 5; w <= last; w++) {
        let bits = used[w]!;
        used[w] = 0;
        while (bits !== 0) {
          const low = bits & -bits;
          bits ^= low;
          const g = (w << 5) + 31 - Math.clz32(low);
          groups[g] = 0;
          const end = (g + 1) << GROUP_BITS;
          for (let i = g << GROUP_BITS; i < end; i++) counts[i] = 0;
        }
      }
    }
    this.clearTotals();
  }

  /** The figures beside the counts, as a new histogram has them. */
  private clearTotals(): void {
    this.lowIdx = Infinity;
    this.highIdx = -1;
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = 0;
  }

  /**
   * Add what `from` holds (same sub-bucket bits) but its sum, which the caller keeps in the
   * order the values came (a sum of partial sums rounds differently).
   */
  mergeCounts(from: Histogram): void {
    this.take(from, false);
  }

  /** `mergeCounts` from `from`, which is left empty (`reset`) by the same walk. */
  moveCountsFrom(from: Histogram): void {
    this.take(from, true);
    from.clearTotals();
  }

  private take(from: Histogram, empty: boolean): void {
    if (from.count === 0) return;
    if (from.highIdx >= this.counts.length) this.grow(from.highIdx);
    const fc = from.counts;
    const fg = from.groups;
    const fu = from.used;
    const counts = this.counts;
    const groups = this.groups;
    const used = this.used;
    const last = (from.highIdx >> GROUP_BITS) >> 5;
    for (let w = (from.lowIdx >> GROUP_BITS) >> 5; w <= last; w++) {
      let bits = fu[w]!;
      if (bits === 0) continue;
      used[w]! |= bits;
      if (empty) fu[w] = 0;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const g = (w << 5) + 31 - Math.clz32(low);
        groups[g]! += fg[g]!;
        const end = (g + 1) << GROUP_BITS;
        if (empty) {
          fg[g] = 0;
          for (let i = g << GROUP_BITS; i < end; i++) {
            counts[i]! += fc[i]!;
            fc[i] = 0;
          }
        } else for (let i = g << GROUP_BITS; i < end; i++) counts[i]! += fc[i]!;
      }
    }
    if (from.lowIdx < this.lowIdx) this.lowIdx = from.lowIdx;
    if (from.highIdx > this.highIdx) this.highIdx = from.highIdx;
    this.count += from.count;
    if (from.min < this.min) this.min = from.min;
    if (from.max > this.max) this.max = from.max;
  }

  /**
   * The q-quantile of this and `other` together (same sub-bucket bits; `other` may be empty),
   * exactly as one histogram of the coarser `subBits` holding the same values reports it: a
   * coarse bucket is a run of whole fine ones, so the rank falls in the same coarse bucket.
   */
  quantileAs(q: number, subBits: number, other: Histogram): number {
    ONE_Q[0] = q;
    this.quantilesAs(ONE_Q, subBits, other, ONE_OUT);
    return ONE_OUT[0]!;
  }

  /**
   * `quantileAs` for each of `qs` (ascending) into `out`, in one walk over the groups in use.
   */
  quantilesAs(qs: Float64Array, subBits: number, other: Histogram, out: Float64Array): void {
    const nq = qs.length;
    const count = this.count + other.count;
    if (count === 0) {
      out.fill(0, 0, nq);
      return;
    }
    const both = other.count > 0;
    const lo = both && other.lowIdx < this.lowIdx ? other.lowIdx : this.lowIdx;
    const hi = both && other.highIdx > this.highIdx ? other.highIdx : this.highIdx;
    const min = both && other.min < this.min ? other.min : this.min;
    const max = both && other.max > this.max ? other.max : this.max;
    let j = 0;
    let rank = Math.max(1, Math.ceil(qs[0]! * count));
    let acc = 0;
    const last = (hi >> GROUP_BITS) >> 5;
    for (let w = (lo >> GROUP_BITS) >> 5; w <= last && j < nq; w++) {
      let bits = this.usedAt(w) | (both ? other.usedAt(w) : 0);
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const g = (w << 5) + 31 - Math.clz32(low);
        const n = this.groupAt(g) + (both ? other.groupAt(g) : 0);
        if (acc + n < rank) {
          acc += n;
          continue;
        }
        for (let i = g << GROUP_BITS; j < nq; i++) {
          acc += this.countAt(i) + (both ? other.countAt(i) : 0);
          while (acc >= rank) {
            const mid = coarseMidpoint(i, this.subBits, subBits) / 1e6;
            out[j++] = mid < min ? min : mid > max ? max : mid;
            if (j === nq) return;
            rank = Math.max(1, Math.ceil(qs[j]! * count));
          }
          if (i === ((g + 1) << GROUP_BITS) - 1) break;
        }
        if (j === nq) return;
      }
    }
    out.fill(max, j, nq);
  }

  private usedAt(w: number): number {
    return w < this.used.length ? this.used[w]! : 0;
  }

  private groupAt(g: number): number {
    return g < this.groups.length ? this.groups[g]! : 0;
  }

  private countAt(i: number): number {
    return i < this.counts.length ? this.counts[i]! : 0;
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
    const groups = new Float64Array(cap >> GROUP_BITS);
    groups.set(this.groups);
    this.groups = groups;
    const used = new Int32Array(wordsFor(groups.length));
    used.set(this.used);
    this.used = used;
  }
}

/** Scratch for `quantileAs`: one quantile through `quantilesAs`. */
const ONE_Q = new Float64Array(1);
const ONE_OUT = new Float64Array(1);

/** Words of the bitmap for `groups` groups. */
function wordsFor(groups: number): number {
  return (groups + 31) >> 5;
}

/**
 * The midpoint (in units) of the bucket of `coarseBits` sub-bucket bits that holds fine bucket
 * `fine` of a histogram of `fineBits`: the fine bucket's lowest value, bucketed coarsely.
 */
function coarseMidpoint(fine: number, fineBits: number, coarseBits: number): number {
  const fineSub = 1 << fineBits;
  let e: number;
  let mant: number;
  if (fine < fineSub) {
    // A unit-wide fine bucket: its value `fine` falls in the coarse one as a value would.
    if (fine < 1 << coarseBits) return fine + 0.5;
    e = 31 - Math.clz32(fine);
    mant = fine >>> (e - coarseBits);
  } else {
    e = Math.floor(fine / fineSub) + fineBits - 1;
    mant = (fine - (e - fineBits) * fineSub) >>> (fineBits - coarseBits);
  }
  return (mant + 0.5) * Math.pow(2, e - coarseBits);
}
