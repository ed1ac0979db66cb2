/**
 * The client's view over all clients: end-to-end outcomes of root requests. Kept for the run
 * (counted requests only), for the current window (all, warm-up flagged) and for the current
 * timeline point (which may span several windows when the run is long).
 */
import { Histogram } from './histogram.ts';
import { REASON_COUNT } from '../reasons.ts';

export class Tally {
  ok = 0;
  failed = 0;
  readonly errors = new Float64Array(REASON_COUNT);
  readonly hist: Histogram;
  constructor(subBits: number) {
    this.hist = new Histogram(subBits);
  }
  add(reason: number, ms: number): void {
    if (reason === 0) {
      this.ok++;
      this.hist.record(ms);
    } else {
      this.failed++;
      this.errors[reason]!++;
    }
  }
  reset(): void {
    this.ok = 0;
    this.failed = 0;
    this.errors.fill(0);
    this.hist.reset();
  }
}

export class GlobalStats {
  readonly run = new Tally(8);
  readonly window = new Tally(5);
  readonly point = new Tally(5);

  requestDone(counted: boolean, reason: number, ms: number): void {
    this.window.add(reason, ms);
    this.point.add(reason, ms);
    if (counted) this.run.add(reason, ms);
  }
}
