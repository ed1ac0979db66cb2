/**
 * Overload lessons: the `overload-*` presets. One design (an API whose service slows as work
 * piles up, behind a 1 s client timeout) meets a 10 s spike five ways, then a retry storm and a
 * slow dependency meet their guards.
 */
import { between, edge, mean, noFaults, param } from './edit.ts';
import type { Claim, Run } from './harness.ts';

const minOf = (xs: number[]) => Math.min(...xs);
/** The first window after `fromS` from which every window has under 1 % errors. */
export const recoveredAt = (run: Run, fromS: number): number => {
  const ws = between(run, fromS, 1e9);
  let at = Infinity;
  for (let i = ws.length - 1; i >= 0 && ws[i]!.errorRate < 0.01; i--) at = ws[i]!.tS;
  return at;
};
const goodput = (x: Run, fromS: number, toS: number) =>
  mean(between(x, fromS, toS).map((w) => w.goodputRps ?? 0));
const api = (w: { nodes: Record<string, Record<string, unknown>> }) => w.nodes['api']!;
const apiFigure = (x: Run, key: string, fromS: number, toS: number) =>
  between(x, fromS, toS).map((w) => api(w)[key] as number);

const GC = 'overload-goodput-collapse';
export const goodputCollapse: Claim[] = [
  {
    preset: GC,
    claim: 'no spike: no errors',
    variant: noFaults,
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0.0001,
  },
  { preset: GC, claim: 'goodput before', metric: (x) => goodput(x, 10, 30), expected: 121 },
  { preset: GC, claim: 'goodput after', metric: (x) => goodput(x, 60, 120), expected: 0, abs: 0.5 },
  {
    preset: GC,
    claim: 'slowdown after',
    metric: (x) => mean(apiFigure(x, 'slowdown', 60, 120)),
    expected: 4,
  },
  { preset: GC, claim: 'run error rate', metric: ({ r }) => r.errorRate, expected: 0.82 },
  {
    preset: GC,
    claim: 'drop abandoned: goodput after',
    variant: param('api', 'discipline', { order: 'fifo', dropAbandoned: true }),
    metric: (x) => goodput(x, 60, 120),
    expected: 25,
  },
];

const CD = 'overload-codel';
export const codel: Claim[] = [
  { preset: CD, claim: 'recovers at', metric: (x) => recoveredAt(x, 40), expected: 42, abs: 1 },
  { preset: CD, claim: 'goodput after', metric: (x) => goodput(x, 60, 120), expected: 120 },
  { preset: CD, claim: 'dropped', metric: ({ r }) => r.nodes['api']!.dropped ?? 0, expected: 835 },
  { preset: CD, claim: 'run error rate', metric: ({ r }) => r.errorRate, expected: 0.058 },
  {
    preset: CD,
    claim: 'adaptive LIFO: goodput after',
    variant: param('api', 'discipline', { order: 'adaptiveLifo', lifoAbove: 10 }),
    metric: (x) => goodput(x, 60, 120),
    expected: 50,
  },
  {
    preset: CD,
    claim: 'adaptive LIFO: waiting at the end',
    variant: param('api', 'discipline', { order: 'adaptiveLifo', lifoAbove: 10 }),
    metric: (x) => apiFigure(x, 'queueLength', 115, 120).at(-1)!,
    expected: 7300,
    tolerance: 0.05,
  },
];

const CL = 'overload-concurrency-limit';
export const concurrencyLimit: Claim[] = [
  {
    preset: CL,
    claim: 'limit before',
    metric: (x) => mean(apiFigure(x, 'concurrencyLimit', 10, 30)),
    expected: 17,
    tolerance: 0.1,
  },
  {
    preset: CL,
    claim: 'limit in the spike',
    metric: (x) => minOf(apiFigure(x, 'concurrencyLimit', 30, 45)),
    expected: 17,
    abs: 1,
  },
  {
    preset: CL,
    claim: 'errors after the spike',
    metric: (x) => mean(between(x, 45, 120).map((w) => w.errorRate)),
    expected: 0.0025,
    abs: 0.0001,
  },
  { preset: CL, claim: 'p99', metric: ({ r }) => r.latencyMs.p99, expected: 228 },
  { preset: CL, claim: 'shed', metric: ({ r }) => r.errors?.shed ?? 0, expected: 715 },
  {
    preset: CL,
    claim: 'vegas: limit before',
    variant: param('api', 'concurrencyLimit.algorithm', 'vegas'),
    metric: (x) => mean(apiFigure(x, 'concurrencyLimit', 10, 30)),
    expected: 18,
    tolerance: 0.1,
  },
];

const RT = 'overload-retry-tokens';
const noBucket = edge('e-api-inventory', 'retry.tokenBucket', undefined);
export const retryTokens: Claim[] = [
  { preset: RT, claim: 'recovers at', metric: (x) => recoveredAt(x, 62), expected: 95, abs: 1 },
  { preset: RT, claim: 'retries', metric: ({ r }) => r.retries ?? 0, expected: 11 },
  {
    preset: RT,
    claim: 'refused',
    metric: ({ r }) => r.edges!['e-api-inventory']!.budgetDenied ?? 0,
    expected: 6643,
    abs: 0,
  },
  {
    preset: RT,
    claim: 'timeouts',
    metric: ({ r }) => r.errors?.timeout ?? 0,
    expected: 6643,
    abs: 0,
  },
  { preset: RT, claim: 'run error rate', metric: ({ r }) => r.errorRate, expected: 0.196 },
  {
    preset: RT,
    claim: 'no bucket: never recovers',
    variant: noBucket,
    metric: (x) => minOf(between(x, 62, 1e9).map((w) => w.errorRate)),
    expected: 1,
  },
];

const BH = 'overload-bulkhead';
const noBulkhead = edge('e-shop-reviews', 'bulkhead', undefined);
const errorsIn = (x: Run, fromS: number, toS: number) =>
  mean(between(x, fromS, toS).map((w) => w.errorRate));
export const bulkhead: Claim[] = [
  { preset: BH, claim: 'errors in the fault', metric: (x) => errorsIn(x, 35, 60), expected: 0.23 },
  {
    preset: BH,
    claim: 'bulkheadFull',
    metric: ({ r }) => r.errors?.bulkheadFull ?? 0,
    expected: 1249,
  },
  {
    preset: BH,
    claim: 'catalog rps in the fault',
    metric: (x) => mean(between(x, 35, 60).map((w) => w.nodes['catalog']!.throughputRps)),
    expected: 153,
  },
  {
    preset: BH,
    claim: 'no bulkhead: errors in the fault',
    variant: noBulkhead,
    metric: (x) => errorsIn(x, 35, 60),
    expected: 0.98,
  },
  {
    preset: BH,
    claim: 'no bulkhead: catalog rps in the fault',
    variant: noBulkhead,
    metric: (x) => mean(between(x, 35, 60).map((w) => w.nodes['catalog']!.throughputRps)),
    expected: 107,
  },
];
