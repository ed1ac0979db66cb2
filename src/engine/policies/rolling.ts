/**
 * Per-edge sliding sums of two counts (e.g. calls and failures) over a rolling window cut into
 * `buckets` equal buckets, as Hystrix and Finagle keep theirs: a count expires when its bucket
 * leaves the window, so the sums cover between (buckets - 1) and buckets bucket widths. All
 * state is in typed arrays allocated once; `add` costs O(1) amortised.
 */
export class RollingPairs {
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  readonly sumA: Float64Array;
  readonly sumB: Float64Array;
  /** Bucket number (floor(t / width)) of each edge's newest bucket. */
  private readonly head: Float64Array;

  constructor(
    n: number,
    private readonly buckets: number,
    /** Bucket width in seconds, per edge (0 for edges that do not use the window). */
    private readonly width: Float64Array,
  ) {
    this.a = new Float64Array(n * buckets);
    this.b = new Float64Array(n * buckets);
    this.sumA = new Float64Array(n);
    this.sumB = new Float64Array(n);
    this.head = new Float64Array(n);
  }

  /** Expire the buckets that left edge i's window by time t. */
  advance(i: number, t: number): void {
    const w = this.width[i]!;
    if (w <= 0) return;
    const cur = Math.floor(t / w);
    const h = this.head[i]!;
    if (cur <= h) return;
    const nb = this.buckets;
    const steps = Math.min(cur - h, nb);
    const base = i * nb;
    for (let s = 1; s <= steps; s++) {
      const slot = base + ((h + s) % nb);
      this.sumA[i]! -= this.a[slot]!;
      this.sumB[i]! -= this.b[slot]!;
      this.a[slot] = 0;
      this.b[slot] = 0;
    }
    this.head[i] = cur;
  }

  add(i: number, t: number, da: number, db: number): void {
    this.advance(i, t);
    const slot = i * this.buckets + (this.head[i]! % this.buckets);
    this.a[slot]! += da;
    this.b[slot]! += db;
    this.sumA[i]! += da;
    this.sumB[i]! += db;
  }

  widthOf(i: number): number {
    return this.width[i]!;
  }

  /** A live change of edge i's bucket width: its window starts afresh. */
  setWidth(i: number, width: number): void {
    this.width[i] = width;
    this.head[i] = 0;
    this.reset(i);
  }

  reset(i: number): void {
    const base = i * this.buckets;
    this.a.fill(0, base, base + this.buckets);
    this.b.fill(0, base, base + this.buckets);
    this.sumA[i] = 0;
    this.sumB[i] = 0;
  }
}
