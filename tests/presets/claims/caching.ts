/** Caching lessons: `caching-strategies` and `cache-stampede`. */
import { addFault, all, between, bypass, noFaults, param } from './edit.ts';
import type { Claim, Run } from './harness.ts';

const CS = 'caching-strategies';
const hit = ({ r }: Run) => r.nodes['cache']!.hitRatio!;
const catalog = ({ r }: Run) => r.nodes['catalog']!;
const noCache = bypass('e-shoppers-cache', 'catalog', 'cache');
const big = param('cache', 'capacity', 5000);
const uniform = param('shoppers', 'keys.zipf', 0);
const crash = addFault({ atS: 60, forS: 20, kind: 'crash', target: 'cache' });
const crashRt = all(param('cache', 'strategy', 'readThrough'), crash);
export const cachingStrategies: Claim[] = [
  { preset: CS, claim: 'hit ratio', metric: hit, expected: 0.47 },
  { preset: CS, claim: 'catalog rps', metric: (x) => catalog(x).throughputRps, expected: 216 },
  { preset: CS, claim: 'catalog busy', metric: (x) => catalog(x).utilization, expected: 0.54 },
  { preset: CS, claim: 'p50', metric: ({ r }) => r.latencyMs.p50, expected: 8.6 },
  { preset: CS, claim: 'p99', metric: ({ r }) => r.latencyMs.p99, expected: 88 },
  {
    preset: CS,
    claim: 'no cache: busy',
    variant: noCache,
    metric: (x) => catalog(x).utilization,
    expected: 1,
  },
  {
    preset: CS,
    claim: 'no cache: waiting',
    variant: noCache,
    metric: (x) => catalog(x).meanQueueLength,
    expected: 136,
  },
  {
    preset: CS,
    claim: 'no cache: p99',
    variant: noCache,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 731,
  },
  { preset: CS, claim: '5000 entries: hit', variant: big, metric: hit, expected: 0.64 },
  {
    preset: CS,
    claim: '5000 entries: busy',
    variant: big,
    metric: (x) => catalog(x).utilization,
    expected: 0.38,
  },
  {
    preset: CS,
    claim: '5000 entries: p50',
    variant: big,
    metric: ({ r }) => r.latencyMs.p50,
    expected: 3,
  },
  {
    preset: CS,
    claim: 'lfu: hit',
    variant: param('cache', 'eviction', 'lfu'),
    metric: hit,
    expected: 0.48,
  },
  {
    preset: CS,
    claim: 'fifo: hit',
    variant: param('cache', 'eviction', 'fifo'),
    metric: hit,
    expected: 0.43,
  },
  {
    preset: CS,
    claim: '2 s TTL: hit',
    variant: param('cache', 'ttlMs', 2000),
    metric: hit,
    expected: 0.34,
  },
  { preset: CS, claim: 'zipf 0: hit', variant: uniform, metric: hit, expected: 0.05 },
  {
    preset: CS,
    claim: 'zipf 0: busy',
    variant: uniform,
    metric: (x) => catalog(x).utilization,
    expected: 0.95,
  },
  {
    preset: CS,
    claim: 'zipf 0: p99',
    variant: uniform,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 214,
  },
  {
    preset: CS,
    claim: 'crash, aside: errors',
    variant: crash,
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0.001,
  },
  {
    preset: CS,
    claim: 'crash, aside: p99',
    variant: crash,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 415,
  },
  {
    preset: CS,
    claim: 'crash, read-through: errors',
    variant: crashRt,
    metric: ({ r }) => r.errorRate,
    expected: 0.2,
  },
];

const ST = 'cache-stampede';
const maxOf = (xs: number[]) => Math.max(...xs);
const minOf = (xs: number[]) => Math.min(...xs);
const errsAfter = (run: Run, fromS: number) => between(run, fromS, 1e9).map((x) => x.errorRate);
const rt = param('cache', 'strategy', 'readThrough');
const bounded = param('origin', 'queueCapacity', 20);
const twoOrigins = param('origin', 'replicas', 2);
const cold = all(param('cache', 'warm', false), noFaults);
export const cacheStampede: Claim[] = [
  {
    preset: ST,
    claim: 'no flush: hit',
    variant: noFaults,
    metric: ({ r }) => r.nodes['cache']!.hitRatio!,
    expected: 0.91,
  },
  {
    preset: ST,
    claim: 'no flush: errors',
    variant: noFaults,
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0.001,
  },
  {
    preset: ST,
    claim: 'no flush: p99',
    variant: noFaults,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 65,
  },
  {
    preset: ST,
    claim: 'no flush: origin rps',
    variant: noFaults,
    metric: ({ r }) => r.nodes['origin']!.throughputRps,
    expected: 26,
  },
  {
    preset: ST,
    claim: 'no flush: origin a third busy',
    variant: noFaults,
    metric: ({ r }) => r.nodes['origin']!.utilization,
    expected: 0.33,
    tolerance: 0.1,
  },
  {
    preset: ST,
    claim: 'flush: stampede misses',
    metric: ({ r }) => r.nodes['cache']!['stampedeMisses'] as number,
    expected: 1221,
    abs: 0,
  },
  {
    preset: ST,
    claim: 'flush: error rate low after 70 s',
    metric: (x) => minOf(errsAfter(x, 70)),
    expected: 0.28,
  },
  {
    preset: ST,
    claim: 'flush: error rate high after 70 s',
    metric: (x) => maxOf(errsAfter(x, 70)),
    expected: 0.4,
  },
  { preset: ST, claim: 'flush: run error rate', metric: ({ r }) => r.errorRate, expected: 0.17 },
  {
    preset: ST,
    claim: 'flush: entries left',
    metric: ({ r }) => r.nodes['cache']!['entries'] as number,
    expected: 217,
    abs: 0,
  },
  {
    preset: ST,
    claim: 'read-through: errors',
    variant: rt,
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0.001,
  },
  {
    preset: ST,
    claim: 'read-through: p99',
    variant: rt,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 1500,
  },
  {
    preset: ST,
    claim: 'bounded: errors',
    variant: bounded,
    metric: ({ r }) => r.errorRate,
    expected: 0.007,
  },
  {
    preset: ST,
    claim: 'bounded: errors stop by 70 s',
    variant: bounded,
    metric: (x) => maxOf(errsAfter(x, 70)),
    expected: 0,
    abs: 0.001,
  },
  {
    preset: ST,
    claim: '2 replicas: errors',
    variant: twoOrigins,
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0.001,
  },
  {
    preset: ST,
    claim: '2 replicas: peak p99',
    variant: twoOrigins,
    metric: (x) => maxOf(between(x, 0, 1e9).map((w) => w.latencyMs.p99)),
    expected: 230,
  },
  {
    preset: ST,
    claim: 'cold start: errors',
    variant: cold,
    metric: ({ r }) => r.errorRate,
    expected: 0.3,
  },
];
