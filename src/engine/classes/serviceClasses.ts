/**
 * What request classes change at a service: the service time of each class
 * (`classServiceMs`), and with `priority` its waiting lines by class priority, shedding the
 * lowest priority first and, preemptive-resume, taking a worker from a lower-priority request
 * in its local work (which later resumes where it stopped).
 *
 * Preemption keeps its books in the call's node scratch `aux`: while in service, the time its
 * work ends (the time of its done event, so an event of a preempted service is known stale);
 * while preempted, minus its remaining work in seconds; 0 for work not started or over.
 */
import type { ServiceParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import { Sampler } from '../dists.ts';
import type { Kernel } from '../kernel.ts';
import type { WorkerPool } from '../workerPool.ts';
import { PriorityLine } from './priorityLine.ts';

export class ServiceClasses {
  /** Per class index: its own service time, or null (the service's). */
  private readonly byClass: Array<Sampler | null>;
  readonly preemptive: boolean;
  readonly prioritized: boolean;

  constructor(
    private readonly k: Kernel,
    p: ServiceParams,
  ) {
    const own = p.classServiceMs ?? {};
    this.byClass = k.classes.names.map((name) => {
      const d = own[name];
      return d === undefined ? null : new Sampler(d, k.rng);
    });
    this.prioritized = p.priority !== undefined && k.classes.count > 0;
    this.preemptive = this.prioritized && p.priority === 'preemptiveResume';
  }

  /** A line by priority for each pool, when the service serves by priority. */
  lines(pools: readonly WorkerPool[]): void {
    if (this.prioritized) for (const pool of pools) pool.prioritize(new PriorityLine(this.k));
  }

  /** Seconds of local work `c` has ahead: its remaining work when resumed, else a fresh draw. */
  workS(c: Call, svc: Sampler, slow: number): number {
    if (c.aux < 0) return -c.aux;
    return ((this.byClass[c.cls] ?? svc).sample() * slow) / 1000;
  }

  /** `c`'s work runs now for `delayS`: its done event will be at `aux`. */
  started(c: Call, delayS: number): void {
    if (this.preemptive) c.aux = this.k.now + delayS;
  }

  /** A done event for `c` now: false if stale (it was preempted since), else its work is over. */
  done(c: Call): boolean {
    if (!this.preemptive) return true;
    if (c.aux !== this.k.now) return false;
    c.aux = 0;
    return true;
  }

  /**
   * `c` finds every worker of `pool` busy: preemptive, the holder in local work with the lowest
   * priority below `c`'s gives its worker back and waits first of its level. True if one did.
   */
  preemptFor(pool: WorkerPool, c: Call): boolean {
    const calls = this.k.pool.calls;
    const prio = this.k.classes.priority;
    let worst = prio[c.cls]!;
    let victim: Call | null = null;
    for (let i = 0; i < pool.busy; i++) {
      const h = calls[pool.holderAt(i)]!;
      const level = prio[h.cls]!;
      if (level > worst && h.aux > 0) {
        worst = level;
        victim = h;
      }
    }
    if (victim === null) return false;
    victim.aux = -(victim.aux - this.k.now);
    pool.preempt(victim);
    return true;
  }

  /**
   * The line is at its shedding length when `c` arrives: the newest waiting call of a lower
   * priority than `c`'s is shed instead of `c` (its id, for the caller to answer once `c` is
   * queued), or -1: `c` is the one shed.
   */
  shedLower(pool: WorkerPool, c: Call): number {
    const line = pool.priorityLine;
    if (line === null || line.lowestLevel() <= this.k.classes.priority[c.cls]!) return -1;
    return pool.takeLowest();
  }
}
