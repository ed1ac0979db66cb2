/**
 * A service's concurrency limit per replica (src/model/kinds/concurrencyLimit.ts for the
 * params): `admits` is asked on every arrival with the replica's requests present (busy +
 * waiting), `sample` on every answer with its time from arrival to answer.
 *
 * AIMD grows by 1/limit per fast answer (so +1 per round trip of a full limit) and cuts by
 * `backoffRatio` on a slow or failed one, at most once per round trip: the answers of the
 * requests admitted before a cut report the old overload and must not cut again. Vegas steps by
 * ±1/limit per answer from its estimate of the queue, on a smoothed round trip (with exponential
 * service times the single shortest answer is far below the no-queue round trip, and would read
 * as a standing queue). Neither grows while under half the limit
 * is in use (nothing was learnt about a higher limit). Typed arrays, nothing allocated per call.
 */
import type { ConcurrencyLimit } from '../../model/kinds/concurrencyLimit.ts';

const FIXED = 0;
const AIMD = 1;
const VEGAS = 2;
/** Vegas averages the round trip over this many limits' worth of answers: with exponential
 *  service times, over one limit's worth the average still strays far below its mean now and
 *  then, and its lowest would read as a standing queue that is not there. */
const SMOOTHING = 10;

export class ConcurrencyLimiter {
  private algorithm = FIXED;
  private readonly limit: Float64Array;
  /** Vegas: the round trip smoothed over SMOOTHING limits' worth of answers (s), so that
   *  lucky short services do not pass for the round trip with no queue. */
  private readonly rtt: Float64Array;
  /** Vegas: answers averaged into `rtt` so far (its lowest counts once the average has settled). */
  private readonly samples: Float64Array;
  /** Vegas: the lowest smoothed round trip seen, taken as the one with no queue (s). */
  private readonly minRtt: Float64Array;
  /** AIMD: when the limit was last cut (s). */
  private readonly lastCut: Float64Array;
  /** Σ over replicas of ⌊limit⌋, kept as limits change: the mean is O(1) on the hot path. */
  private sum = 0;
  /** The time-average since warm-up: ∫ mean limit dt, and when it was last added to. */
  private area = 0;
  private areaT: number;
  private p!: ConcurrencyLimit;

  constructor(
    p: ConcurrencyLimit,
    private readonly replicas: number,
    private readonly warmupS: number,
  ) {
    this.limit = new Float64Array(replicas);
    this.rtt = new Float64Array(replicas);
    this.samples = new Float64Array(replicas);
    this.minRtt = new Float64Array(replicas).fill(Infinity);
    this.lastCut = new Float64Array(replicas).fill(-Infinity);
    this.areaT = warmupS;
    this.set(p, 0);
  }

  /** New params (live): every replica restarts from the initial limit. */
  set(p: ConcurrencyLimit, now: number): void {
    this.accumulate(now);
    this.p = p;
    this.algorithm = p.algorithm === 'aimd' ? AIMD : p.algorithm === 'vegas' ? VEGAS : FIXED;
    this.limit.fill(p.initial);
    this.sum = p.initial * this.replicas;
    this.rtt.fill(0);
    this.samples.fill(0);
    this.minRtt.fill(Infinity);
  }

  /** May replica r, with `present` requests in it, take one more? */
  admits(r: number, present: number): boolean {
    return present < Math.floor(this.limit[r]!);
  }

  /** An answer from replica r after `rttS` (arrival to answer), with `present` in it then. */
  sample(r: number, rttS: number, failed: boolean, present: number, now: number): void {
    const a = this.algorithm;
    if (a === FIXED) return;
    const p = this.p;
    const limit = this.limit[r]!;
    let next = limit;
    if (a === AIMD) {
      if (failed || rttS * 1000 > p.latencyThresholdMs) {
        if (now - this.lastCut[r]! >= rttS) {
          next = limit * p.backoffRatio;
          this.lastCut[r] = now;
        }
      } else if (2 * present >= limit) next = limit + 1 / limit;
    } else {
      let rtt = this.rtt[r]!;
      if (!failed) {
        const n = ++this.samples[r]!;
        // A plain mean until the average spans SMOOTHING limits, then exponential.
        rtt += (rttS - rtt) / Math.min(n, SMOOTHING * limit);
        this.rtt[r] = rtt;
        if (n >= SMOOTHING * limit && rtt < this.minRtt[r]!) this.minRtt[r] = rtt;
      }
      // Until there is a no-queue round trip to compare with, it only learns.
      if (this.minRtt[r] === Infinity) return;
      const queue = failed ? Infinity : limit * (1 - this.minRtt[r]! / rtt);
      if (queue > p.beta) next = limit - 1 / limit;
      else if (queue < p.alpha && 2 * present >= limit) next = limit + 1 / limit;
    }
    if (next === limit) return;
    next = next < p.min ? p.min : next > p.max ? p.max : next;
    const step = Math.floor(next) - Math.floor(limit);
    if (step !== 0) {
      this.accumulate(now);
      this.sum += step;
    }
    this.limit[r] = next;
  }

  /** The mean limit over the replicas `active` says serve (0 when none does). */
  mean(active: (r: number) => boolean): number {
    let sum = 0;
    let n = 0;
    for (let r = 0; r < this.replicas; r++) {
      if (!active(r)) continue;
      sum += Math.floor(this.limit[r]!);
      n++;
    }
    return n === 0 ? 0 : sum / n;
  }

  /** The time-average of the mean limit (over all replica slots) since warm-up. */
  average(now: number): number {
    this.accumulate(now);
    const span = now - this.warmupS;
    return span > 0 ? this.area / span : this.sum / this.replicas;
  }

  private accumulate(now: number): void {
    if (now <= this.areaT) return;
    this.area += (this.sum / this.replicas) * (now - this.areaT);
    this.areaT = now;
  }
}
