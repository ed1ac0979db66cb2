/**
 * Per-edge counts of what the caller policies did, for the run (counted requests only) and
 * for the current window (all requests), in typed arrays indexed by edge.
 */
import type { EdgeResult, EdgeWindow } from '../types.ts';

const RETRIES = 0;
const BUDGET_DENIED = 1;
const FALLBACKS = 2;
const REFUSED = 3;
const OPENS = 4;
const KINDS = 5;
export const COUNT = { RETRIES, BUDGET_DENIED, FALLBACKS, REFUSED, OPENS } as const;

export class EdgeCounters {
  private readonly run: Float64Array;
  private readonly win: Float64Array;

  constructor(n: number) {
    this.run = new Float64Array(n * KINDS);
    this.win = new Float64Array(n * KINDS);
  }

  add(edge: number, kind: number, counted: boolean): void {
    const j = edge * KINDS + kind;
    this.win[j]!++;
    if (counted) this.run[j]!++;
  }

  /** Write edge i's counts into `out` (zeros left out); a window's counts then restart. */
  describe(i: number, out: EdgeWindow | EdgeResult, window: boolean): void {
    const a = window ? this.win : this.run;
    const j = i * KINDS;
    if (a[j + RETRIES]! > 0) out.retries = a[j + RETRIES]!;
    if (a[j + BUDGET_DENIED]! > 0) out.budgetDenied = a[j + BUDGET_DENIED]!;
    if (a[j + FALLBACKS]! > 0) out.fallbacks = a[j + FALLBACKS]!;
    if (a[j + REFUSED]! > 0) out.refused = a[j + REFUSED]!;
    if (a[j + OPENS]! > 0) out.breakerOpens = a[j + OPENS]!;
    if (window) this.win.fill(0, j, j + KINDS);
  }
}
