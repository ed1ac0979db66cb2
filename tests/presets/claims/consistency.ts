/** Consistency and availability lessons: `cap-partition`, `replication-sync-async` and
 *  `redundancy-n-plus-1`. */
import { all, edge, fault, param } from './edit.ts';
import type { Claim, Run } from './harness.ts';

const fig =
  (id: string, key: string) =>
  ({ r }: Run) =>
    r.nodes[id]![key] as number;
const errorRate = ({ r }: Run) => r.errorRate;

const CAP = 'cap-partition';
/** The partition's windows (t = 30 s to 60 s). */
const cut = ({ w }: Run) => w.filter((x) => x.startS >= 30 && x.startS < 60);
const shareAt =
  (i: number) =>
  (run: Run): number =>
    cut(run).at(i)!.nodes['replica']!.staleReadShare as number;
const partitionShare = (run: Run) => {
  const ws = cut(run).map((x) => x.nodes['replica']!);
  const stale = ws.reduce((a, n) => a + (n.staleReads as number), 0);
  return stale / ws.reduce((a, n) => a + n.ok, 0);
};
const refuseBoth = all(
  param('primary', 'onPartition', 'refuse'),
  param('replica', 'onPartition', 'refuse'),
);
const refuseReplica = param('replica', 'onPartition', 'refuse');
export const capPartition: Claim[] = [
  { preset: CAP, claim: 'serve: no errors', metric: errorRate, expected: 0, abs: 0 },
  {
    preset: CAP,
    claim: 'serve: first second stale',
    metric: shareAt(0),
    expected: 0.03,
    abs: 0.005,
  },
  {
    preset: CAP,
    claim: 'serve: last second stale',
    metric: shareAt(-1),
    expected: 0.73,
    abs: 0.005,
  },
  {
    preset: CAP,
    claim: 'serve: partition stale share',
    metric: partitionShare,
    expected: 0.41,
    abs: 0.005,
  },
  {
    preset: CAP,
    claim: 'serve: staleness age',
    metric: fig('replica', 'stalenessMs'),
    expected: 8200,
  },
  {
    preset: CAP,
    claim: 'refuse: no stale read',
    variant: refuseBoth,
    metric: fig('replica', 'staleReads'),
    expected: 0,
    abs: 0,
  },
  {
    preset: CAP,
    claim: 'refuse: refused reads',
    variant: refuseBoth,
    metric: fig('replica', 'refusedReads'),
    expected: 4701,
    abs: 0,
  },
  {
    preset: CAP,
    claim: 'refuse: refused writes',
    variant: refuseBoth,
    metric: fig('primary', 'refusedWrites'),
    expected: 2351,
    abs: 0,
  },
  {
    preset: CAP,
    claim: 'refuse: error rate',
    variant: refuseBoth,
    metric: errorRate,
    expected: 0.21,
    abs: 0.005,
  },
  {
    preset: CAP,
    claim: 'replica refuses: error rate',
    variant: refuseReplica,
    metric: errorRate,
    expected: 0.14,
    abs: 0.005,
  },
  {
    preset: CAP,
    claim: 'replica refuses: stale reads',
    variant: refuseReplica,
    metric: fig('replica', 'staleReads'),
    expected: 2,
    abs: 0,
  },
];

const SA = 'replication-sync-async';
const writesMean = ({ r }: Run) => r.nodes['writers']!.latencyMs.mean;
const writesP99 = ({ r }: Run) => r.nodes['writers']!.latencyMs.p99;
const primaryBusy = ({ r }: Run) => r.nodes['primary']!.utilization;
const semi = param('primary', 'replicationMode', 'semiSync');
const sync = param('primary', 'replicationMode', 'sync');
const quorum = all(
  param('primary', 'replicationMode', 'quorum'),
  param('primary', 'writeQuorum', 2),
);
const far = { dist: 'exponential', meanMs: 100 };
const syncFar = all(sync, edge('e-repl-1', 'latencyMs', far), edge('e-repl-2', 'latencyMs', far));
export const replicationSyncAsync: Claim[] = [
  { preset: SA, claim: 'async: writes mean', metric: writesMean, expected: 12.1, abs: 0.05 },
  { preset: SA, claim: 'async: writes p99', metric: writesP99, expected: 47 },
  { preset: SA, claim: 'async: primary busy', metric: primaryBusy, expected: 0.06, abs: 0.005 },
  {
    preset: SA,
    claim: 'async: replica 1 stale',
    metric: fig('replica1', 'staleReadShare'),
    expected: 0.018,
    abs: 0.0005,
  },
  {
    preset: SA,
    claim: 'async: replica 2 stale',
    metric: fig('replica2', 'staleReadShare'),
    expected: 0.019,
    abs: 0.0005,
  },
  {
    preset: SA,
    claim: 'async: staleness age',
    metric: fig('replica1', 'stalenessMs'),
    expected: 25,
  },
  {
    preset: SA,
    claim: 'semiSync: writes mean',
    variant: semi,
    metric: writesMean,
    expected: 34.7,
    abs: 0.05,
  },
  { preset: SA, claim: 'semiSync: writes p99', variant: semi, metric: writesP99, expected: 87 },
  {
    preset: SA,
    claim: 'semiSync: primary busy',
    variant: semi,
    metric: primaryBusy,
    expected: 0.2,
    abs: 0.005,
  },
  {
    preset: SA,
    claim: 'semiSync: stale share',
    variant: semi,
    metric: fig('replica1', 'staleReadShare'),
    expected: 0.005,
    abs: 0.0005,
  },
  {
    preset: SA,
    claim: 'sync: writes mean',
    variant: sync,
    metric: writesMean,
    expected: 59.0,
    abs: 0.05,
  },
  { preset: SA, claim: 'sync: writes p99', variant: sync, metric: writesP99, expected: 139 },
  {
    preset: SA,
    claim: 'sync: primary busy',
    variant: sync,
    metric: primaryBusy,
    expected: 0.35,
    abs: 0.005,
  },
  {
    preset: SA,
    claim: 'sync: replica 1 never stale',
    variant: sync,
    metric: fig('replica1', 'staleReads'),
    expected: 0,
    abs: 0,
  },
  {
    preset: SA,
    claim: 'sync: replica 2 never stale',
    variant: sync,
    metric: fig('replica2', 'staleReads'),
    expected: 0,
    abs: 0,
  },
  {
    preset: SA,
    claim: 'reads unaffected',
    variant: sync,
    metric: ({ r }) => r.nodes['readers']!.latencyMs.mean,
    expected: 10.0,
    abs: 0.05,
  },
  {
    preset: SA,
    claim: 'quorum 2 of 3 = semiSync',
    variant: quorum,
    metric: writesMean,
    expected: 34.7,
    abs: 0.05,
  },
  {
    preset: SA,
    claim: 'distant sync: saturated',
    variant: syncFar,
    metric: primaryBusy,
    expected: 1,
    abs: 0.005,
  },
  {
    preset: SA,
    claim: 'distant sync: writes wait',
    variant: syncFar,
    metric: writesMean,
    expected: 18000,
    tolerance: 0.03,
  },
  {
    preset: SA,
    claim: 'distant sync: over half unfinished',
    variant: syncFar,
    metric: ({ r }) => 1 - r.nodes['writers']!.ok / r.nodes['writers']!.arrivals,
    expected: 0.56,
    abs: 0.01,
  },
];

const NP = 'redundancy-n-plus-1';
const clientErrors =
  (id: string) =>
  ({ r }: Run) =>
    r.nodes[id]!.failed / r.nodes[id]!.arrivals;
const zones = all(fault(0, 'zoneMtbfS', 600), fault(1, 'zoneMtbfS', 600));
const minUp3 = fault(1, 'minUp', 3);
const slowRepair = all(fault(0, 'mttrS', 12), fault(1, 'mttrS', 12));
export const redundancy: Claim[] = [
  {
    preset: NP,
    claim: 'N+1 availability',
    metric: fig('n1', 'availability'),
    expected: 0.9803,
    abs: 0.00005,
  },
  { preset: NP, claim: 'N+1 nines', metric: fig('n1', 'nines'), expected: 1.71, abs: 0.005 },
  {
    preset: NP,
    claim: 'N+1 downtime',
    metric: fig('n1', 'downtimeMinPerMonth'),
    expected: 861,
    abs: 0.5,
  },
  { preset: NP, claim: 'N+1 incidents', metric: fig('n1', 'incidents'), expected: 47, abs: 0 },
  {
    preset: NP,
    claim: 'N+2 availability',
    metric: fig('n2', 'availability'),
    expected: 0.9955,
    abs: 0.00005,
  },
  { preset: NP, claim: 'N+2 nines', metric: fig('n2', 'nines'), expected: 2.35, abs: 0.005 },
  {
    preset: NP,
    claim: 'N+2 downtime',
    metric: fig('n2', 'downtimeMinPerMonth'),
    expected: 197,
    abs: 0.5,
  },
  { preset: NP, claim: 'N+2 incidents', metric: fig('n2', 'incidents'), expected: 13, abs: 0 },
  {
    preset: NP,
    claim: 'N+1 users errors',
    metric: clientErrors('usersA'),
    expected: 0.0023,
    abs: 0.00005,
  },
  {
    preset: NP,
    claim: 'N+2 users errors',
    metric: clientErrors('usersB'),
    expected: 0.0017,
    abs: 0.00005,
  },
  {
    preset: NP,
    claim: 'zone: N+1',
    variant: zones,
    metric: fig('n1', 'availability'),
    expected: 0.9743,
    abs: 0.00005,
  },
  {
    preset: NP,
    claim: 'zone: N+2',
    variant: zones,
    metric: fig('n2', 'availability'),
    expected: 0.9853,
    abs: 0.00005,
  },
  {
    preset: NP,
    claim: 'minUp 3: N+2',
    variant: minUp3,
    metric: fig('n2', 'availability'),
    expected: 0.9534,
    abs: 0.00005,
  },
  {
    preset: NP,
    claim: 'minUp 3: same errors',
    variant: minUp3,
    metric: clientErrors('usersB'),
    expected: 0.0017,
    abs: 0.00005,
  },
  {
    preset: NP,
    claim: 'slow repair: N+1',
    variant: slowRepair,
    metric: fig('n1', 'availability'),
    expected: 0.9312,
    abs: 0.00005,
  },
  {
    preset: NP,
    claim: 'slow repair: N+2',
    variant: slowRepair,
    metric: fig('n2', 'availability'),
    expected: 0.9835,
    abs: 0.00005,
  },
];
