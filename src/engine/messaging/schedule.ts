/**
 * A scheduled job source (a client's `schedule`): its bursts and their makespans. A job belongs
 * to the burst whose tick is the last at or before its send time (`rootT`): the jitter is
 * shorter than the interval, so no job is sent after the next tick. A burst's makespan runs from
 * its tick to the answer of its last job (ok or failed). The per-burst counts grow by doubling,
 * once per so many bursts, never per job.
 */
import type { ClientParams } from '../../model/types.ts';
import type { Kernel } from '../kernel.ts';
import { Histogram, RESULT_SUB_BITS } from '../metrics/histogram.ts';
import { r4, summarize } from '../metrics/summary.ts';
import type { NodeResult, NodeWindow } from '../types.ts';

type Schedule = NonNullable<ClientParams['schedule']>;

export class ScheduledJobs {
  readonly everyS: number;
  readonly firstS: number;
  readonly jobs: number;
  readonly jitterS: number;
  /** Per burst: jobs not answered yet. */
  private open = new Int32Array(16);
  private readonly makespans = new Histogram(RESULT_SUB_BITS);
  private lastMs = NaN;

  constructor(
    private readonly k: Kernel,
    s: Schedule,
  ) {
    this.everyS = s.everyS;
    this.firstS = s.firstS;
    this.jobs = s.jobs;
    this.jitterS = s.jitterMs / 1000;
  }

  /** The tick of burst `b`. */
  tickOf(b: number): number {
    return this.firstS + b * this.everyS;
  }

  /** Burst `b` goes now. */
  started(b: number): void {
    if (b >= this.open.length) {
      const grown = new Int32Array(this.open.length * 2);
      grown.set(this.open);
      this.open = grown;
    }
    this.open[b] = this.jobs;
  }

  /** A job sent at `rootT` was answered now. */
  answered(rootT: number): void {
    const b = Math.floor((rootT - this.firstS) / this.everyS + 1e-9);
    if (b < 0 || b >= this.open.length || --this.open[b]! !== 0) return;
    const ms = (this.k.now - this.tickOf(b)) * 1000;
    this.lastMs = ms;
    // Counted as the requests are: bursts whose tick is after warm-up.
    if (this.tickOf(b) >= this.k.warmupS) this.makespans.record(ms);
  }

  describe(out: NodeResult | NodeWindow, window: boolean): void {
    if (window) {
      if (!Number.isNaN(this.lastMs)) out.lastMakespanMs = r4(this.lastMs);
      return;
    }
    const r = out as NodeResult;
    r.bursts = this.makespans.count;
    r.makespanMs = summarize(this.makespans);
  }
}
