/**
 * What one node costs an hour: the arithmetic every cost the product shows goes through (the
 * run's cost, the compare table, the sweeps, the `costPerHour` objective), so they agree to the
 * cent. A kind bills per instance-hour (at its size, ./sizes.ts), per GB of memory held an
 * hour, or per million messages passed; its description's `price` says which and how much, and
 * a document's `prices` table replaces the amount, in the same unit: one amount for the kind (a
 * sized kind's small size, the larger ones scaled by their capacity) or one per size.
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

/**
 * One kind's entry in a document's `prices`: an amount, or (for a kind with sizes) an amount per
 * size, `{ "small": 0.1008, "large": 0.4032 }`; a size left out is the small price × its capacity.
 */
export type PriceEntry = number | Partial<Record<InstanceSize, number>>;

export type PriceTable = NonNullable<Scenario['prices']>;

/** What is known of a node's use: a run's mean replicas, the messages it passes a second. */
export interface NodeUse {
  measuredReplicas?: number | undefined;
  messagesPerS?: number | undefined;
}

export interface NodeCharge {
  per: PriceUnit;
  /** US dollars per unit (for a sized kind: per instance-hour at its size): the table's, else the kind's. */
  unitPrice: number;
  /** Instances billed: a service's replicas (with a result: their mean over the run), else 1. */
  instances: number;
  /** US dollars an hour for one instance (a sized one at its size; the whole node otherwise). */
  perInstanceHour: number;
  /** Units billed an hour: instance-hours, GB held, million messages. */
  units: number;
  perHour: number;
  /** Its instance size, for a kind that has sizes. */
  size?: InstanceSize;
}

export const MESSAGES_PER_MILLION = 1e6;
const SECONDS_PER_HOUR = 3600;

/**
 * What one instance of a kind billed per instance-hour costs an hour at `size`: the table's
 * price for that size, else its one amount (or its small size's) × the size's capacity.
 */
export function instancePrice(
  entry: PriceEntry | undefined,
  kindUsd: number,
  size: InstanceSize | undefined,
): number {
  const capacity = size ? INSTANCE_SIZES[size].capacity : 1;
  if (typeof entry === 'number') return entry * capacity;
  const own = size ? entry?.[size] : undefined;
  return own ?? (entry?.small ?? kindUsd) * capacity;
}

export function nodeCharge(
  n: ScenarioNode,
  table: PriceTable | undefined,
  use: NodeUse,
): NodeCharge {
  const kind = KIND_DESCRIPTIONS[n.type as NodeType];
  const p = n.params as never;
  const instances = kind.instances ? kind.instances(p, use.measuredReplicas) : 1;
  const per = kind.price.per;
  const entry = table?.[n.type];
  const size = kind.size?.(p);
  let unitPrice: number;
  let units: number;
  if (per === 'instance-hour') {
    unitPrice = instancePrice(entry, kind.price.usd, size);
    units = instances;
  } else {
    // The schema allows an amount per size only for a kind that has sizes.
    unitPrice = typeof entry === 'number' ? entry : kind.price.usd;
    units =
      per === 'GB-hour'
        ? (kind.gigabytes?.(p) ?? 0)
        : ((use.messagesPerS ?? 0) * SECONDS_PER_HOUR) / MESSAGES_PER_MILLION;
  }
  const perHour = units * unitPrice;
  const perInstanceHour = per === 'instance-hour' ? unitPrice : perHour;
  const charge: NodeCharge = { per, unitPrice, instances, units, perHour, perInstanceHour };
  if (size) charge.size = size;
  return charge;
}
