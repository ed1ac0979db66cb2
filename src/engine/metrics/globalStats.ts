/**
 * The client's view over all clients: end-to-end outcomes of root requests. Kept for the run
 * (counted requests only), for the current window (all, warm-up flagged) and for the current
 * timeline point (which may span several windows when the run is long).
 */
import type { Call } from '../call.ts';
import { Histogram, RESULT_SUB_BITS, WINDOW_SUB_BITS } from './histogram.ts';
import type { Clock } from './nodeStats.ts';
import { REASON_COUNT } from '../reasons.ts';

export class Tally {
  ok = 0;
  failed = 0;
  readonly errors = new Float64Array(REASON_COUNT);
  // Caller policies (src/engine/policies): retries sent, fallback answers given (at any edge),
  // and OK root answers that are not goodput (degraded by a fallback, or past the deadline).
  retries = 0;
  fallbacks = 0;
  notGood = 0;
  readonly hist: Histogram;
  /** False when `hist` is another's that records the same latencies (see useClientHistogram). */
  readonly records: boolean;
  constructor(subBits: number, shared?: Histogram) {
    this.hist = shared ?? new Histogram(subBits);
    this.records = shared === undefined;
  }
  reset(): void {
    this.ok = 0;
    this.failed = 0;
    this.errors.fill(0);
    this.retries = 0;
    this.fallbacks = 0;
    this.notGood = 0;
    this.hist.reset();
  }
}

export class GlobalStats {
  run = new Tally(RESULT_SUB_BITS);
  readonly window = new Tally(WINDOW_SUB_BITS);
  readonly point = new Tally(WINDOW_SUB_BITS);

  /** `liveWindows`: someone reads the window figures; the timeline's points are kept anyway. */
  constructor(
    private readonly clock: Clock,
    private readonly liveWindows: boolean,
  ) {}

  /**
   * The only client's run histogram is this one, value for value: `finishRoot` records the same
   * counted latencies in both, in the same order, when nothing but its own roots departs there.
   * Then it is shared, and each latency recorded once. Call before the run starts.
   */
  useClientHistogram(h: Histogram): void {
    this.run = new Tally(RESULT_SUB_BITS, h);
  }

  /** The latency being counted, passed to `count` in a field (see NodeStats.departure). */
  private ms = 0;

  /** A root request is over now (the call is passed, not its latency: see NodeStats.departure). */
  requestDone(root: Call, reason: number): void {
    this.ms = (this.clock.now - root.rootT) * 1000;
    if (this.liveWindows) this.count(this.window, reason);
    this.count(this.point, reason);
    if (root.counted) this.count(this.run, reason);
  }

  private count(t: Tally, reason: number): void {
    if (reason === 0) {
      t.ok++;
      if (t.records) t.hist.record(this.ms);
    } else {
      t.failed++;
      t.errors[reason]!++;
    }
  }

  retried(counted: boolean): void {
    this.window.retries++;
    this.point.retries++;
    if (counted) this.run.retries++;
  }

  fellBack(counted: boolean): void {
    this.window.fallbacks++;
    this.point.fallbacks++;
    if (counted) this.run.fallbacks++;
  }

  notGoodput(counted: boolean): void {
    this.window.notGood++;
    this.point.notGood++;
    if (counted) this.run.notGood++;
  }
}
