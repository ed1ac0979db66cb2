/**
 * Latencies over an interval (a window, a timeline point), each recorded once: at the run's
 * resolution, counted requests (created after warm-up) apart from the others, and merged into
 * the run's histogram when the interval closes, instead of being recorded in the interval's
 * histogram and the run's too. The interval's percentiles come out as a histogram of the
 * coarser chart resolution would give them (`Histogram.quantileAs`), and every sum is kept in
 * the order the values came, so the figures are the same, to the last bit, as recording twice.
 */
import { Histogram, RESULT_SUB_BITS, WINDOW_SUB_BITS } from './histogram.ts';

/** Values held before they are recorded in the histograms (see `Latencies.pending`). */
const PENDING = 128;

export class Latencies {
  /** Counted and not counted values since the interval began (see `pending`). */
  private readonly counted = new Histogram(RESULT_SUB_BITS);
  private readonly uncounted = new Histogram(RESULT_SUB_BITS);
  /**
   * The values not yet in the histograms, counted ones and the others apart. Recorded PENDING at
   * a time, a histogram's buckets stay in cache for the batch, where one record per departure,
   * between other nodes' records, missed them (with live windows every node records: 9 % of the
   * balancer's CPU went to one record a departure). The sums are kept as values come, so only
   * the buckets, counts, minima and maxima wait, none of which depends on the order.
   */
  private readonly pendingCounted = new Float64Array(PENDING);
  private readonly pendingUncounted = new Float64Array(PENDING);
  private nCounted = 0;
  private nUncounted = 0;
  /** The interval's sum in arrival order (a merge of partial sums rounds differently). */
  private sum = 0;

  /**
   * `run`: the histogram this interval's counted values go to when it closes (null: another
   * level feeds it). `outer`: the longer interval this one is part of, which `absorb`s it when
   * it closes. The sums of both are added to as each value comes, in order, as a record would.
   */
  constructor(
    private readonly run: Histogram | null,
    private outer: Latencies | null = null,
  ) {}

  /** The outer interval is this one (a point of one window): it is no longer fed. */
  standAlone(): void {
    this.outer = null;
  }

  /** One latency in ms (negative counts as 0, as `Histogram.record` has it). */
  record(ms: number, counted: boolean): void {
    const v = ms > 0 ? ms : 0;
    this.sum += v;
    if (this.outer !== null) this.outer.sum += v;
    if (counted) {
      this.pendingCounted[this.nCounted++] = v;
      if (this.nCounted === PENDING) this.recordPending();
      if (this.run !== null) this.run.sum += v;
    } else {
      this.pendingUncounted[this.nUncounted++] = v;
      if (this.nUncounted === PENDING) this.recordPending();
    }
  }

  /** The pending values go into the histograms (before anything reads them). */
  private recordPending(): void {
    const nc = this.nCounted;
    for (let i = 0; i < nc; i++) this.counted.record(this.pendingCounted[i]!);
    const nu = this.nUncounted;
    for (let i = 0; i < nu; i++) this.uncounted.record(this.pendingUncounted[i]!);
    this.nCounted = 0;
    this.nUncounted = 0;
  }

  /** Values recorded in this interval. */
  get count(): number {
    return this.counted.count + this.uncounted.count + this.nCounted + this.nUncounted;
  }

  get mean(): number {
    const n = this.count;
    return n > 0 ? this.sum / n : 0;
  }

  /** The interval's `qs`-quantiles (ascending) into `out`, at the charts' resolution. */
  quantiles(qs: Float64Array, out: Float64Array): void {
    this.recordPending();
    this.counted.quantilesAs(qs, WINDOW_SUB_BITS, this.uncounted, out);
  }

  /** Add this interval's values, counted or not, to `h` (the run's resolution), sum too. */
  addTo(h: Histogram): void {
    this.recordPending();
    h.mergeCounts(this.counted);
    h.mergeCounts(this.uncounted);
    h.sum += this.sum;
  }

  /**
   * The interval is over: its counted values join the run's histogram, all of them the outer
   * interval's (whose sum has them already); the next one starts.
   */
  close(): void {
    this.recordPending();
    if (this.outer !== null) {
      this.run?.mergeCounts(this.counted);
      this.outer.counted.mergeCounts(this.counted);
      this.outer.uncounted.mergeCounts(this.uncounted);
      this.clear();
      return;
    }
    // A node's window: its counted values move to the run's histogram in one walk.
    if (this.run !== null) this.run.moveCountsFrom(this.counted);
    this.clear();
  }

  /**
   * The run's histogram as it stands now, the open interval included: the run's own when the
   * interval holds nothing counted (as right after a close), else a merged copy.
   */
  settled(): Histogram {
    const run = this.run!;
    this.recordPending();
    if (this.counted.count === 0) return run;
    const h = run.emptyLike();
    h.mergeCounts(run);
    h.mergeCounts(this.counted);
    h.sum = run.sum;
    return h;
  }

  private clear(): void {
    this.counted.reset();
    this.uncounted.reset();
    this.sum = 0;
  }
}
