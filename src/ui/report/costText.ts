/**
 * A cost in words: dollars to the cent (fractions of a cent with two significant digits, so a
 * cheap cache does not read "$0.00"), and how a node's charge is made up, in its kind's unit.
 */
import { HOURS_PER_MONTH, type Cost, type CostLine } from '../../analysis/cost.ts';

export function formatUsd(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '$0';
  if (Math.abs(x) >= 100) return `$${Math.round(x).toLocaleString('en-US')}`;
  if (Math.abs(x) >= 0.01) return `$${x.toFixed(2)}`;
  return `$${x.toPrecision(2)}`;
}

/** A unit price to the digit it was given: $0.125, $0.1008, $0.40. */
function formatPrice(x: number): string {
  if (x === 0 || x >= 1 || x < 0.0001) return formatUsd(x);
  return `$${x.toFixed(4).replace(/0{1,2}$/, '')}`;
}

const count = (x: number): string => String(Number(x.toFixed(2)));

/** "3 large replicas × $0.40/h", "2 GB × $0.125 per GB-hour", "55 msgs/s × $1.20 per million". */
export function chargeText(l: CostLine): string {
  switch (l.per) {
    case 'GB-hour':
      return `${Number(l.units.toPrecision(3))} GB × ${formatPrice(l.unitPrice)} per GB-hour`;
    case 'million messages':
      return `${count((l.units * 1e6) / 3600)} msgs/s × ${formatPrice(l.unitPrice)} per million`;
    case 'instance-hour': {
      const what = l.type === 'service' ? 'replica' : 'instance';
      const sized = l.size ? `${l.size} ` : '';
      return `${count(l.instances)} ${sized}${what}${l.instances === 1 ? '' : 's'} × ${formatPrice(l.perInstanceHour)}/h`;
    }
  }
}

/** "$1.23/h · $898/month" */
export const perHourText = (perHour: number): string =>
  `${formatUsd(perHour)}/h · ${formatUsd(perHour * HOURS_PER_MONTH)}/month`;

/** The whole design's cost in one line, with the price of a million answers when known. */
export function totalText(c: Cost): string {
  const perMillion =
    c.perMillionRequests === null ? '' : ` · ${formatUsd(c.perMillionRequests)} per million ok`;
  return `${perHourText(c.perHour)}${perMillion}`;
}
