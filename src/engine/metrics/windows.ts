/**
 * Windows of `windowS` simulated seconds: per-node and per-edge figures for the live charts
 * (`drainWindows()`), and the snapshot's timeline. The timeline keeps one point per window, or
 * per several windows when a run would otherwise exceed MAX_POINTS points, so it stays bounded
 * for runs of a day. Undrained windows are capped too (oldest dropped), and a headless run
 * (`windows: false`) builds none.
 */
import type { Kernel } from '../kernel.ts';
import { reasonCounts } from '../reasons.ts';
import type { EdgeWindow, NodeWindow, TimelinePoint, WindowStats } from '../types.ts';
import type { Tally } from './globalStats.ts';
import type { Latencies } from './latencies.ts';
import { r4 } from './summary.ts';

export const MAX_POINTS = 5000;
const MAX_PENDING = 5000;

export class Windows {
  readonly timeline: TimelinePoint[] = [];
  private pending: WindowStats[] = [];
  private closed = 0;
  private lastEnd = 0;
  private pointStart = 0;
  /** The figures of the window built last, for its point when a point is a window. */
  private windowPoint: TimelinePoint | null = null;
  readonly windowsPerPoint: number;

  constructor(
    private readonly k: Kernel,
    readonly windowS: number,
    durationS: number,
  ) {
    this.windowsPerPoint = Math.max(1, Math.ceil(durationS / windowS / MAX_POINTS));
    if (this.pointIsWindow) k.global.onePointAWindow();
  }

  /** Built windows, one a point: a point is its window's figures (`closePoint`). */
  private get pointIsWindow(): boolean {
    return this.k.liveWindows && this.windowsPerPoint === 1;
  }

  drain(): WindowStats[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  /** Close the window ending at t (t may be short of a full window at the end of the run). */
  close(t: number): void {
    if (t <= this.lastEnd) return;
    if (this.k.liveWindows) this.buildWindow(t);
    else {
      // Nobody drains windows: keep none. The time integrals still advance at each window's
      // end, as they do when windows are built, so the run's averages come out the same.
      for (const node of this.k.nodes) node.stats.advance(t);
    }
    this.lastEnd = t;
    this.closed++;
    if (this.closed % this.windowsPerPoint === 0) this.closePoint(t);
  }

  /** The end of the run: close the partial window and point, if any. */
  finish(t: number): void {
    this.close(t);
    if (t > this.pointStart) this.closePoint(t);
  }

  /** The window ending at t, for `drain()`; the window figures then restart. */
  private buildWindow(t: number): void {
    const k = this.k;
    const startS = this.lastEnd;
    const lengthS = t - startS;
    // Read from the clients' window figures, before the node loop closes them.
    const regions = k.global.byRegion?.window(startS, t);
    const nodes: Record<string, NodeWindow> = {};
    for (const node of k.nodes) {
      const s = node.stats;
      const w: NodeWindow = {
        arrivals: s.wArrivals,
        ok: s.wOk,
        failed: s.wFailed,
        throughputRps: r4(s.wOk / lengthS),
        utilization: 0,
        queueLength: 0,
        queueNow: s.queue,
        p50Ms: 0,
        p99Ms: 0,
      };
      s.window!.quantiles(NODE_QS, qOut);
      w.p50Ms = r4(qOut[0]!);
      w.p99Ms = r4(qOut[1]!);
      node.describe(w, true);
      k.policy.describeNode?.(node.index, w, true);
      s.byClass?.describe(w, true);
      k.uptimes[node.index]?.describe(w, true);
      const avg = s.closeWindow(t);
      w.utilization = r4(avg.utilization);
      w.queueLength = r4(avg.queueLength);
      nodes[node.id] = w;
    }
    const edges: Record<string, EdgeWindow> = {};
    for (const e of k.edges) {
      const w: EdgeWindow = { calls: e.wCalls, failed: e.wFailed };
      const breaker = k.policy.edgeState?.(e);
      if (breaker !== undefined) w.breaker = breaker;
      k.policy.describeEdge?.(e, w, true);
      edges[e.id] = w;
      e.wCalls = 0;
      e.wFailed = 0;
    }
    const point = pointOf(k.global.window, k.global.windowLatencies!, t, lengthS);
    this.windowPoint = point;
    k.global.window.reset();
    k.global.windowLatencies!.close();
    const w: WindowStats = { ...point, startS, lengthS, warmup: t <= k.warmupS, nodes, edges };
    if (regions !== undefined) w.regions = regions;
    this.pending.push(w);
    if (this.pending.length > MAX_PENDING)
      this.pending.splice(0, this.pending.length - MAX_PENDING);
  }

  private closePoint(t: number): void {
    const start = this.pointStart;
    this.pointStart = t;
    const tally = this.k.global.point;
    const latencies = this.k.global.pointLatencies;
    if (start >= this.k.warmupS - 1e-9) {
      // The same tallies and latencies over the same span as the window's, when it is one.
      const window = this.pointIsWindow ? this.windowPoint : null;
      this.timeline.push(window ?? pointOf(tally, latencies, t, t - start));
    }
    tally.reset();
    latencies.close();
  }
}

/** The percentiles of a node's window (p50, p99) and of a point (p50, p95, p99), ascending. */
const NODE_QS = new Float64Array([0.5, 0.99]);
const POINT_QS = new Float64Array([0.5, 0.95, 0.99]);
/** Scratch for the percentiles read. */
const qOut = new Float64Array(3);

function pointOf(tally: Tally, lat: Latencies, t: number, lengthS: number): TimelinePoint {
  const done = tally.ok + tally.failed;
  lat.quantiles(POINT_QS, qOut);
  return {
    tS: r4(t),
    throughputRps: r4(tally.ok / lengthS),
    errorRate: done > 0 ? r4(tally.failed / done) : 0,
    latencyMs: {
      p50: r4(qOut[0]!),
      p99: r4(qOut[2]!),
      p95: r4(qOut[1]!),
      mean: r4(lat.mean),
    },
    okRps: r4(tally.ok / lengthS),
    failedRps: r4(tally.failed / lengthS),
    errors: reasonCounts(tally.errors),
    goodputRps: r4((tally.ok - tally.notGood) / lengthS),
    retries: tally.retries,
    fallbacks: tally.fallbacks,
  };
}
