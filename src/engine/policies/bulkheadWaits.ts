/**
 * How long calls waited for a bulkhead slot, per calling node (the `bulkheadWaitMs` figure,
 * src/model/kinds/edge.ts): every call over an edge with a bulkhead adds its wait, 0 for one
 * that found a slot free, the bound for one that gave up; refusals ('bulkheadFull') add
 * nothing. So the mean is the wait per acquisition, as a connection pool reports it, and with
 * a line that never refuses it is Little's L_q / λ. Sums by node in typed arrays: for the run
 * (counted requests) and the current window (all requests).
 */
import { BULKHEAD_WAIT_FIGURE } from '../../model/kinds/edge.ts';
import { kindFiguresOf } from '../../model/kinds/figureRegistry.ts';
import type { NodeType } from '../../model/types.ts';
import { r4 } from '../metrics/summary.ts';
import type { NodeResult, NodeWindow } from '../types.ts';

export class BulkheadWaits {
  private readonly runSum: Float64Array;
  private readonly runN: Float64Array;
  private readonly winSum: Float64Array;
  private readonly winN: Float64Array;
  /** 1 where the node's kind declares the figure (only those report it). */
  private readonly reports: Uint8Array;

  constructor(types: readonly NodeType[]) {
    const n = types.length;
    this.runSum = new Float64Array(n);
    this.runN = new Float64Array(n);
    this.winSum = new Float64Array(n);
    this.winN = new Float64Array(n);
    this.reports = Uint8Array.from(types, (t) =>
      kindFiguresOf(t).some((f) => f.key === BULKHEAD_WAIT_FIGURE.key) ? 1 : 0,
    );
  }

  add(node: number, waitS: number, counted: boolean): void {
    this.winSum[node]! += waitS;
    this.winN[node]!++;
    if (!counted) return;
    this.runSum[node]! += waitS;
    this.runN[node]!++;
  }

  /** The mean wait (ms) into `out` when some call went over a bulkhead; a window's restarts. */
  describe(node: number, out: NodeWindow | NodeResult, window: boolean): void {
    const sum = window ? this.winSum[node]! : this.runSum[node]!;
    const n = window ? this.winN[node]! : this.runN[node]!;
    if (window) {
      this.winSum[node] = 0;
      this.winN[node] = 0;
    }
    if (n > 0 && this.reports[node] === 1) out[BULKHEAD_WAIT_FIGURE.key] = r4((sum / n) * 1000);
  }
}
