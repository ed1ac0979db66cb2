/**
 * The client's view over all clients: end-to-end outcomes of root requests. Kept for the run
 * (counted requests only), for the current window (all, warm-up flagged) and for the current
 * timeline point (which may span several windows when the run is long). Each latency is
 * recorded once, in the shortest interval kept, and merged into the longer ones when it closes
 * (./latencies.ts).
 */
import type { Call } from '../call.ts';
import type { ClassStats } from '../classes/classStats.ts';
import type { RegionStats } from './regionStats.ts';
import { Histogram, RESULT_SUB_BITS } from './histogram.ts';
import { Latencies } from './latencies.ts';
import type { Clock, NodeStats } from './nodeStats.ts';
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
  reset(): void {
    this.ok = 0;
    this.failed = 0;
    this.errors.fill(0);
    this.retries = 0;
    this.fallbacks = 0;
    this.notGood = 0;
  }
}

export class GlobalStats {
  readonly run = new Tally();
  readonly window = new Tally();
  readonly point = new Tally();
  /** The run's latencies (counted requests), merged in as each interval closes. */
  private runHist = new Histogram(RESULT_SUB_BITS);
  /** The point's latencies; with live windows, the window's, which the point takes in. */
  pointLatencies!: Latencies;
  windowLatencies!: Latencies | null;
  /** Where each latency is recorded: the shortest interval kept. */
  private first!: Latencies;
  /** With request classes: every client's requests class by class, end to end. */
  byClass: ClassStats | null = null;
  /** With `regions`: each region's users, read from its clients' figures. */
  byRegion: RegionStats | null = null;

  /** `liveWindows`: someone reads the window figures; the timeline's points are kept anyway. */
  constructor(
    private readonly clock: Clock,
    private readonly liveWindows: boolean,
  ) {
    this.intervals();
  }

  private intervals(): void {
    const live = this.liveWindows;
    this.pointLatencies = new Latencies(live ? null : this.runHist);
    this.windowLatencies = live ? new Latencies(this.runHist, this.pointLatencies) : null;
    this.first = this.windowLatencies ?? this.pointLatencies;
  }

  /**
   * The only client's departures are exactly the requests' end to end, value for value and in
   * the same order, when nothing but its own roots departs there. The client's run histogram
   * is then this one's, and its window's latencies (live windows) this one's window's: each
   * latency recorded once. Call before the run starts.
   */
  shareWithClient(client: NodeStats): void {
    this.runHist = client.hist;
    this.intervals();
    client.fedBy(this.first, this.windowLatencies);
  }

  /**
   * With live windows, each timeline point is one window: the point's figures are the window's
   * (`Windows`), so the window's latencies no longer feed the point's.
   */
  onePointAWindow(): void {
    this.windowLatencies?.standAlone();
  }

  /** The run's latency histogram as it stands now (see Latencies.settled). */
  settledRun(): Histogram {
    return this.first.settled();
  }

  /** A root request is over now (the call is passed, not its latency: see NodeStats.departure). */
  requestDone(root: Call, reason: number): void {
    const counted = root.counted;
    if (this.liveWindows) count(this.window, reason);
    count(this.point, reason);
    if (counted) count(this.run, reason);
    if (reason === 0) this.first.record((this.clock.now - root.rootT) * 1000, counted);
    if (this.byClass !== null) this.byClass.done(root, reason);
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

function count(t: Tally, reason: number): void {
  if (reason === 0) t.ok++;
  else {
    t.failed++;
    t.errors[reason]!++;
  }
}
