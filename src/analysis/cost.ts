/**
 * What a design costs: each node's charge (src/model/kinds/pricing.ts: instance-hours × size,
 * GB held, million messages) summed. A queue's messages are the run's measured arrivals a
 * second when there is a run, else the traffic equations' offered rate. The prices are each
 * kind's list-price figure; a document's `prices` table replaces them, and `prices` given here
 * replace both.
 */
import type { SimResult } from '../engine/types.ts';
import { nodeCharge, type NodeCharge, type PriceTable } from '../model/kinds/pricing.ts';
import { regionOf } from '../model/regions.ts';
import type { Scenario } from '../model/types.ts';
import { countedSeconds, offeredRates, totalRps } from './flow.ts';

export const HOURS_PER_MONTH = 730;

export interface CostLine extends NodeCharge {
  nodeId: string;
  type: string;
}

export interface Cost {
  lines: CostLine[];
  perHour: number;
  perMonth: number;
  /** Cost per million successful requests at the measured throughput; null without a result. */
  perMillionRequests: number | null;
  /** Standby capacity: the nodes (clients aside) that served no counted request in the run
   *  (a passive region, a standby replica kept warm for failover), and what they cost an hour;
   *  null without a result. */
  standby: { nodeIds: string[]; perHour: number } | null;
  /** With regions: what each region's nodes cost an hour, in the document's order. */
  byRegion?: Array<{ region: string; perHour: number }>;
}

/** Messages a second through each node: measured arrivals with a run, else the offered rate. */
function messageRates(doc: Scenario, result?: SimResult): (id: string) => number {
  if (result) {
    const s = countedSeconds(doc, result);
    return (id) => (result.nodes[id]?.arrivals ?? 0) / s;
  }
  let offered: ReturnType<typeof offeredRates> | undefined;
  return (id) => {
    offered ??= offeredRates(doc);
    const r = offered.get(id);
    return r ? totalRps(r) : 0;
  };
}

export function designCost(doc: Scenario, result?: SimResult, prices: PriceTable = {}): Cost {
  const table = { ...doc.prices, ...prices };
  const rateOf = messageRates(doc, result);
  const lines = doc.nodes.map((n): CostLine => ({
    nodeId: n.id,
    type: n.type,
    ...nodeCharge(n, table, {
      measuredReplicas: result?.nodes[n.id]?.replicas,
      // Only a kind billed per message needs its rate (the traffic equations cost a little).
      ...(n.type === 'queue' && { messagesPerS: rateOf(n.id) }),
    }),
  }));
  const perHour = lines.reduce((s, l) => s + l.perHour, 0);
  const okPerHour = result ? result.throughputRps * 3600 : 0;
  const idle = result
    ? lines.filter((l) => l.type !== 'client' && (result.nodes[l.nodeId]?.arrivals ?? 0) === 0)
    : null;
  const cost: Cost = {
    lines,
    perHour,
    perMonth: perHour * HOURS_PER_MONTH,
    perMillionRequests: okPerHour > 0 ? (perHour / okPerHour) * 1e6 : null,
    standby: idle && {
      nodeIds: idle.map((l) => l.nodeId),
      perHour: idle.reduce((s, l) => s + l.perHour, 0),
    },
  };
  if (doc.regions !== undefined && doc.regions.length > 0) {
    const regions = doc.regions;
    cost.byRegion = regions.map((r) => ({
      region: r.name,
      perHour: lines
        .filter((_, i) => regionOf(doc.nodes[i]!, regions) === r.name)
        .reduce((s, l) => s + l.perHour, 0),
    }));
  }
  return cost;
}
