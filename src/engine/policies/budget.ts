/**
 * Retry budget (`retry.budgetRatio`): over a rolling 10 s window, retries on an edge may be at
 * most `budgetRatio` × the first tries on it. This is Finagle's RetryBudget (deposits that
 * expire after a TTL of 10 s) without its minimum reserve: every first try deposits
 * `budgetRatio` of a token, every retry withdraws one, and deposits older than the window lapse.
 * So a low-traffic edge with ratio 0.1 retries only once ten first tries are in the window.
 */
import { RollingPairs } from './rolling.ts';

export const BUDGET_WINDOW_S = 10;
const BUCKETS = 10;

export class RetryBudgets {
  private readonly ratio: Float64Array;
  /** A = first tries, B = retries, per edge. */
  private readonly window: RollingPairs;

  constructor(ratios: ReadonlyArray<number | undefined>) {
    const n = ratios.length;
    this.ratio = Float64Array.from(ratios, (r) => (r === undefined ? -1 : r));
    const width = Float64Array.from(ratios, (r) =>
      r === undefined ? 0 : BUDGET_WINDOW_S / BUCKETS,
    );
    this.window = new RollingPairs(n, BUCKETS, width);
  }

  /** A live change of edge i's budget (absent: none); its window starts afresh. */
  set(i: number, ratio: number | undefined): void {
    if (ratio === this.ratio[i] || (ratio === undefined && this.ratio[i] === -1)) return;
    this.ratio[i] = ratio ?? -1;
    this.window.setWidth(i, ratio === undefined ? 0 : BUDGET_WINDOW_S / BUCKETS);
  }

  has(i: number): boolean {
    return this.ratio[i]! >= 0;
  }

  firstTry(i: number, t: number): void {
    this.window.add(i, t, 1, 0);
  }

  /** Withdraw one retry if the budget allows it; false leaves the budget untouched. */
  tryWithdraw(i: number, t: number): boolean {
    const w = this.window;
    w.advance(i, t);
    if (w.sumB[i]! + 1 > this.ratio[i]! * w.sumA[i]! + 1e-9) return false;
    w.add(i, t, 0, 1);
    return true;
  }
}
