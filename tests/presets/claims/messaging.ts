/** Messaging lessons: `request-reply` and `nightly-job`. */
import { param } from './edit.ts';
import type { Claim, RawDoc, Run } from './harness.ts';

const RR = 'request-reply';
const q = (f: string) => (run: Run) => run.r.nodes['requests']![f] as number;
/** The counted windows where more than half the requests failed. */
const failing = (run: Run) => run.w.filter((w) => !w.warmup && w.errorRate > 0.5);
const noFault = (doc: RawDoc): RawDoc => ({ ...doc, faults: [] });
const threeWorkers = param('pricing', 'workers', 3);
const longTimeout = param('requests', 'reply.timeoutMs', 5000);

export const requestReply: Claim[] = [
  { preset: RR, claim: 'request-reply 78 ms', metric: q('meanRequestReplyMs'), expected: 78 },
  { preset: RR, claim: 'ack 2 ms', metric: q('meanAckMs'), expected: 2, abs: 1e-9 },
  { preset: RR, claim: 'wait 31 ms', metric: q('meanWaitMs'), expected: 31 },
  { preset: RR, claim: 'consumer 42 ms', metric: q('meanConsumerMs'), expected: 42 },
  { preset: RR, claim: 'reply 3 ms', metric: q('meanReplyMs'), expected: 3, abs: 1e-9 },
  {
    preset: RR,
    claim: 'the parts add up',
    metric: (run) =>
      q('meanAckMs')(run) + q('meanWaitMs')(run) + q('meanConsumerMs')(run) + q('meanReplyMs')(run),
    expected: 78.4346,
    tolerance: 0.001,
  },
  { preset: RR, claim: 'the app sees 88 ms', metric: ({ r }) => r.latencyMs.mean, expected: 88 },
  { preset: RR, claim: '38 s failing', metric: (run) => failing(run).length, expected: 38, abs: 0 },
  {
    preset: RR,
    claim: 'failing from 61 s',
    metric: (run) => failing(run)[0]!.tS,
    expected: 61,
    abs: 0,
  },
  {
    preset: RR,
    claim: 'failing to 98 s',
    metric: (run) => failing(run).at(-1)!.tS,
    expected: 98,
    abs: 0,
  },
  { preset: RR, claim: '1,132 timeouts', metric: q('replyTimeouts'), expected: 1132, abs: 0 },
  { preset: RR, claim: '1,132 late replies', metric: q('lateReplies'), expected: 1132, abs: 0 },
  { preset: RR, claim: 'queue peaks at 299', metric: q('depthMax'), expected: 299, abs: 0 },
  {
    preset: RR,
    claim: 'no fault: no timeouts',
    variant: noFault,
    metric: q('replyTimeouts'),
    expected: 0,
    abs: 0,
  },
  {
    preset: RR,
    claim: 'no fault: 76 ms',
    variant: noFault,
    metric: q('meanRequestReplyMs'),
    expected: 76,
  },
  {
    preset: RR,
    claim: 'no fault: wait 28 ms',
    variant: noFault,
    metric: q('meanWaitMs'),
    expected: 28,
  },
  {
    preset: RR,
    claim: '3 workers: 21 s failing',
    variant: threeWorkers,
    metric: (run) => failing(run).length,
    expected: 21,
    abs: 0,
  },
  {
    preset: RR,
    claim: '3 workers: 627 timeouts',
    variant: threeWorkers,
    metric: q('replyTimeouts'),
    expected: 627,
    abs: 0,
  },
  {
    preset: RR,
    claim: '3 workers: wait 6 ms',
    variant: threeWorkers,
    metric: q('meanWaitMs'),
    expected: 6,
    abs: 0.5,
  },
  {
    preset: RR,
    claim: '5 s timeout: 517 timeouts',
    variant: longTimeout,
    metric: q('replyTimeouts'),
    expected: 517,
    abs: 0,
  },
  {
    preset: RR,
    claim: '5 s timeout: p99 4.8 s',
    variant: longTimeout,
    metric: ({ r }) => r.latencyMs.p99 / 1000,
    expected: 4.8,
  },
];

const NJ = 'nightly-job';
const users = (run: Run) => run.r.nodes['users']!.latencyMs;
const makespan = (run: Run) => run.r.nodes['nightly']!.makespanMs!.mean / 1000;
const jittered = param('nightly', 'schedule.jitterMs', 60_000);
const noJob = (doc: RawDoc): RawDoc => ({
  ...doc,
  edges: doc.edges.filter((e) => e.source !== 'nightly'),
});

export const nightlyJob: Claim[] = [
  { preset: NJ, claim: 'makespan 15.4 s', metric: makespan, expected: 15.4, tolerance: 0.01 },
  { preset: NJ, claim: 'users p99 15.0 s', metric: (r) => users(r).p99 / 1000, expected: 15.0 },
  {
    preset: NJ,
    claim: 'API 72 % busy',
    metric: ({ r }) => r.nodes['api']!.utilization,
    expected: 0.72,
    abs: 0.005,
  },
  {
    preset: NJ,
    claim: 'jitter 60 s: users p99 332 ms',
    variant: jittered,
    metric: (r) => users(r).p99,
    expected: 332,
  },
  {
    preset: NJ,
    claim: 'jitter 60 s: makespan 60 s',
    variant: jittered,
    metric: makespan,
    expected: 60,
  },
  {
    preset: NJ,
    claim: 'no job: users p99 193 ms',
    variant: noJob,
    metric: (r) => users(r).p99,
    expected: 193,
  },
];
