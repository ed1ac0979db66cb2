/**
 * Measures one objective's metric over an interval of the run (a timeline point, a graded
 * window) from the run's cumulative counters: counts by difference, percentiles from the
 * histogram's difference (`quantileSince`). Nothing is recorded per request: the counters are
 * the ones the results are built from, so the whole run's figure and the sum of its intervals
 * agree exactly.
 */
import { designCost } from '../../analysis/cost.ts';
import { KIND_DESCRIPTIONS } from '../../model/kinds/index.ts';
import { MESSAGES_PER_MILLION } from '../../model/kinds/pricing.ts';
import type { Objective, Scenario } from '../../model/types.ts';
import type { Kernel } from '../kernel.ts';
import type { Histogram } from '../metrics/histogram.ts';
import { QueueNode } from '../nodes/queue.ts';
import { ServiceNode } from '../nodes/service.ts';

/** The counters an interval is measured from: the client's view, or one node's departures; of
 *  every request or of one class's. */
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
  if (o.class !== undefined) {
    const cls = k.classes.indexOf(o.class);
    const byClass =
      o.node === undefined ? k.global.byClass! : k.nodes[nodeIndex.get(o.node)!]!.stats.byClass!;
    return () => ({ ...byClass.counted(cls), notGood: 0 });
  }
  if (o.node === undefined) {
    const run = k.global.run;
    return () => ({
      ok: run.ok,
      failed: run.failed,
      notGood: run.notGood,
      hist: k.global.settledRun(),
    });
  }
  const stats = k.nodes[nodeIndex.get(o.node)!]!.stats;
  return () => ({ ok: stats.ok, failed: stats.failed, notGood: 0, hist: stats.settledHist() });
}

/**
 * What the design has cost since t = 0, in dollars: each node's instance-seconds × its price per
 * instance-hour ÷ 3600, and a queue's messages received × its price per message. A service's
 * instance-seconds are its provisioned replicas integrated over time (the replica slots' area),
 * so a scale up or down, by an autoscaler, an alert's response or a live knob, costs what was
 * actually run; a queue's messages are the ones it was sent, so a spike in traffic costs what
 * it sent, not the rate the traffic equations predict. The prices are the cost model's
 * (`designCost`: the document's `prices`, the kinds' defaults), read once per run.
 */
export class CostClock {
  /** Dollars per instance-hour; 0 for a kind billed per message. */
  private readonly prices: number[];
  /** Dollars per message; 0 for a kind billed per instance or per GB. */
  private readonly perMessage: number[];
  private readonly fixed: number[];

  constructor(
    private readonly k: Kernel,
    doc: Scenario,
  ) {
    const lines = designCost(doc).lines;
    const byMessage = (l: (typeof lines)[number]) => l.per === 'million messages';
    this.prices = lines.map((l) => (byMessage(l) ? 0 : l.perInstanceHour));
    this.perMessage = lines.map((l) => (byMessage(l) ? l.unitPrice / MESSAGES_PER_MILLION : 0));
    // Instances of the nodes that do not scale (a client: 0, most kinds: 1).
    this.fixed = doc.nodes.map((n) => {
      const kind = KIND_DESCRIPTIONS[n.type];
      return kind.instances ? kind.instances(n.params as never, undefined) : 1;
    });
  }

  get now(): number {
    return this.k.now;
  }

  dollars(): number {
    const now = this.k.now;
    let instanceDollarS = 0;
    let messageDollars = 0;
    for (let i = 0; i < this.prices.length; i++) {
      const node = this.k.nodes[i]!;
      if (node instanceof QueueNode) {
        messageDollars += node.messagesOffered * this.perMessage[i]!;
        continue;
      }
      const instanceS =
        node instanceof ServiceNode ? node.slots.average(now) * now : this.fixed[i]! * now;
      instanceDollarS += instanceS * this.prices[i]!;
    }
    return instanceDollarS / 3600 + messageDollars;
  }

  /** Dollars per hour over the run so far (NaN at t = 0). */
  perHourSoFar(): number {
    const now = this.k.now;
    return now > 0 ? (this.dollars() * 3600) / now : NaN;
  }
}

/** One objective's metric over successive intervals: `read(lengthS)` measures since the last read. */
export class Meter {
  private ok = 0;
  private failed = 0;
  private notGood = 0;
  private readonly base: Histogram;
  /** costPerHour: the dollars spent up to `dollarsAt`, the end of the last read. */
  private dollars = 0;
  private dollarsAt = 0;

  constructor(
    private readonly metric: Objective['metric'],
    private readonly counters: () => Counters,
    private readonly cost: CostClock,
  ) {
    this.base = counters().hist.emptyLike();
  }

  /** Before the counted run: the next read's cost starts from now (counts start at warm-up). */
  rebase(): void {
    if (this.metric !== 'costPerHour') return;
    this.dollars = this.cost.dollars();
    this.dollarsAt = this.cost.now;
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
      case 'costPerHour': {
        const d = this.cost.dollars();
        const t = this.cost.now;
        v = t > this.dollarsAt ? ((d - this.dollars) * 3600) / (t - this.dollarsAt) : NaN;
        this.dollars = d;
        this.dollarsAt = t;
        break;
      }
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
