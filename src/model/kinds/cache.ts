/** `cache`: holds entries in front of one backing store (its one outgoing call edge). */
import * as z from 'zod';
import type { CacheParams, CacheStrategy, Eviction } from '../types.ts';
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
import type { KindDescription } from './describe.ts';
import type { FigureDescriptor } from './figures.ts';

export const EVICTIONS = ['lru', 'lfu', 'fifo', 'random'] as const satisfies readonly Eviction[];
export const CACHE_STRATEGIES = [
  'cacheAside',
  'readThrough',
  'writeThrough',
  'writeBehind',
  'refreshAhead',
] as const satisfies readonly CacheStrategy[];

export const CACHE_DEFAULTS: CacheParams = {
  capacity: 1000,
  eviction: 'lru',
  hitMs: constant(1),
  strategy: 'readThrough',
  warm: false,
  // Added fields: flush dirty entries every second; refresh in the last 20 % of an entry's TTL.
  writeBehindFlushMs: 1000,
  refreshAheadRatio: 0.2,
};

export const cacheParamsSchema = z.strictObject({
  capacity: int(0, MAX_COUNT).default(CACHE_DEFAULTS.capacity),
  eviction: oneOf(EVICTIONS).default(CACHE_DEFAULTS.eviction),
  ttlMs: positive(MAX_MS * 365, 'ms').optional(),
  hitMs: distSchema.default(CACHE_DEFAULTS.hitMs),
  strategy: oneOf(CACHE_STRATEGIES).default(CACHE_DEFAULTS.strategy),
  warm: bool().default(CACHE_DEFAULTS.warm),
  writeBehindFlushMs: positive(MAX_MS, 'ms').default(CACHE_DEFAULTS.writeBehindFlushMs),
  refreshAheadRatio: ratio().default(CACHE_DEFAULTS.refreshAheadRatio),
});

/** The cache's own figures, beyond the common ones. */
const CACHE_FIGURES: readonly FigureDescriptor[] = [
  {
    key: 'hitRatio',
    label: 'Hit ratio',
    unit: '',
    help: 'Lookups answered from the cache over all lookups (in a window: only when there were lookups).',
    nature: 'ratio',
    where: 'both',
    chart: { group: 'Cache hit ratio', style: 'line', overview: true },
  },
  {
    key: 'entries',
    label: 'Entries',
    unit: 'entries',
    help: 'Keys held now.',
    nature: 'level',
    where: 'both',
    chart: { group: 'Cache entries', style: 'line' },
  },
  {
    key: 'stampedeMisses',
    label: 'Stampede misses',
    unit: 'misses',
    help: 'Misses for a key already being fetched (a stampede on the store).',
    nature: 'count',
    where: 'both',
    chart: { group: 'Stampede misses', style: 'line' },
  },
  {
    key: 'atRisk',
    label: 'Writes at risk',
    unit: 'entries',
    help: 'Write-behind: entries written but not yet flushed to the store (lost on a crash).',
    nature: 'level',
    where: 'both',
    optional: true,
    chart: { group: 'Writes at risk', style: 'line' },
  },
  {
    key: 'coalescedMisses',
    label: 'Coalesced misses',
    unit: 'misses',
    help: 'With request coalescing: misses that waited for a fetch already under way.',
    nature: 'count',
    where: 'result',
    optional: true,
  },
  {
    key: 'refreshes',
    label: 'Refreshes',
    unit: 'fetches',
    help: 'Refresh-ahead: background fetches of entries close to expiry.',
    nature: 'count',
    where: 'result',
    optional: true,
  },
  {
    key: 'atRiskMax',
    label: 'Most writes at risk',
    unit: 'entries',
    help: 'Write-behind: the most entries waiting to be flushed at once.',
    nature: 'level',
    where: 'result',
    optional: true,
  },
  {
    key: 'flushedWrites',
    label: 'Flushed writes',
    unit: 'writes',
    help: 'Write-behind: entries flushed to the store.',
    nature: 'count',
    where: 'result',
    optional: true,
  },
  {
    key: 'lostWrites',
    label: 'Lost writes',
    unit: 'writes',
    help: 'Write-behind: entries not yet flushed when the cache crashed.',
    nature: 'count',
    where: 'result',
    optional: true,
  },
];

export const CACHE_DESCRIPTION: KindDescription = {
  type: 'cache',
  figures: CACHE_FIGURES,
  label: 'Cache',
  icon: '⚡',
  summary: 'Holds hot entries in front of one backing store; a miss reads the store.',
  params: [
    {
      key: 'capacity',
      label: 'Capacity',
      help: 'Entries held.',
      control: 'integer',
      min: 0,
      max: MAX_COUNT,
    },
    {
      key: 'eviction',
      label: 'Eviction',
      help: 'Which entry goes when the cache is full.',
      control: 'select',
      options: EVICTIONS,
    },
    {
      key: 'ttlMs',
      label: 'TTL',
      help: 'Entry lifetime. Empty = entries never expire.',
      unit: 'ms',
      control: 'number',
      min: 0,
      optional: true,
    },
    {
      key: 'hitMs',
      label: 'Hit latency',
      help: 'Time to answer from the cache.',
      unit: 'ms',
      control: 'dist',
    },
    {
      key: 'strategy',
      label: 'Strategy',
      help: 'cacheAside / readThrough fill on a miss; writeThrough writes the store at once; writeBehind later in batches; refreshAhead reloads entries before they expire.',
      control: 'select',
      options: CACHE_STRATEGIES,
    },
    {
      key: 'warm',
      label: 'Start warm',
      help: 'Start filled with the most popular keys.',
      control: 'boolean',
    },
    {
      key: 'writeBehindFlushMs',
      label: 'Write-behind flush interval',
      help: 'writeBehind: dirty entries are written to the store at this interval, in batches (default 1000 ms).',
      unit: 'ms',
      control: 'number',
      min: 1,
    },
    {
      key: 'refreshAheadRatio',
      label: 'Refresh-ahead window',
      help: 'refreshAhead: an entry read within this share of its TTL before expiry is reloaded in the background (default 0.2).',
      control: 'number',
      min: 0,
      max: 1,
      step: 0.05,
    },
  ],
};
