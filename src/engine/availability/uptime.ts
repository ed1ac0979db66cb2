/**
 * A node's availability: the time it was up, where "up" means at least `minUp` of its replicas
 * are (random failures and crashes both take replicas down). Time-weighted from warm-up for the
 * run's result, and per window for the charts; an incident is a change from up to down.
 */
import type { Kernel } from '../kernel.ts';
import type { NodeResult, NodeWindow } from '../types.ts';

/** A 730-hour month (365 × 24 / 12), in minutes: downtime per month is (1 − A) × this. */
export const MONTH_MIN = 43_800;

/** Availability keeps six decimals: 0.9999 and 0.99995 must read apart. */
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const r2 = (x: number) => Math.round(x * 100) / 100;

export class Uptime {
  private up = true;
  private lastT = 0;
  /** Up time since warm-up, and since the current window began. */
  private upS = 0;
  private wUpS = 0;
  private wFrom = 0;
  private replicasUp: number;
  incidents = 0;

  constructor(
    private readonly k: Kernel,
    readonly replicas: number,
    readonly minUp: number,
  ) {
    this.replicasUp = replicas;
  }

  /** `down` replicas are down now (a crash of the whole node passes a huge number). */
  set(down: number): void {
    this.replicasUp = Math.max(0, this.replicas - down);
    const up = this.replicasUp >= this.minUp;
    if (up === this.up) return;
    this.accrue(this.k.now);
    if (!up && this.k.now >= this.k.warmupS) this.incidents++;
    this.up = up;
  }

  private accrue(t: number): void {
    if (this.up) {
      this.upS += Math.max(0, t - Math.max(this.lastT, this.k.warmupS));
      this.wUpS += t - this.lastT;
    }
    this.lastT = t;
  }

  describe(out: NodeResult | NodeWindow, window: boolean): void {
    const now = this.k.now;
    this.accrue(now);
    if (window) {
      const span = now - this.wFrom;
      out.availability = span > 0 ? r6(this.wUpS / span) : this.up ? 1 : 0;
      (out as NodeWindow).replicasUp = this.replicasUp;
      this.wUpS = 0;
      this.wFrom = now;
      return;
    }
    const span = now - this.k.warmupS;
    const a = span > 0 ? this.upS / span : this.up ? 1 : 0;
    const r = out as NodeResult;
    r.availability = r6(a);
    r.downtimeMinPerMonth = r2((1 - a) * MONTH_MIN);
    if (a < 1) r.nines = r2(-Math.log10(1 - a));
    r.incidents = this.incidents;
  }
}
