/**
 * What one node costs an hour: the arithmetic every cost the product shows goes through (the
 * run's cost, the compare table, the sweeps, the `costPerHour` objective), so they agree to the
 * cent. A kind bills per instance-hour (× its size's capacity, ./sizes.ts), per GB of memory
 * held an hour, or per million messages passed; its description's `price` says which and how
 * much, and a document's `prices` table replaces the amount, in the same unit.
 */
import type { NodeType, Scenario, ScenarioNode } from '../types.ts';
import { KIND_DESCRIPTIONS } from './index.ts';
import { INSTANCE_SIZES, type InstanceSize } from './sizes.ts';

export type PriceUnit = 'instance-hour' | 'GB-hour' | 'million messages';

/** A price's unit, short, for a message or a cell: "$/h", "$/GB-h", "$/M msgs". */
export const PRICE_UNIT_TEXT: Record<PriceUnit, string> = {
  'instance-hour': '$/h',
  'GB-hour': '$/GB-h',
  'million messages': '$/M msgs',
};

export interface KindPrice {
  /** US dollars per `per` (for a sized kind: per small instance-hour). */
  usd: number;
  per: PriceUnit;
}

export type PriceTable = NonNullable<Scenario['prices']>;

/** What is known of a node's use: a run's mean replicas, the messages it passes a second. */
export interface NodeUse {
  measuredReplicas?: number | undefined;
  messagesPerS?: number | undefined;
}

export interface NodeCharge {
  per: PriceUnit;
  /** US dollars per unit: the table's, else the kind's. */
  unitPrice: number;
  /** Instances billed: a service's replicas (with a result: their mean over the run), else 1. */
  instances: number;
  /** US dollars an hour for one instance (a sized one at its size; the whole node otherwise). */
  perInstanceHour: number;
  /** Units billed an hour: instance-hours at the small size's rate, GB held, million messages. */
  units: number;
  perHour: number;
  /** Its instance size, for a kind that has sizes. */
  size?: InstanceSize;
}

const MESSAGES_PER_MILLION = 1e6;
const SECONDS_PER_HOUR = 3600;

export function nodeCharge(
  n: ScenarioNode,
  table: PriceTable | undefined,
  use: NodeUse,
): NodeCharge {
  const kind = KIND_DESCRIPTIONS[n.type as NodeType];
  const p = n.params as never;
  const instances = kind.instances ? kind.instances(p, use.measuredReplicas) : 1;
  const per = kind.price.per;
  const unitPrice = table?.[n.type] ?? kind.price.usd;
  const size = kind.size?.(p);
  const capacity = size ? INSTANCE_SIZES[size].capacity : 1;
  const units =
    per === 'GB-hour'
      ? (kind.gigabytes?.(p) ?? 0)
      : per === 'million messages'
        ? ((use.messagesPerS ?? 0) * SECONDS_PER_HOUR) / MESSAGES_PER_MILLION
        : instances * capacity;
  const perHour = units * unitPrice;
  const perInstanceHour = per === 'instance-hour' ? capacity * unitPrice : perHour;
  const charge: NodeCharge = { per, unitPrice, instances, units, perHour, perInstanceHour };
  if (size) charge.size = size;
  return charge;
}
