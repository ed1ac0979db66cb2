/**
 * A client's rate multiplier over time: `[[tS, mult], …]`, linear between points, flat before
 * the first and after the last. Reads advance monotonically in time, so a cursor makes each
 * lookup O(1) amortised.
 */
export class RateProfile {
  private readonly ts: number[];
  private readonly ms: number[];
  private cursor = 0;
  readonly max: number;

  constructor(points: ReadonlyArray<readonly [number, number]>) {
    const sorted = [...points].sort((a, b) => a[0] - b[0]);
    this.ts = sorted.map((p) => p[0]);
    this.ms = sorted.map((p) => p[1]);
    this.max = this.ms.length === 0 ? 1 : Math.max(...this.ms);
  }

  /** The multiplier at time t (seconds). */
  at(t: number): number {
    const ts = this.ts;
    const n = ts.length;
    if (n === 0) return 1;
    if (t <= ts[0]!) return this.ms[0]!;
    if (t >= ts[n - 1]!) return this.ms[n - 1]!;
    if (t < ts[this.cursor]!) this.cursor = 0;
    while (ts[this.cursor + 1]! <= t) this.cursor++;
    const i = this.cursor;
    const t0 = ts[i]!;
    const t1 = ts[i + 1]!;
    const m0 = this.ms[i]!;
    return m0 + ((this.ms[i + 1]! - m0) * (t - t0)) / (t1 - t0);
  }

  /** When the rate is zero at t: the next time it may be positive (Infinity if never). */
  nextPositiveAfter(t: number): number {
    const ts = this.ts;
    for (let i = 0; i < ts.length; i++) {
      if (ts[i]! > t && this.ms[i]! > 0) {
        // The segment into point i rises from zero: probe finely inside it.
        return i > 0 && ts[i - 1]! <= t ? Math.min(ts[i]!, t + 0.01) : ts[i]!;
      }
    }
    return Infinity;
  }
}
