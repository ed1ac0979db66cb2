/**
 * The metrics an objective may name: the one place their names, units, directions and limits
 * live. The schema, the docs (`npm run docs`), the scorecard, the alerts and the command line
 * all read this table.
 */

/** How a value reads: a duration in ms, a share 0..1, a rate in rps, dollars per hour. */
export type MetricUnit = 'ms' | 'ratio' | 'rps' | 'usdPerHour';

export interface MetricDescription {
  label: string;
  unit: MetricUnit;
  /** Which way is better: an objective on it is usually a `max` (lower) or a `min` (higher). */
  better: 'lower' | 'higher';
  /** Measured at one node too (`"node": "api"`); else end to end only. */
  perNode: boolean;
  /** Measured for one request class too (`"class": "checkout"`); else over all requests. */
  perClass: boolean;
  help: string;
  /** The largest target accepted. */
  maxTarget: number;
}

const MAX_LATENCY_MS = 86_400_000;
const MAX_RPS = 1e9;

function latency(label: string, what: string): MetricDescription {
  return {
    label,
    unit: 'ms',
    better: 'lower',
    perNode: true,
    perClass: true,
    help: `${what} of ok requests, client to response (with "node": time spent at that node).`,
    maxTarget: MAX_LATENCY_MS,
  };
}

export const OBJECTIVE_METRICS = {
  p50Ms: latency('p50 latency', 'The median latency'),
  p95Ms: latency('p95 latency', 'The 95th percentile latency'),
  p99Ms: latency('p99 latency', 'The 99th percentile latency'),
  meanMs: latency('Mean latency', 'The mean latency'),
  errorRate: {
    label: 'Error rate',
    unit: 'ratio',
    better: 'lower',
    perNode: true,
    perClass: true,
    help: 'Failed ÷ counted requests (client’s view, after retries; with "node": that node’s departures).',
    maxTarget: 1,
  },
  availability: {
    label: 'Availability',
    unit: 'ratio',
    better: 'higher',
    perNode: true,
    perClass: true,
    help: 'Ok ÷ counted requests: 1 − error rate.',
    maxTarget: 1,
  },
  throughputRps: {
    label: 'Throughput',
    unit: 'rps',
    better: 'higher',
    perNode: true,
    perClass: true,
    help: 'Ok answers per second.',
    maxTarget: MAX_RPS,
  },
  goodputRps: {
    label: 'Goodput',
    unit: 'rps',
    better: 'higher',
    perNode: false,
    perClass: false,
    help: 'Ok answers per second that were not fallbacks and came within the deadline.',
    maxTarget: MAX_RPS,
  },
  costPerHour: {
    label: 'Cost per hour',
    unit: 'usdPerHour',
    better: 'lower',
    perNode: false,
    perClass: false,
    help: 'Instance-hours run × their price, per hour of the run, in US dollars (a service at the replicas it ran, however scaled).',
    maxTarget: 1e9,
  },
} as const satisfies Record<string, MetricDescription>;

export type ObjectiveMetric = keyof typeof OBJECTIVE_METRICS;

export const OBJECTIVE_METRIC_NAMES = Object.keys(OBJECTIVE_METRICS) as [
  ObjectiveMetric,
  ...ObjectiveMetric[],
];

/** Metrics that count failures against a budget (error budgets, burn-rate alerts). */
export function isBudgetMetric(m: ObjectiveMetric): m is 'availability' | 'errorRate' {
  return m === 'availability' || m === 'errorRate';
}
