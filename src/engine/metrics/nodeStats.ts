/**
 * One node's figures: counts and a latency histogram for counted requests (created after
 * warm-up), the same for the current window, and time integrals of busy workers, available
 * workers and waiting requests (so utilization and mean queue length are true time averages).
 */
import type { Call } from '../call.ts';
import type { ClassStats } from '../classes/classStats.ts';
import { Histogram, RESULT_SUB_BITS } from './histogram.ts';
import { Latencies } from './latencies.ts';
import { REASON_COUNT } from '../reasons.ts';

/** The simulated clock (the kernel), read where a time is needed instead of passed in. */
export interface Clock {
  readonly now: number;
}

/** The time integrals at one instant. */
interface Mark {
  busy: number;
  cap: number;
  queue: number;
  t: number;
}

/** Headless latencies a node holds before recording them (see `NodeStats.pending`). */
const PENDING = 128;

export class NodeStats {
  arrivals = 0;
  ok = 0;
  failed = 0;
  readonly errors = new Float64Array(REASON_COUNT);
  /**
   * The run's latencies (counted requests); with live windows, merged in at window close;
   * headless, recorded from `pending` in batches. Read it through `settledHist()`.
   */
  readonly hist = new Histogram(RESULT_SUB_BITS);
  /**
   * Headless, the latencies not yet in `hist`, in the order they came (so its sum is the same
   * to the last bit). Recorded PENDING at a time, the histogram's buckets stay in cache for the
   * batch, where one record per departure, between other nodes' records, missed them: 4-8 %
   * of the balanced bench's CPU.
   */
  private readonly pending: Float64Array;
  private nPending = 0;
  wArrivals = 0;
  wOk = 0;
  wFailed = 0;
  /**
   * With live windows, the window's latencies (each recorded once: ./latencies.ts), recorded
   * and closed here unless the node is fed (`fedBy`).
   */
  window: Latencies | null;
  /** What feeds `hist` (and `window`) when not this node (see GlobalStats.shareWithClient). */
  private feeder: Latencies | null = null;
  /** With request classes: the same figures class by class (null: the document has none). */
  byClass: ClassStats | null = null;

  // Levels now, and their integrals over time since 0.
  private lastT = 0;
  /** When the departing call's time here began (see `departure`). */
  private since = 0;
  busy = 0;
  capacity = 0;
  queue = 0;
  busyArea = 0;
  capArea = 0;
  queueArea = 0;
  // Integrals at the warm-up mark and at the start of the current window.
  private mark: Mark = { busy: 0, cap: 0, queue: 0, t: 0 };
  private wMark: Mark = { busy: 0, cap: 0, queue: 0, t: 0 };

  /** `liveWindows`: someone reads the window figures; without it only run figures are kept. */
  constructor(
    private readonly clock: Clock,
    liveWindows: boolean,
  ) {
    this.window = liveWindows ? new Latencies(this.hist) : null;
    this.pending = new Float64Array(liveWindows ? 0 : PENDING);
  }

  /**
   * `hist` is fed by `feeder`, not by this node's departures, and the window's latencies are
   * `window` (live windows), which its owner records and closes.
   */
  fedBy(feeder: Latencies, window: Latencies | null): void {
    this.feeder = feeder;
    this.window = window;
  }

  /** The run's latency histogram as it stands now (see Latencies.settled). */
  settledHist(): Histogram {
    if (this.nPending > 0) this.recordPending();
    const open = this.feeder ?? this.window;
    return open === null ? this.hist : open.settled();
  }

  private recordPending(): void {
    const n = this.nPending;
    for (let i = 0; i < n; i++) this.hist.record(this.pending[i]!);
    this.nPending = 0;
  }

  /** Bring the integrals up to time t (seconds). */
  advance(t: number): void {
    const dt = t - this.lastT;
    if (dt > 0) {
      this.busyArea += this.busy * dt;
      this.capArea += this.capacity * dt;
      this.queueArea += this.queue * dt;
      this.lastT = t;
    }
  }
  addBusy(t: number, d: number): void {
    this.advance(t);
    this.busy += d;
  }
  addCapacity(t: number, d: number): void {
    this.advance(t);
    this.capacity += d;
  }
  addQueue(t: number, d: number): void {
    this.advance(t);
    this.queue += d;
  }

  arrival(counted: boolean): void {
    this.wArrivals++;
    if (counted) this.arrivals++;
  }

  /**
   * `c` leaves this node now with `reason` (0 = ok), after its time here (since `arriveT`).
   * The call, not its latency, is passed, and the start of its time here goes to `departed`
   * through the field `since`: V8 boxes a number passed to a function it does not inline, a
   * heap allocation per departure, where a store to a number field writes in place.
   */
  departure(c: Call, reason: number): void {
    this.since = c.arriveT;
    this.departed(c.counted, reason);
    if (this.byClass !== null) this.byClass.done(c, reason);
  }

  /** A root request at its client, end to end (since `rootT`). */
  rootDeparture(root: Call, reason: number): void {
    this.since = root.rootT;
    this.departed(root.counted, reason);
    if (this.byClass !== null) this.byClass.done(root, reason);
  }

  private departed(counted: boolean, reason: number): void {
    if (reason === 0) {
      const ms = (this.clock.now - this.since) * 1000;
      this.wOk++;
      if (counted) this.ok++;
      if (this.feeder !== null) return;
      if (this.window !== null) this.window.record(ms, counted);
      else if (counted) {
        this.pending[this.nPending++] = ms;
        if (this.nPending === PENDING) this.recordPending();
      }
    } else {
      this.wFailed++;
      if (counted) {
        this.failed++;
        this.errors[reason]!++;
      }
    }
  }

  /** Called at warmupS: time averages count from here. */
  markWarmup(t: number): void {
    this.mark = this.markAt(t);
  }

  /** Utilization and mean queue length since warm-up, up to t. */
  averages(t: number): { utilization: number; meanQueueLength: number } {
    const a = this.averagesSince(this.mark, t);
    return { utilization: a.utilization, meanQueueLength: a.queueLength };
  }

  /** Close the current window at t: its averages; then start the next one. */
  closeWindow(t: number): { utilization: number; queueLength: number } {
    const out = this.averagesSince(this.wMark, t);
    this.wMark = this.markAt(t);
    this.wArrivals = 0;
    this.wOk = 0;
    this.wFailed = 0;
    if (this.feeder === null) this.window?.close();
    return out;
  }

  /** The integrals so far, as a mark to average from (brought up to t first). */
  private markAt(t: number): Mark {
    this.advance(t);
    return { busy: this.busyArea, cap: this.capArea, queue: this.queueArea, t };
  }

  /** Busy / available worker time and mean waiting requests between mark m and t. */
  private averagesSince(m: Mark, t: number): { utilization: number; queueLength: number } {
    this.advance(t);
    const cap = this.capArea - m.cap;
    const span = t - m.t;
    return {
      utilization: cap > 0 ? (this.busyArea - m.busy) / cap : 0,
      queueLength: span > 0 ? (this.queueArea - m.queue) / span : 0,
    };
  }
}
