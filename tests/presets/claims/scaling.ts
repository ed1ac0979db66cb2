/** Scaling and queueing lessons: the autoscalers, the knee, Little's law, capacity planning. */
import { addFault, all, between, mean, param } from './edit.ts';
import type { WindowStats } from '../../../src/engine/types.ts';
import type { Claim, Run } from './harness.ts';

const maxOf = (xs: number[]) => Math.max(...xs);
const minOf = (xs: number[]) => Math.min(...xs);
const replicas = (x: Run) => x.r.nodes['web']!.replicas!;
const healthyAt = (x: Run, tS: number) =>
  x.w.find((w) => w.tS === tS)!.nodes['web']!.healthyReplicas!;

const AR = 'autoscaling-reactive';
const scheduled = param('web', 'autoscale', {
  mode: 'scheduled',
  schedule: [
    [0, 2],
    [80, 7],
    [215, 2],
  ],
  startupS: 30,
});
export const reactive: Claim[] = [
  {
    preset: AR,
    claim: 'asks for up to',
    metric: (x) => x.r.nodes['web']!['replicasMax'] as number,
    expected: 10,
    abs: 0,
  },
  { preset: AR, claim: 'serving at 140 s', metric: (x) => healthyAt(x, 140), expected: 3, abs: 0 },
  { preset: AR, claim: 'serving at 160 s', metric: (x) => healthyAt(x, 160), expected: 4, abs: 0 },
  { preset: AR, claim: 'serving at 200 s', metric: (x) => healthyAt(x, 200), expected: 7, abs: 0 },
  {
    preset: AR,
    claim: 'rejected 112-140 s',
    metric: (x) => mean(between(x, 112, 140).map((w) => w.errorRate)),
    expected: 0.5,
    tolerance: 0.1,
  },
  {
    preset: AR,
    claim: 'rejected 140-160 s',
    metric: (x) => mean(between(x, 140, 160).map((w) => w.errorRate)),
    expected: 0.25,
    tolerance: 0.1,
  },
  {
    preset: AR,
    claim: 'p99 112-160 s',
    metric: (x) => mean(between(x, 112, 160).map((w) => w.latencyMs.p99)),
    expected: 1200,
  },
  {
    preset: AR,
    claim: 'last rejection',
    metric: (x) =>
      maxOf(
        between(x, 0, 1e9)
          .filter((w) => w.errorRate > 0)
          .map((w) => w.tS),
      ),
    expected: 160,
    abs: 0,
  },
  {
    preset: AR,
    claim: 'p99 above 600 ms until 180 s',
    metric: (x) => minOf(between(x, 161, 180).map((w) => w.latencyMs.p99)),
    expected: 600,
    tolerance: 0.1,
  },
  { preset: AR, claim: 'run error rate', metric: ({ r }) => r.errorRate, expected: 0.12 },
  { preset: AR, claim: 'average replicas', metric: replicas, expected: 3.5 },
  {
    preset: AR,
    claim: 'no autoscale',
    variant: param('web', 'autoscale', undefined),
    metric: ({ r }) => r.errorRate,
    expected: 0.315,
  },
  {
    preset: AR,
    claim: 'no autoscale: rejected in the campaign',
    variant: param('web', 'autoscale', undefined),
    metric: (x) => mean(between(x, 110, 210).map((w) => w.errorRate)),
    expected: 0.5,
    tolerance: 0.1,
  },
  {
    preset: AR,
    claim: 'startupS 5',
    variant: param('web', 'autoscale.startupS', 5),
    metric: ({ r }) => r.errorRate,
    expected: 0.034,
  },
  {
    preset: AR,
    claim: 'min 4: errors',
    variant: param('web', 'autoscale.min', 4),
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0.0001,
  },
  {
    preset: AR,
    claim: 'min 4: replicas',
    variant: param('web', 'autoscale.min', 4),
    metric: replicas,
    expected: 5,
  },
  {
    preset: AR,
    claim: 'scheduled: errors',
    variant: scheduled,
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0.0001,
  },
  {
    preset: AR,
    claim: 'scheduled: replicas',
    variant: scheduled,
    metric: replicas,
    expected: 4.25,
  },
];

const AP = 'autoscaling-predictive';
export const predictive: Claim[] = [
  {
    preset: AP,
    claim: 'healthy replicas at 90 s',
    metric: (x) => healthyAt(x, 90),
    expected: 7,
    abs: 0,
  },
  {
    preset: AP,
    claim: 'still 2 at 40 s',
    metric: (x) => x.w.find((w) => w.tS === 40)!.nodes['web']!.replicas!,
    expected: 2,
    abs: 0,
  },
  {
    preset: AP,
    claim: 'adding by 50 s',
    metric: (x) => x.w.find((w) => w.tS === 50)!.nodes['web']!.replicas!,
    expected: 5,
    abs: 0,
  },
  {
    preset: AP,
    claim: 'back to 2 by 230 s',
    metric: (x) => healthyAt(x, 230),
    expected: 2,
    abs: 0,
  },
  { preset: AP, claim: 'no request fails', metric: ({ r }) => r.errorRate, expected: 0, abs: 0 },
  { preset: AP, claim: 'p99', metric: ({ r }) => r.latencyMs.p99, expected: 190 },
  { preset: AP, claim: 'average replicas', metric: replicas, expected: 5 },
  {
    preset: AP,
    claim: 'leadS 10',
    variant: param('web', 'autoscale.leadS', 10),
    metric: ({ r }) => r.errorRate,
    expected: 0.054,
  },
  {
    preset: AP,
    claim: 'unforecast spike',
    variant: addFault({ atS: 250, forS: 30, kind: 'spike', target: 'visitors', multiplier: 3 }),
    metric: ({ r }) => r.errorRate,
    expected: 0.044,
  },
];

const KN = 'latency-throughput-knee';
const STEPS: Array<[string, number, number, number, number]> = [
  // [load, step start s, mean ms, p99 ms, rps]
  ['20 %', 0, 10, 42, 40],
  ['40 %', 30, 12, 54, 84],
  ['60 %', 60, 14, 54, 119],
  ['70 %', 90, 19, 62, 141],
  ['80 %', 120, 29, 90, 157],
  ['90 %', 150, 48, 103, 180],
  ['95 %', 180, 113, 186, 187],
  ['105 %', 210, 1100, Number.NaN, 199],
];
const step = (x: Run, startS: number) => between(x, startS + 5, startS + 30);
export const knee: Claim[] = STEPS.flatMap(([load, s, meanMs, p99, rps]) => {
  const out: Claim[] = [
    {
      preset: KN,
      claim: `${load}: mean`,
      metric: (x) => mean(step(x, s).map((w) => w.latencyMs.mean!)),
      expected: meanMs,
      tolerance: 0.1,
    },
    {
      preset: KN,
      claim: `${load}: rps`,
      metric: (x) => mean(step(x, s).map((w) => w.throughputRps)),
      expected: rps,
    },
  ];
  if (!Number.isNaN(p99))
    out.push({
      preset: KN,
      claim: `${load}: p99`,
      metric: (x) => mean(step(x, s).map((w) => w.latencyMs.p99)),
      expected: p99,
      tolerance: 0.1,
    });
  return out;
});

const LL = 'littles-law';
const server = (x: Run) => x.r.nodes['server']!;
const constant = param('server', 'serviceTimeMs', { dist: 'constant', ms: 10 });
const closed = param('arrivals', 'arrival', { process: 'closed', users: 20, thinkMs: 200 });
export const littlesLaw: Claim[] = [
  {
    preset: LL,
    claim: 'λ',
    metric: (x) => server(x).throughputRps,
    expected: 79.93,
    tolerance: 0.001,
  },
  {
    preset: LL,
    claim: 'W',
    metric: (x) => server(x).latencyMs.mean,
    expected: 52.49,
    tolerance: 0.001,
  },
  {
    preset: LL,
    claim: 'waiting',
    metric: (x) => server(x).meanQueueLength,
    expected: 3.39,
    tolerance: 0.005,
  },
  {
    preset: LL,
    claim: 'in service',
    metric: (x) => server(x).utilization,
    expected: 0.81,
    tolerance: 0.01,
  },
  {
    preset: LL,
    claim: 'constant: W',
    variant: constant,
    metric: (x) => server(x).latencyMs.mean,
    expected: 30,
  },
  {
    preset: LL,
    claim: 'constant: waiting',
    variant: constant,
    metric: (x) => server(x).meanQueueLength,
    expected: 1.6,
  },
  {
    preset: LL,
    claim: 'closed: throughput',
    variant: closed,
    metric: (x) => server(x).throughputRps,
    expected: 83,
  },
];

const CP = 'capacity-planning';
const minute = (x: Run, m: number) => between(x, 60 * (m - 1), 60 * m);
const inMinute = (m: number, f: (w: WindowStats) => number) => (x: Run) =>
  mean(minute(x, m).map(f));
const p99In = (x: Run, m: number) => inMinute(m, (w) => w.latencyMs.p99)(x);
/** Failed requests over all requests in these windows (not the mean of per-second rates). */
const failedShare = (ws: WindowStats[]) => {
  const failed = ws.reduce((n, w) => n + (w.failedRps ?? 0), 0);
  return failed / (failed + ws.reduce((n, w) => n + (w.okRps ?? 0), 0));
};
const worstP99 = (x: Run) => maxOf([1, 2, 3, 4, 5].map((m) => p99In(x, m)));
const three = param('api', 'replicas', 3);
const four = param('api', 'replicas', 4);
const crash = addFault({ atS: 240, kind: 'crash', target: 'api', replicas: 1 });
const checked = param('lb', 'healthCheck', {
  intervalMs: 1000,
  timeoutMs: 500,
  unhealthyAfter: 3,
  healthyAfter: 2,
});
const threeDown = all(three, crash, checked);
const fourDown = all(four, crash, checked);
const heavy = param('api', 'serviceTimeMs.cv', 3);
export const capacity: Claim[] = [
  { preset: CP, claim: '2: p99 minute 4', metric: (x) => p99In(x, 4), expected: 107 },
  {
    preset: CP,
    claim: '2: mean last minute',
    metric: inMinute(5, (w) => w.latencyMs.mean!),
    expected: 750,
  },
  { preset: CP, claim: '2: p99 last minute', metric: (x) => p99In(x, 5), expected: 840 },
  {
    preset: CP,
    claim: '2: rps last minute',
    metric: inMinute(5, (w) => w.throughputRps),
    expected: 536,
  },
  { preset: CP, claim: '3: worst minute p99', variant: three, metric: worstP99, expected: 80 },
  {
    preset: CP,
    claim: '3: busy last minute',
    variant: three,
    metric: inMinute(5, (w) => w.nodes['api']!.utilization),
    expected: 0.7,
  },
  { preset: CP, claim: '4: worst minute p99', variant: four, metric: worstP99, expected: 80 },
  {
    preset: CP,
    claim: '3, crash, no check: last minute errors',
    variant: all(three, crash),
    metric: inMinute(5, (w) => w.errorRate),
    expected: 0.67,
  },
  {
    preset: CP,
    claim: '3, crash, checked: last minute p99',
    variant: threeDown,
    metric: (x) => p99In(x, 5),
    expected: 380,
  },
  {
    preset: CP,
    claim: '3, crash, checked: detection',
    variant: threeDown,
    metric: ({ r }) => r.nodes['lb']!.detectionMs!.mean,
    expected: 2500,
    abs: 0,
  },
  {
    preset: CP,
    claim: '3, crash, checked: last minute errors',
    variant: threeDown,
    metric: (x) => failedShare(minute(x, 5)),
    expected: 0.1,
    tolerance: 0.1,
  },
  {
    preset: CP,
    claim: '4, crash, checked: last minute p99',
    variant: fourDown,
    metric: (x) => p99In(x, 5),
    expected: 80,
  },
  {
    preset: CP,
    claim: '4, crash, checked: run errors',
    variant: fourDown,
    metric: ({ r }) => r.errorRate,
    expected: 0.006,
    tolerance: 0.1,
  },
  {
    preset: CP,
    claim: 'cv 3: p99 minute 1',
    variant: heavy,
    metric: (x) => p99In(x, 1),
    expected: 170,
  },
  {
    preset: CP,
    claim: 'cv 3, 4 replicas: p99 minute 1',
    variant: all(heavy, four),
    metric: (x) => p99In(x, 1),
    expected: 170,
  },
];
