/** Stream lessons: `stream-hot-partition` and `stream-replay`. */
import { param } from './edit.ts';
import type { Claim, Run } from './harness.ts';

const stream = ({ r }: Run) => r.nodes['events']!;

const HOT = 'stream-hot-partition';
const twelveReplicas = param('ledger', 'replicas', 12);
const shortPause = param('events', 'rebalanceMs', 500);
const wait = (p: number) => (run: Run) => stream(run).partitionWaitMs![`ledger p${p}`]!;

export const streamHotPartition: Claim[] = [
  {
    preset: HOT,
    claim: 'p0 takes 88 msg/s',
    metric: (run) => stream(run).partitionRps![0]!,
    expected: 88,
    tolerance: 0.01,
  },
  {
    preset: HOT,
    claim: 'p0 takes 29 % of the traffic',
    metric: (run) => stream(run).partitionRps![0]! / 300,
    expected: 0.29,
    abs: 0.005,
  },
  {
    preset: HOT,
    claim: 'p3 takes 26 msg/s',
    metric: (run) => stream(run).partitionRps![3]!,
    expected: 26,
    tolerance: 0.02,
  },
  { preset: HOT, claim: 'p0 waits 785 ms', metric: wait(0), expected: 785, tolerance: 0.001 },
  { preset: HOT, claim: 'p3 waits 117 ms', metric: wait(3), expected: 117, tolerance: 0.005 },
  {
    preset: HOT,
    claim: '2 rebalances',
    metric: (run) => stream(run).groupRebalances!['ledger']!,
    expected: 2,
    abs: 0,
  },
  {
    preset: HOT,
    claim: '6 s paused',
    metric: (run) => stream(run).groupPausedS!['ledger']!,
    expected: 6,
    abs: 0,
  },
  {
    preset: HOT,
    claim: '12 replicas: 6 idle',
    variant: twelveReplicas,
    metric: (run) => stream(run).groupIdleConsumers!['ledger']!,
    expected: 6,
    abs: 0,
  },
  {
    preset: HOT,
    claim: '12 replicas: p0 still waits 785 ms',
    variant: twelveReplicas,
    metric: wait(0),
    expected: 785,
    tolerance: 0.001,
  },
  {
    preset: HOT,
    claim: '500 ms pause: p0 waits 101 ms',
    variant: shortPause,
    metric: wait(0),
    expected: 101,
    tolerance: 0.005,
  },
  {
    preset: HOT,
    claim: '500 ms pause: p3 waits 7 ms',
    variant: shortPause,
    metric: wait(3),
    expected: 7,
    tolerance: 0.05,
  },
];

const REPLAY = 'stream-replay';
const catchUp = (run: Run) => stream(run).catchUpS!['search']!;
const backlog = (run: Run) => stream(run).replayBacklog!['search']!;

export const streamReplay: Claim[] = [
  { preset: REPLAY, claim: 'starts 6,072 behind', metric: backlog, expected: 6072, abs: 0 },
  { preset: REPLAY, claim: 'catches up in 20.5 s', metric: catchUp, expected: 20.5, abs: 0.05 },
  {
    preset: REPLAY,
    claim: 'theory: B / (μ − λ) = 20.2 s, within 2 % of the measured',
    metric: (run) => backlog(run) / (400 - 100) / catchUp(run),
    expected: 1,
    abs: 0.02,
  },
  {
    preset: REPLAY,
    claim: '20 ms: catches up in 63.6 s',
    variant: param('search', 'serviceTimeMs.meanMs', 20),
    metric: catchUp,
    expected: 63.6,
    abs: 0.05,
  },
  {
    preset: REPLAY,
    claim: 'retention 500: starts 2,000 behind',
    variant: param('events', 'retentionMessages', 500),
    metric: backlog,
    expected: 2000,
    abs: 0,
  },
  {
    preset: REPLAY,
    claim: 'retention 500: catches up in 7.2 s',
    variant: param('events', 'retentionMessages', 500),
    metric: catchUp,
    expected: 7.2,
    abs: 0.05,
  },
];
