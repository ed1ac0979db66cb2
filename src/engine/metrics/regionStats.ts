/**
 * Each region's users: the requests of the clients placed in the region, end to end, read from
 * those clients' own figures when a window or the run closes. A client already records each of
 * its requests' latencies once (NodeStats.rootDeparture); a region merges its clients'
 * histograms instead of recording again, so regions cost nothing per request, and nothing at
 * all in a document without them (no RegionStats is built). Also the share of time each region
 * was up: not under a `regionDown` fault, live or from the document.
 */
import { regionOf, type Region } from '../../model/regions.ts';
import type { Fault, ScenarioNode } from '../../model/types.ts';
import type { RegionResult, RegionWindow } from '../types.ts';
import { Histogram, RESULT_SUB_BITS, WINDOW_SUB_BITS } from './histogram.ts';
import type { NodeStats } from './nodeStats.ts';
import { r4, summarize } from './summary.ts';

interface RegionUsers {
  name: string;
  clients: NodeStats[];
  /** The `regionDown` faults on it, as [start, end) in seconds, sorted by start. */
  down: Array<[number, number]>;
}

export class RegionStats {
  private readonly regions: RegionUsers[];
  /** A window's latencies of one region, refilled region by region. */
  private readonly windowHist = new Histogram(RESULT_SUB_BITS);
  private readonly none = new Histogram(RESULT_SUB_BITS);

  /** `stats`: every node's, in document order (a client's are its requests end to end). */
  constructor(
    regions: readonly Region[],
    nodes: readonly ScenarioNode[],
    stats: readonly NodeStats[],
    private readonly warmupS: number,
  ) {
    this.regions = regions.map((r) => ({
      name: r.name,
      clients: nodes.flatMap((n, i) =>
        n.type === 'client' && regionOf(n, regions) === r.name ? [stats[i]!] : [],
      ),
      down: [],
    }));
  }

  /** A fault joins the run (from the document or live): a `regionDown` counts against up time. */
  faulted(f: Fault): void {
    if (f.kind !== 'regionDown') return;
    const r = this.regions.find((x) => x.name === f.target);
    if (r === undefined) return;
    r.down.push([f.atS, f.forS === undefined ? Infinity : f.atS + f.forS]);
    r.down.sort((a, b) => a[0] - b[0]);
  }

  /** The run so far, up to `now`: counted requests (created after warm-up). */
  result(now: number): Record<string, RegionResult> {
    const span = Math.max(0, now - this.warmupS);
    const out: Record<string, RegionResult> = {};
    for (const r of this.regions) {
      let ok = 0;
      let failed = 0;
      for (const s of r.clients) {
        ok += s.ok;
        failed += s.failed;
      }
      const f: RegionResult = { ok, failed };
      if (ok + failed > 0) f.availability = r4(ok / (ok + failed));
      f.throughputRps = span > 0 ? r4(ok / span) : 0;
      const hist = runHistogram(r.clients);
      if (hist.count > 0) f.latencyMs = summarize(hist);
      f.upShare = upShare(r.down, this.warmupS, now);
      out[r.name] = f;
    }
    return out;
  }

  /**
   * The window [startS, t): call before the clients' windows close (they hold its figures).
   * Percentiles at the charts' resolution, as each client's own are.
   */
  window(startS: number, t: number): Record<string, RegionWindow> {
    const length = t - startS;
    const h = this.windowHist;
    const out: Record<string, RegionWindow> = {};
    for (const r of this.regions) {
      let ok = 0;
      let failed = 0;
      h.reset();
      for (const s of r.clients) {
        ok += s.wOk;
        failed += s.wFailed;
        s.window?.addTo(h);
      }
      const w: RegionWindow = { ok, failed };
      if (ok + failed > 0) w.availability = r4(ok / (ok + failed));
      w.throughputRps = length > 0 ? r4(ok / length) : 0;
      if (h.count > 0) {
        w.p50Ms = r4(h.quantileAs(0.5, WINDOW_SUB_BITS, this.none));
        w.p99Ms = r4(h.quantileAs(0.99, WINDOW_SUB_BITS, this.none));
      }
      w.upShare = upShare(r.down, startS, t);
      out[r.name] = w;
    }
    return out;
  }
}

/** The clients' run histograms as one (a lone client's as it is). */
function runHistogram(clients: readonly NodeStats[]): Histogram {
  if (clients.length === 1) return clients[0]!.settledHist();
  const merged = new Histogram(RESULT_SUB_BITS);
  for (const s of clients) {
    const h = s.settledHist();
    merged.mergeCounts(h);
    merged.sum += h.sum;
  }
  return merged;
}

/** The share of [a, b) not covered by the `down` intervals (sorted by start; they may overlap). */
function upShare(down: ReadonlyArray<readonly [number, number]>, a: number, b: number): number {
  if (!(b > a)) return 1;
  let covered = 0;
  let reach = a;
  for (const [start, end] of down) {
    const lo = Math.max(start, reach);
    const hi = Math.min(end, b);
    if (hi > lo) {
      covered += hi - lo;
      reach = hi;
    }
  }
  return r4(1 - covered / (b - a));
}
