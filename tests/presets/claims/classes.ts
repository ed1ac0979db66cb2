/** Traffic-class lessons: `priority-shedding` and `batched-writer`. */
import { grade } from '../../../src/analysis/objectives.ts';
import type { Objective } from '../../../src/model/types.ts';
import { param } from './edit.ts';
import { readPreset, type Claim, type Run } from './harness.ts';

const PS = 'priority-shedding';
const cls = (name: string) => (run: Run) => run.r.nodes['users']!.classes![name]!;
const noPriority = param('api', 'priority', undefined);
const preemptive = param('api', 'priority', 'preemptiveResume');
/** One of the preset's objectives per class, graded on the run: its value, or 1 met / 0 missed. */
const objective = (id: string, read: 'value' | 'met') => (run: Run) => {
  const o = (readPreset(PS)['objectives'] as Objective[]).find((x) => x.id === id)!;
  const g = grade([o], run.r)[0]!;
  return read === 'met' ? Number(g.met) : g.value!;
};

export const priorityShedding: Claim[] = [
  {
    preset: PS,
    claim: 'checkout: 29 rps served',
    metric: (r) => cls('checkout')(r).throughputRps,
    expected: 29,
  },
  {
    preset: PS,
    claim: 'checkout: 0 % errors',
    metric: (r) => cls('checkout')(r).errorRate,
    expected: 0,
    abs: 0.005,
  },
  {
    preset: PS,
    claim: 'checkout: p99 205 ms',
    metric: (r) => cls('checkout')(r).latencyMs.p99,
    expected: 205,
  },
  {
    preset: PS,
    claim: 'browse: 71 rps served',
    metric: (r) => cls('browse')(r).throughputRps,
    expected: 71,
  },
  {
    preset: PS,
    claim: 'browse: 41 % shed',
    metric: (r) => cls('browse')(r).errorRate,
    expected: 0.41,
    abs: 0.005,
  },
  {
    preset: PS,
    claim: 'browse: p99 542 ms',
    metric: (r) => cls('browse')(r).latencyMs.p99,
    expected: 542,
  },
  {
    preset: PS,
    claim: 'no priority: checkout 34 % shed',
    variant: noPriority,
    metric: (r) => cls('checkout')(r).errorRate,
    expected: 0.34,
    abs: 0.005,
  },
  {
    preset: PS,
    claim: 'no priority: checkout p99 398 ms',
    variant: noPriority,
    metric: (r) => cls('checkout')(r).latencyMs.p99,
    expected: 398,
  },
  {
    preset: PS,
    claim: 'checkout p99 ≤ 300 ms: met',
    metric: objective('checkout-fast', 'met'),
    expected: 1,
    abs: 0,
  },
  {
    preset: PS,
    claim: 'checkout served ≥ 99 %: met',
    metric: objective('checkout-served', 'met'),
    expected: 1,
    abs: 0,
  },
  {
    preset: PS,
    claim: 'browse served ≥ 50 %: met at 59 %',
    metric: objective('browse-served', 'value'),
    expected: 0.59,
    abs: 0.005,
  },
  {
    preset: PS,
    claim: 'no priority: checkout p99 objective missed',
    variant: noPriority,
    metric: objective('checkout-fast', 'met'),
    expected: 0,
    abs: 0,
  },
  {
    preset: PS,
    claim: 'no priority: checkout served missed at 66 %',
    variant: noPriority,
    metric: objective('checkout-served', 'value'),
    expected: 0.66,
    abs: 0.005,
  },
  {
    preset: PS,
    claim: 'no priority: browse served still met',
    variant: noPriority,
    metric: objective('browse-served', 'met'),
    expected: 1,
    abs: 0,
  },
  {
    preset: PS,
    claim: 'preemptive: checkout mean 40 ms',
    variant: preemptive,
    metric: (r) => cls('checkout')(r).latencyMs.mean,
    expected: 40,
  },
  {
    preset: PS,
    claim: 'non-preemptive: checkout mean 54 ms',
    metric: (r) => cls('checkout')(r).latencyMs.mean,
    expected: 54,
  },
];

const BW = 'batched-writer';
const oneAtATime = param('writer', 'batch.maxItems', 1);
/** Items the writer served per second of the measured span, by completion (the windows). */
const servedPerS = ({ w }: Run) => {
  const measured = w.filter((x) => !x.warmup);
  const served = measured.reduce((n, x) => n + x.nodes['writer']!.ok, 0);
  return served / measured.reduce((s, x) => s + x.lengthS, 0);
};

export const batchedWriter: Claim[] = [
  { preset: BW, claim: 'batched: 401 items/s', metric: servedPerS, expected: 401, tolerance: 0.01 },
  {
    preset: BW,
    claim: 'batched: batches of 20',
    metric: ({ r }) => r.nodes['writer']!.meanBatchItems!,
    expected: 20,
    abs: 0.5,
  },
  {
    preset: BW,
    claim: 'batched: writer busy 60 %',
    metric: ({ r }) => r.nodes['writer']!.utilization,
    expected: 0.6,
  },
  {
    preset: BW,
    claim: 'batched: a message waits 9 ms',
    metric: ({ r }) => r.nodes['queue']!.meanMessageAgeMs!,
    expected: 9,
    tolerance: 0.06,
  },
  {
    preset: BW,
    claim: 'batched: an item spends 45 ms in the writer',
    metric: ({ r }) => r.nodes['writer']!.latencyMs.mean,
    expected: 45,
  },
  {
    preset: BW,
    claim: 'one at a time: 90.9 items/s',
    variant: oneAtATime,
    metric: servedPerS,
    expected: 90.9,
    tolerance: 0.01,
  },
  {
    preset: BW,
    claim: 'one at a time: 37,255 messages wait at the end',
    variant: oneAtATime,
    metric: ({ r }) => r.nodes['queue']!.depthNow!,
    expected: 37255,
    tolerance: 0.01,
  },
  {
    preset: BW,
    claim: 'one at a time: a message waits 64 s',
    variant: oneAtATime,
    metric: ({ r }) => r.nodes['queue']!.meanMessageAgeMs! / 1000,
    expected: 64,
  },
];
