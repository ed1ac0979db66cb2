/**
 * Measures one objective's metric over an interval of the run (a timeline point, a graded
 * window) from the run's cumulative counters: counts by difference, percentiles from the
 * histogram's difference (`quantileSince`). Nothing is recorded per request: the counters are
 * the ones the results are built from, so the whole run's figure and the sum of its intervals
 * agree exactly.
 */
import { KIND_DESCRIPTIONS } from '../../model/kinds/index.ts';
import type { Objective, ScenarioNode } from '../../model/types.ts';
import type { Kernel } from '../kernel.ts';
import type { Histogram } from '../metrics/histogram.ts';
import type { NodeWindow } from '../types.ts';

/** The counters an interval is measured from: the client's view, or one node's departures. */
export interface Counters {
  ok: number;
  failed: number;
  /** Ok answers that are not goodput (end to end only). */
  notGood: number;
  hist: Histogram;
}

const QUANTILE = { p50Ms: 0.5, p95Ms: 0.95, p99Ms: 0.99 } as const;

/** The counters an objective reads, live (the same objects the engine updates). */
export function countersOf(
  k: Kernel,
  o: Objective,
  nodeIndex: Map<string, number>,
): () => Counters {
  if (o.node === undefined) {
    return () => k.global.run;
  }
  const stats = k.nodes[nodeIndex.get(o.node)!]!.stats;
  return () => ({ ok: stats.ok, failed: stats.failed, notGood: 0, hist: stats.hist });
}

/** Dollars per hour now: each node's instances (a service's replicas provisioned now) × price. */
export function costNow(k: Kernel, nodes: readonly ScenarioNode[]): number {
  let sum = 0;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const kind = KIND_DESCRIPTIONS[n.type];
    let measured: number | undefined;
    if (n.type === 'service') {
      const scratch = {} as NodeWindow;
      k.nodes[i]!.describe(scratch, true);
      measured = typeof scratch.replicas === 'number' ? scratch.replicas : undefined;
    }
    const instances = kind.instances ? kind.instances(n.params as never, measured) : 1;
    sum += instances * kind.pricePerHour;
  }
  return sum;
}

/** One objective's metric over successive intervals: `read(lengthS)` measures since the last read. */
export class Meter {
  private ok = 0;
  private failed = 0;
  private notGood = 0;
  private readonly base: Histogram;

  constructor(
    private readonly metric: Objective['metric'],
    private readonly counters: () => Counters,
    private readonly cost: () => number,
  ) {
    this.base = counters().hist.emptyLike();
  }

  /**
   * The metric since the last read (NaN when it has no value: no requests, no ok answers), and
   * the requests that ended meanwhile and how many of them failed (for error budgets).
   */
  read(lengthS: number): Reading {
    const c = this.counters();
    const ok = c.ok - this.ok;
    const failed = c.failed - this.failed;
    const notGood = c.notGood - this.notGood;
    const done = ok + failed;
    let v: number;
    switch (this.metric) {
      case 'p50Ms':
      case 'p95Ms':
      case 'p99Ms':
        v = c.hist.quantileSince(QUANTILE[this.metric], this.base);
        break;
      case 'meanMs': {
        const n = c.hist.count - this.base.count;
        v = n > 0 ? (c.hist.sum - this.base.sum) / n : NaN;
        break;
      }
      case 'errorRate':
        v = done > 0 ? failed / done : NaN;
        break;
      case 'availability':
        v = done > 0 ? ok / done : NaN;
        break;
      case 'throughputRps':
        v = lengthS > 0 ? ok / lengthS : NaN;
        break;
      case 'goodputRps':
        v = lengthS > 0 ? (ok - notGood) / lengthS : NaN;
        break;
      case 'costPerHour':
        v = this.cost();
        break;
    }
    this.ok = c.ok;
    this.failed = c.failed;
    this.notGood = c.notGood;
    if (this.metric in QUANTILE || this.metric === 'meanMs') c.hist.copyTo(this.base);
    return { value: v, done, failed };
  }
}

export interface Reading {
  value: number;
  done: number;
  failed: number;
}
