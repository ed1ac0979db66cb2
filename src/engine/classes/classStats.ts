/**
 * A node's requests class by class (its `classes` figure and the window's class slots): counts,
 * errors by reason and a latency histogram per class for the run (counted requests), and ok
 * answers and a histogram per class for the window being built. At a client a request is timed
 * end to end (from `rootT`), at any other node from its arrival there (`arriveT`), as the node's
 * own latency.
 */
import { MAX_CLASSES, type ClassFigures } from '../../model/kinds/classes.ts';
import type { Call } from '../call.ts';
import type { Kernel } from '../kernel.ts';
import { Histogram, RESULT_SUB_BITS, WINDOW_SUB_BITS } from '../metrics/histogram.ts';
import { r4, summarize } from '../metrics/summary.ts';
import { REASON_COUNT, reasonCounts } from '../reasons.ts';
import type { NodeResult, NodeWindow } from '../types.ts';

/** The window figure keys of class slot i (declared in src/model/kinds/classes.ts). */
const P99_KEYS = Array.from({ length: MAX_CLASSES }, (_, i) => `class${i + 1}P99Ms`);
const RPS_KEYS = Array.from({ length: MAX_CLASSES }, (_, i) => `class${i + 1}Rps`);
const ERROR_RATE_KEYS = Array.from({ length: MAX_CLASSES }, (_, i) => `class${i + 1}ErrorRate`);

export class ClassStats {
  private readonly ok: Float64Array;
  private readonly failed: Float64Array;
  /** Errors by reason, class-major: [cls * REASON_COUNT + reason]. */
  private readonly errors: Float64Array;
  private readonly hist: Histogram[];
  private readonly wOk: Float64Array;
  private readonly wFailed: Float64Array;
  private readonly wHist: Histogram[];
  private windowStart = 0;

  /** `slots`: the classes as table indices in chart-slot order (a client's own, in its order;
   *  elsewhere every class of the document). `endToEnd`: a client's requests, from their start.
   *  `charted`: its window figures are drawn (not so for the run's over every client). */
  constructor(
    private readonly k: Kernel,
    private readonly slots: readonly number[],
    private readonly endToEnd: boolean,
    private readonly charted = true,
  ) {
    const n = k.classes.count;
    this.ok = new Float64Array(n);
    this.failed = new Float64Array(n);
    this.errors = new Float64Array(n * REASON_COUNT);
    this.hist = Array.from({ length: n }, () => new Histogram(RESULT_SUB_BITS));
    this.wOk = new Float64Array(n);
    this.wFailed = new Float64Array(n);
    this.wHist = Array.from({ length: n }, () => new Histogram(WINDOW_SUB_BITS));
  }

  /** `call` leaves now with `reason` (0 = ok); call before it is freed. */
  done(call: Call, reason: number): void {
    const c = call.cls;
    const ms = (this.k.now - (this.endToEnd ? call.rootT : call.arriveT)) * 1000;
    if (this.charted) {
      if (reason !== 0) this.wFailed[c]!++;
      else {
        this.wOk[c]!++;
        if (this.k.liveWindows) this.wHist[c]!.record(ms);
      }
    }
    if (!call.counted) return;
    if (reason === 0) {
      this.ok[c]!++;
      this.hist[c]!.record(ms);
    } else {
      this.failed[c]!++;
      this.errors[c * REASON_COUNT + reason]!++;
    }
  }

  /** Class `c`'s counted requests so far (the counters an objective on the class reads). */
  counted(c: number): { ok: number; failed: number; hist: Histogram } {
    return { ok: this.ok[c]!, failed: this.failed[c]!, hist: this.hist[c]! };
  }

  describe(out: NodeResult | NodeWindow, window: boolean): void {
    if (window) return this.describeWindow(out as NodeWindow);
    const span = Math.max(0, this.k.now - this.k.warmupS);
    const byClass: Record<string, ClassFigures> = {};
    for (const c of this.slots) {
      const ok = this.ok[c]!;
      const failed = this.failed[c]!;
      // A class that never reached this node (routed elsewhere) has no row here.
      if (!this.endToEnd && ok + failed === 0) continue;
      const f: ClassFigures = {
        ok,
        failed,
        throughputRps: span > 0 ? r4(ok / span) : 0,
        errorRate: ok + failed > 0 ? r4(failed / (ok + failed)) : 0,
        latencyMs: summarize(this.hist[c]!),
      };
      if (failed > 0)
        f.errors = reasonCounts(this.errors.subarray(c * REASON_COUNT, (c + 1) * REASON_COUNT));
      byClass[this.k.classes.names[c]!] = f;
    }
    (out as NodeResult).classes = byClass;
  }

  private describeWindow(out: NodeWindow): void {
    const now = this.k.now;
    const length = now - this.windowStart;
    this.windowStart = now;
    const slots = this.slots;
    for (let i = 0; i < slots.length && i < MAX_CLASSES; i++) {
      const c = slots[i]!;
      out[P99_KEYS[i]!] = r4(this.wHist[c]!.quantile(0.99));
      out[RPS_KEYS[i]!] = length > 0 ? r4(this.wOk[c]! / length) : 0;
      const answered = this.wOk[c]! + this.wFailed[c]!;
      out[ERROR_RATE_KEYS[i]!] = answered > 0 ? r4(this.wFailed[c]! / answered) : 0;
      this.wOk[c] = 0;
      this.wFailed[c] = 0;
      this.wHist[c]!.reset();
    }
  }
}
