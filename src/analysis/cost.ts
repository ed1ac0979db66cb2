/**
 * A simple cost model for comparing designs: instances × price per hour, by node kind. The
 * prices are round, illustrative figures in the range of small cloud instances and managed
 * services, not any provider's list price; a document's `prices` table (per instance-hour by
 * kind) replaces them, and `prices` given here replace both.
 */
import type { SimResult } from '../engine/types.ts';
import { KIND_DESCRIPTIONS } from '../model/kinds/index.ts';
import type { NodeType, Scenario, ScenarioNode } from '../model/types.ts';

/** US dollars per instance-hour, by kind: each kind's `pricePerHour`. */
export const pricePerHour = (type: NodeType): number => KIND_DESCRIPTIONS[type].pricePerHour;

export const HOURS_PER_MONTH = 730;

export interface CostLine {
  nodeId: string;
  type: NodeType;
  /** Instances billed: a service's replicas (with a result: their mean over the run), else 1. */
  instances: number;
  pricePerHour: number;
  costPerHour: number;
}

export interface Cost {
  lines: CostLine[];
  perHour: number;
  perMonth: number;
  /** Cost per million successful requests at the measured throughput; null without a result. */
  perMillionRequests: number | null;
}

function instancesOf(n: ScenarioNode, result?: SimResult): number {
  const kind = KIND_DESCRIPTIONS[n.type];
  return kind.instances ? kind.instances(n.params, result?.nodes[n.id]?.replicas) : 1;
}

export function designCost(
  doc: Scenario,
  result?: SimResult,
  prices: Partial<Record<NodeType, number>> = {},
): Cost {
  const lines = doc.nodes.map((n): CostLine => {
    const instances = instancesOf(n, result);
    // A price given to the call, else the document's own table, else the kind's default.
    const price = prices[n.type] ?? doc.prices?.[n.type] ?? pricePerHour(n.type);
    return {
      nodeId: n.id,
      type: n.type,
      instances,
      pricePerHour: price,
      costPerHour: instances * price,
    };
  });
  const perHour = lines.reduce((s, l) => s + l.costPerHour, 0);
  const okPerHour = result ? result.throughputRps * 3600 : 0;
  return {
    lines,
    perHour,
    perMonth: perHour * HOURS_PER_MONTH,
    perMillionRequests: okPerHour > 0 ? (perHour / okPerHour) * 1e6 : null,
  };
}
