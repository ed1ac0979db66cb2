/**
 * A simple cost model for comparing designs: instances × price per hour, by node kind. The
 * prices are round, illustrative figures in the range of small cloud instances and managed
 * services, not any provider's list price; pass `prices` to use your own.
 */
import type { SimResult } from '../engine/types.ts';
import type { NodeType, Scenario, ScenarioNode } from '../model/types.ts';

/** US dollars per instance-hour, by kind. Clients are the users: they cost nothing here. */
export const DEFAULT_PRICES_PER_HOUR: Readonly<Record<NodeType, number>> = {
  client: 0,
  service: 0.1, // per replica: a small VM or container
  loadBalancer: 0.025, // a managed load balancer
  cache: 0.2, // an in-memory cache node
  database: 0.5, // a managed database instance (each replica is its own node)
  shardRouter: 0.05,
  queue: 0.05, // a managed broker
  rateLimiter: 0.01,
};

export const HOURS_PER_MONTH = 730;

export interface CostLine {
  nodeId: string;
  type: NodeType;
  /** Instances billed: a service's replicas (the measured mean when autoscaled), else 1. */
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
  if (n.type === 'client') return 0;
  if (n.type !== 'service') return 1;
  const measured = result?.nodes[n.id]?.replicas;
  if (n.params.autoscale && typeof measured === 'number') return measured;
  return n.params.replicas;
}

export function designCost(
  doc: Scenario,
  result?: SimResult,
  prices: Partial<Record<NodeType, number>> = {},
): Cost {
  const table = { ...DEFAULT_PRICES_PER_HOUR, ...prices };
  const lines = doc.nodes.map((n): CostLine => {
    const instances = instancesOf(n, result);
    const pricePerHour = table[n.type];
    return {
      nodeId: n.id,
      type: n.type,
      instances,
      pricePerHour,
      costPerHour: instances * pricePerHour,
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
