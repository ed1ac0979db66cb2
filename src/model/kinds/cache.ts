/** `cache`: holds entries in front of one backing store (its one outgoing call edge). */
import * as z from 'zod';
import {
  bool,
  constant,
  distSchema,
  int,
  MAX_COUNT,
  MAX_MS,
  oneOf,
  positive,
  ratio,
} from './common.ts';
import { defineKind } from './define.ts';

const KB_PER_GB = 1024 * 1024;
import { num } from './lineText.ts';
import { describeFields } from './schemaInfo.ts';

export const cacheParamsSchema = z.strictObject({
  capacity: int(0, MAX_COUNT).default(1000),
  // What the entries weigh, for its price per GB: 1 KB each unless said.
  entryKb: positive(KB_PER_GB, 'KB').default(1),
  eviction: oneOf(['lru', 'lfu', 'fifo', 'random']).default('lru'),
  ttlMs: positive(MAX_MS * 365, 'ms').optional(),
  hitMs: distSchema.default(constant(1)),
  strategy: oneOf([
    'cacheAside',
    'readThrough',
    'writeThrough',
    'writeBehind',
    'refreshAhead',
  ]).default('readThrough'),
  warm: bool().default(false),
  // Added fields: flush dirty entries every second; refresh in the last 20 % of an entry's TTL.
  writeBehindFlushMs: positive(MAX_MS, 'ms').default(1000),
  refreshAheadRatio: ratio().default(0.2),
});

export const CACHE_DESCRIPTION = defineKind({
  type: 'cache',
  label: 'Cache',
  icon: '⚡',
  // A lightning bolt.
  glyph: [['path', 'M9.5 1.5L3.5 9h4l-1 5.5 6-7.5h-4z']],
  colour: '#f06543',
  summary: 'Holds hot entries in front of one backing store; a miss reads the store.',
  schema: cacheParamsSchema,
  params: describeFields(cacheParamsSchema, [
    { key: 'capacity', label: 'Capacity', help: 'Entries held.' },
    {
      key: 'entryKb',
      label: 'Entry size',
      help: 'What one entry weighs: the cache is priced per GB held (capacity × entry size).',
    },
    { key: 'eviction', label: 'Eviction', help: 'Which entry goes when the cache is full.' },
    { key: 'ttlMs', label: 'TTL', help: 'Entry lifetime. Empty = entries never expire.' },
    { key: 'hitMs', label: 'Hit latency', help: 'Time to answer from the cache.', unit: 'ms' },
    {
      key: 'strategy',
      label: 'Strategy',
      help: 'cacheAside / readThrough fill on a miss; writeThrough writes the store at once; writeBehind later in batches; refreshAhead reloads entries before they expire.',
    },
    { key: 'warm', label: 'Start warm', help: 'Start filled with the most popular keys.' },
    {
      key: 'writeBehindFlushMs',
      label: 'Write-behind flush interval',
      help: 'writeBehind: dirty entries are written to the store at this interval, in batches.',
    },
    {
      key: 'refreshAheadRatio',
      label: 'Refresh-ahead window',
      help: 'refreshAhead: an entry read within this share of its TTL before expiry is reloaded in the background.',
      step: 0.05,
    },
  ]),
  line: (p) => `${num(p.capacity)} entries · ${p.eviction}`,
  flow: () => ({ split: 'readMisses' }),
  theory: (p) => ({
    as: 'lookup',
    hitMs: p.hitMs,
    lru:
      p.eviction !== 'lru'
        ? `eviction ${p.eviction}: Che's approximation is for LRU`
        : p.ttlMs !== undefined
          ? 'entries expire (TTL): not modelled'
          : { capacity: p.capacity },
  }),
  faults: ['slow', 'flush'],
  // ElastiCache Serverless (Redis OSS), us-east-1: $0.125 per GB of data stored an hour.
  price: { usd: 0.125, per: 'GB-hour' },
  gigabytes: (p) => (p.capacity * p.entryKb) / KB_PER_GB,
  live: ['capacity', 'hitMs', 'ttlMs'],
  edges: {
    call: {
      targets: ['service', 'loadBalancer', 'database', 'shardRouter', 'cache'],
      why: "a cache's backing store is a service, a load balancer, a database, a shard router or another cache",
      min: {
        count: 1,
        warning: 'has no backing store: every miss fails',
        problem: 'This cache has no backing store: connect it to a database or service.',
      },
      max: { count: 1, reason: 'a cache has exactly one outgoing call edge: its backing store' },
    },
  },
  reads: () => ({ key: true }),
});
