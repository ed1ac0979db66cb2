/**
 * The alert rules' conditions, evaluated once per timeline point (at its close, in simulated
 * time, so a run gives the same alerts headless and in the browser). Each returns, per point,
 * whether it holds and the figure and reason; the monitor turns changes into events.
 */
import { OBJECTIVE_METRICS } from '../../model/objectiveMetrics.ts';
import { ALERT_DEFAULTS, marginOf } from '../../model/objectives.ts';
import type { AlertRule, Objective } from '../../model/types.ts';

export interface Verdict {
  holds: boolean;
  value: number;
  reason: string;
}

/** The objective's target breached by a value. */
export function breaches(o: Objective, v: number): boolean {
  return marginOf(o, v) < 0;
}

const fmt = (v: number): string => String(Number(v.toPrecision(4)));

export function targetText(o: Objective): string {
  if (o.min !== undefined && o.max !== undefined) return `${fmt(o.min)} to ${fmt(o.max)}`;
  return o.max !== undefined ? `≤ ${fmt(o.max)}` : `≥ ${fmt(o.min!)}`;
}

const metricName = (o: Objective): string =>
  `${o.metric}${o.node !== undefined ? ` at ${o.node}` : ''}`;

/** Breach of the target in a point, held for `forS` seconds. */
export class ThresholdCheck {
  private since = NaN;
  constructor(
    private readonly o: Objective,
    private readonly forS: number,
  ) {}

  update(startS: number, endS: number, v: number): Verdict | null {
    if (Number.isNaN(v)) return null;
    if (!breaches(this.o, v)) {
      this.since = NaN;
      return {
        holds: false,
        value: v,
        reason: `${metricName(this.o)} ${fmt(v)} within ${targetText(this.o)}`,
      };
    }
    if (Number.isNaN(this.since)) this.since = startS;
    const held = endS - this.since;
    return {
      holds: held >= this.forS - 1e-9,
      value: v,
      reason: `${metricName(this.o)} ${fmt(v)} breaches ${targetText(this.o)}${this.forS > 0 ? ` for ${fmt(held)} s` : ''}`,
    };
  }
}

/**
 * Deviation from a learned baseline: an exponentially weighted mean and variance of the
 * metric's point values; the z-score of a new point, in the bad direction only. The baseline
 * learns from points that do not fire (so a lasting anomaly is not learned as normal), after
 * `learnS` seconds of learning only. A standard deviation below 1 % of the mean counts as 1 %:
 * a flat metric's noise does not fire.
 */
export class AnomalyCheck {
  private mean = NaN;
  private variance = 0;
  private learnedS = 0;
  private readonly zMax: number;
  private readonly alpha: number;
  private readonly learnS: number;
  private readonly sign: number;

  constructor(
    private readonly o: Objective,
    rule: AlertRule,
  ) {
    this.zMax = rule.z ?? ALERT_DEFAULTS.z;
    this.alpha = rule.alpha ?? ALERT_DEFAULTS.alpha;
    this.learnS = rule.learnS ?? ALERT_DEFAULTS.learnS;
    this.sign = OBJECTIVE_METRICS[o.metric].better === 'lower' ? 1 : -1;
  }

  update(lengthS: number, v: number): Verdict | null {
    if (Number.isNaN(v)) return null;
    if (Number.isNaN(this.mean)) {
      this.mean = v;
      this.learnedS = lengthS;
      return null;
    }
    const sd = Math.max(Math.sqrt(this.variance), 0.01 * Math.abs(this.mean), 1e-12);
    const z = (this.sign * (v - this.mean)) / sd;
    const learning = this.learnedS < this.learnS - 1e-9;
    const holds = !learning && z > this.zMax;
    if (!holds) this.learn(v, lengthS);
    return {
      holds,
      value: z,
      reason: `${metricName(this.o)} ${fmt(v)} is ${fmt(z)} standard deviations ${this.sign > 0 ? 'above' : 'below'} its baseline ${fmt(this.mean)} (fires above ${fmt(this.zMax)})`,
    };
  }

  private learn(v: number, lengthS: number): void {
    const diff = v - this.mean;
    const incr = this.alpha * diff;
    this.mean += incr;
    this.variance = (1 - this.alpha) * (this.variance + diff * incr);
    this.learnedS += lengthS;
  }
}

/**
 * A trend that will cross the target: a least-squares line through the point values of the last
 * `lookbackS` seconds (once at least half of them are there), extended `horizonS` ahead. Fires
 * when the line, moving the bad way, is past the target at the horizon; the reason says when it
 * crosses. Hysteresis: a noisy trend near the target crosses the horizon back and forth every
 * few seconds, so once firing it holds until the forecast has stayed inside the target for
 * `clearS` seconds in a row.
 */
export class PredictiveCheck {
  private readonly ts: number[] = [];
  private readonly vs: number[] = [];
  private readonly horizonS: number;
  private readonly lookbackS: number;
  private readonly clearS: number;
  private firing = false;
  /** While firing: the end of the last point whose forecast breached. */
  private lastBreachS = NaN;

  constructor(
    private readonly o: Objective,
    rule: AlertRule,
  ) {
    this.horizonS = rule.horizonS ?? ALERT_DEFAULTS.horizonS;
    this.lookbackS = rule.lookbackS ?? ALERT_DEFAULTS.lookbackS;
    this.clearS = rule.clearS ?? ALERT_DEFAULTS.clearS;
  }

  update(endS: number, v: number): Verdict | null {
    if (!Number.isNaN(v)) {
      this.ts.push(endS);
      this.vs.push(v);
    }
    while (this.ts.length > 0 && this.ts[0]! <= endS - this.lookbackS - 1e-9) {
      this.ts.shift();
      this.vs.shift();
    }
    const n = this.ts.length;
    // A line through a few noisy points predicts nothing: wait for half the lookback.
    if (n < 3 || this.ts[n - 1]! - this.ts[0]! < this.lookbackS / 2) return null;
    let st = 0;
    let sv = 0;
    for (let i = 0; i < n; i++) {
      st += this.ts[i]!;
      sv += this.vs[i]!;
    }
    const mt = st / n;
    const mv = sv / n;
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      num += (this.ts[i]! - mt) * (this.vs[i]! - mv);
      den += (this.ts[i]! - mt) ** 2;
    }
    const slope = den > 0 ? num / den : 0;
    const at = (t: number): number => mv + slope * (t - mt);
    const ahead = at(endS + this.horizonS);
    const worse = OBJECTIVE_METRICS[this.o.metric].better === 'lower' ? slope > 0 : slope < 0;
    const breach = worse && breaches(this.o, ahead);
    if (breach) this.lastBreachS = endS;
    const clearFor = endS - this.lastBreachS;
    const holds = breach || (this.firing && clearFor < this.clearS - 1e-9);
    this.firing = holds;
    const limit = this.o.max !== undefined && slope > 0 ? this.o.max : this.o.min;
    const crossS = limit !== undefined && slope !== 0 ? mt + (limit - mv) / slope : NaN;
    const when =
      Number.isFinite(crossS) && crossS > endS
        ? `crosses ${fmt(limit!)} at ≈ ${fmt(crossS)} s (in ${fmt(crossS - endS)} s)`
        : `${fmt(ahead)} in ${fmt(this.horizonS)} s`;
    const clearing =
      holds && !breach ? `; inside the target for ${fmt(clearFor)} of ${fmt(this.clearS)} s` : '';
    return {
      holds,
      value: ahead,
      reason: `${metricName(this.o)} trend ${slope >= 0 ? '+' : ''}${fmt(slope)} per s over ${fmt(this.lookbackS)} s: ${when}${clearing}`,
    };
  }
}
