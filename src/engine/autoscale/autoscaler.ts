/**
 * Autoscaling policies for a service (its `autoscale` param), acting through ReplicaSlots.
 *
 * - reactive: every `intervalS`, the utilization over the last interval (busy over available
 *   worker time), or the time-average queue per up replica when `targetQueuePerReplica` is set,
 *   gives desired = ceil(up × measured / target), clamped to [min, max] (the Kubernetes HPA
 *   rule). It acts when desired differs from active + starting and `cooldownS` has passed since
 *   the last action. New replicas serve after `startupS`.
 * - scheduled: at each `[tS, n]` the count becomes n (new ones serve `startupS` later).
 * - predictive: as reactive on utilization, times the ratio of the clients' highest total open
 *   rate over the next `leadS` to their rate during the interval measured, read from their rate
 *   profiles (spike faults are not foreseen).
 */
import type { Autoscale, ScenarioNode } from '../../model/types.ts';
import type { Kernel } from '../kernel.ts';
import type { NodeStats } from '../metrics/nodeStats.ts';
import { RateProfile } from '../nodes/rateProfile.ts';
import { SUB_SCALE, type ReplicaSlots } from './replicaSlots.ts';

/** Points sampled over the look-ahead window for its peak. */
const FORECAST_STEPS = 12;

export class Autoscaler {
  private lastAction = -Infinity;
  private busyMark = 0;
  private capMark = 0;
  private queueMark = 0;
  private tMark = 0;
  private readonly profiles: Array<{ rps: number; profile: RateProfile }> = [];
  actions = 0;

  constructor(
    private readonly k: Kernel,
    private readonly index: number,
    private readonly a: Autoscale,
    private readonly slots: ReplicaSlots,
    private readonly stats: NodeStats,
    nodes: readonly ScenarioNode[],
  ) {
    if (a.mode === 'predictive') {
      for (const n of nodes)
        // The forecast reads the workload, which is the client kind's own params.
        if (n.type === 'client' && n.params.arrival.process !== 'closed')
          this.profiles.push({
            rps: n.params.arrival.rps,
            profile: new RateProfile(n.params.profile),
          });
    }
  }

  start(): void {
    const a = this.a;
    if (a.mode === 'scheduled') {
      a.schedule.forEach(([t], i) => {
        if (t > 0) this.k.scheduleNode(t, this.index, SUB_SCALE, i, 0);
      });
    } else {
      this.k.scheduleNode(a.intervalS, this.index, SUB_SCALE, -1, 0);
    }
  }

  onTick(point: number): void {
    const a = this.a;
    if (a.mode === 'scheduled') {
      const p = a.schedule[point];
      if (p !== undefined) this.act(p[1], a.startupS);
      return;
    }
    this.k.scheduleNode(a.intervalS, this.index, SUB_SCALE, -1, 0);
    const m = this.measure();
    const up = Math.max(1, this.slots.up);
    let desired: number;
    if (a.mode === 'reactive' && a.targetQueuePerReplica !== undefined) {
      desired = Math.ceil((up * (m.queue / up)) / a.targetQueuePerReplica);
    } else {
      const ratio = a.mode === 'predictive' ? this.forecastRatio(a.leadS, a.intervalS) : 1;
      desired = Math.ceil((up * m.utilization * ratio) / a.targetUtilization - 1e-9);
    }
    desired = Math.min(a.max, Math.max(a.min, desired));
    const cooldown = a.mode === 'reactive' ? a.cooldownS : 0;
    if (desired !== this.slots.target && this.k.now - this.lastAction >= cooldown)
      this.act(desired, a.startupS);
  }

  private act(n: number, startupS: number): void {
    if (n === this.slots.target) return;
    this.slots.scaleTo(n, startupS);
    this.lastAction = this.k.now;
    this.actions++;
  }

  /** Utilization and time-average waiting since the last tick. */
  private measure(): { utilization: number; queue: number } {
    const s = this.stats;
    const now = this.k.now;
    s.advance(now);
    const dCap = s.capArea - this.capMark;
    const dt = now - this.tMark;
    const out = {
      utilization: dCap > 0 ? (s.busyArea - this.busyMark) / dCap : 0,
      queue: dt > 0 ? (s.queueArea - this.queueMark) / dt : 0,
    };
    this.busyMark = s.busyArea;
    this.capMark = s.capArea;
    this.queueMark = s.queueArea;
    this.tMark = now;
    return out;
  }

  /**
   * The clients' highest open rate over the next `leadS` over their rate during the interval
   * just measured: the utilization seen then, scaled to the load to come. Looking at the whole
   * window ahead (not only its end) keeps the replicas started for a spike until it has come.
   */
  private forecastRatio(leadS: number, intervalS: number): number {
    const t = this.k.now;
    let measured = 0;
    let peak = 0;
    for (let i = 0; i <= FORECAST_STEPS; i++) {
      let ahead = 0;
      for (const c of this.profiles)
        ahead += c.rps * c.profile.at(t + (leadS * i) / FORECAST_STEPS);
      if (ahead > peak) peak = ahead;
    }
    for (const c of this.profiles) measured += c.rps * c.profile.at(t - intervalS / 2);
    return measured > 0 ? peak / measured : 1;
  }
}
