/** Asynchronous lessons: `queue-load-levelling`, `back-pressure` and `rate-limiting`. */
import { between, bypass, mean, param } from './edit.ts';
import type { Claim, RawDoc, Run } from './harness.ts';

const at = (run: Run, tS: number) => {
  const w = run.w.find((x) => x.tS === tS);
  if (!w) throw new Error(`no window ending at ${tS}`);
  return w;
};
const maxOf = (xs: number[]) => Math.max(...xs);
const minOf = (xs: number[]) => Math.min(...xs);

const QL = 'queue-load-levelling';
const q = (run: Run, f: string) => run.r.nodes['orders']![f] as number;
const qAge = (run: Run) => run.r.nodes['orders']!['messageAgeMs'] as { p99: number; max: number };
const direct = bypass('e-shop-orders', 'fulfil', 'orders');
export const queueLevelling: Claim[] = [
  { preset: QL, claim: 'checkout p99', metric: ({ r }) => r.latencyMs.p99, expected: 3 },
  {
    preset: QL,
    claim: 'checkout errors',
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0.0001,
  },
  { preset: QL, claim: 'depth peak', metric: (x) => q(x, 'depthMax'), expected: 693, abs: 0 },
  { preset: QL, claim: 'oldest message age', metric: (x) => qAge(x).max, expected: 19000 },
  { preset: QL, claim: 'message age p99', metric: (x) => qAge(x).p99, expected: 14000 },
  {
    preset: QL,
    claim: 'failed attempts',
    metric: ({ r }) => r.edges!['e-fulfil-payments']!.failed,
    expected: 266,
    abs: 0,
  },
  { preset: QL, claim: 'redelivered', metric: (x) => q(x, 'redelivered'), expected: 254, abs: 0 },
  { preset: QL, claim: 'dead-lettered', metric: (x) => q(x, 'deadLettered'), expected: 12, abs: 0 },
  {
    preset: QL,
    claim: 'direct: p50 at 75 s',
    variant: direct,
    metric: (x) => at(x, 75).latencyMs.p50,
    expected: 4600,
  },
  {
    preset: QL,
    claim: 'direct: p99',
    variant: direct,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 6300,
  },
  {
    preset: QL,
    claim: 'direct: failed checkouts',
    variant: direct,
    metric: ({ r }) => r.requests.failed,
    expected: 269,
    abs: 0,
  },
  {
    preset: QL,
    claim: 'maxDeliveries 1: dead letters',
    variant: param('orders', 'maxDeliveries', 1),
    metric: (x) => q(x, 'deadLettered'),
    expected: 266,
    abs: 0,
  },
  {
    preset: QL,
    claim: 'capacity 300: rejected',
    variant: param('orders', 'capacity', 300),
    metric: ({ r }) => r.requests.failed,
    expected: 673,
    abs: 0,
  },
  {
    preset: QL,
    claim: 'capacity 300: error rate',
    variant: param('orders', 'capacity', 300),
    metric: ({ r }) => r.errorRate,
    expected: 0.065,
  },
];

const BP = 'back-pressure';
const spike = (x: Run) => between(x, 60, 90);
const beforeSpike = (doc: RawDoc): RawDoc => ({ ...doc, durationS: 60 });
const unbounded = param('thumbs', 'queueCapacity', undefined);
const shed = param('thumbs', 'shedQueueLength', 10);
export const backPressure: Claim[] = [
  {
    preset: BP,
    claim: 'before: p50',
    variant: beforeSpike,
    metric: ({ r }) => r.latencyMs.p50,
    expected: 28,
  },
  {
    preset: BP,
    claim: 'before: p99',
    variant: beforeSpike,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 115,
  },
  {
    preset: BP,
    claim: 'before: errors',
    variant: beforeSpike,
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0,
  },
  {
    preset: BP,
    claim: 'spike: least rejected',
    metric: (x) => minOf(spike(x).map((w) => w.errorRate)),
    expected: 0.14,
  },
  {
    preset: BP,
    claim: 'spike: most rejected',
    metric: (x) => maxOf(spike(x).map((w) => w.errorRate)),
    expected: 0.45,
  },
  {
    preset: BP,
    claim: 'spike: p50 low',
    metric: (x) => minOf(spike(x).map((w) => w.latencyMs.p50)),
    expected: 130,
  },
  {
    preset: BP,
    claim: 'spike: p50 high',
    metric: (x) => maxOf(spike(x).map((w) => w.latencyMs.p50)),
    expected: 260,
  },
  {
    preset: BP,
    claim: 'spike: p99 under 400',
    metric: (x) => maxOf(spike(x).map((w) => w.latencyMs.p99)),
    expected: 400,
  },
  { preset: BP, claim: 'p99 at 95 s', metric: (x) => at(x, 95).latencyMs.p99, expected: 100 },
  {
    preset: BP,
    claim: 'unbounded: errors',
    variant: unbounded,
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0.0001,
  },
  {
    preset: BP,
    claim: 'unbounded: backlog at 90 s',
    variant: unbounded,
    metric: (x) => at(x, 90).nodes['thumbs']!.queueNow,
    expected: 3000,
  },
  {
    preset: BP,
    claim: 'unbounded: p50 at 90 s',
    variant: unbounded,
    metric: (x) => at(x, 90).latencyMs.p50,
    expected: 9800,
  },
  {
    preset: BP,
    claim: 'unbounded: p50 at 120 s',
    variant: unbounded,
    metric: (x) => at(x, 120).latencyMs.p50,
    expected: 10000,
  },
  {
    preset: BP,
    claim: 'shed 10: spike p99',
    variant: shed,
    metric: (x) => maxOf(spike(x).map((w) => w.latencyMs.p99)),
    expected: 190,
  },
  {
    preset: BP,
    claim: 'queue 400: max wait',
    variant: param('thumbs', 'queueCapacity', 400),
    metric: ({ r }) => r.latencyMs.max,
    expected: 2400,
  },
];

const RL = 'rate-limiting';
const burst = (x: Run) => between(x, 51, 80);
const noLimiter = bypass('e-partner-limiter', 'api', 'limiter');
const app = (x: Run) => x.r.nodes['app']!;
export const rateLimiting: Claim[] = [
  {
    preset: RL,
    claim: 'rate limited',
    metric: ({ r }) => r.errors?.rateLimited ?? 0,
    expected: 5945,
    abs: 0,
  },
  {
    preset: RL,
    claim: 'API busy in burst',
    metric: (x) => mean(burst(x).map((w) => w.nodes['api']!.utilization)),
    expected: 0.64,
  },
  { preset: RL, claim: 'app p99', metric: (x) => app(x).latencyMs.p99, expected: 115 },
  { preset: RL, claim: 'app errors', metric: (x) => app(x).failed, expected: 0, abs: 0 },
  {
    preset: RL,
    claim: 'no limiter: API queue',
    variant: noLimiter,
    metric: (x) => maxOf(burst(x).map((w) => w.nodes['api']!.queueNow)),
    expected: 2400,
  },
  {
    preset: RL,
    claim: 'no limiter: app p50 at 85 s',
    variant: noLimiter,
    metric: (x) => at(x, 85).nodes['app']!.p50Ms,
    expected: 6900,
  },
  {
    preset: RL,
    claim: 'no limiter: app p99',
    variant: noLimiter,
    metric: (x) => app(x).latencyMs.p99,
    expected: 7400,
  },
  {
    preset: RL,
    claim: 'burst 500: early p99',
    variant: param('limiter', 'burst', 500),
    metric: (x) => maxOf(between(x, 50, 56).map((w) => w.latencyMs.p99)),
    expected: 630,
  },
  {
    preset: RL,
    claim: 'rps 200: API rps in burst',
    variant: param('limiter', 'rps', 200),
    metric: (x) => mean(burst(x).map((w) => w.nodes['api']!.throughputRps)),
    expected: 300,
  },
  {
    preset: RL,
    claim: 'rps 200: app p99',
    variant: param('limiter', 'rps', 200),
    metric: (x) => app(x).latencyMs.p99,
    expected: 139,
  },
];
