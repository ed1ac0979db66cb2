/**
 * `database`: read and write queries on a connection pool. Read replicas are other databases fed
 * over `replication` edges (the edge's latency is the replication lag); a primary may fail over.
 */
import * as z from 'zod';
import type { DatabaseParams } from '../types.ts';
import {
  bool,
  defaultsOf,
  distSchema,
  exponential,
  int,
  MAX_COUNT,
  MAX_MS,
  num,
} from './common.ts';
import type { KindDescription } from './describe.ts';

export const DATABASE_DEFAULTS: DatabaseParams = {
  readTimeMs: exponential(5),
  writeTimeMs: exponential(15),
  connections: 20,
  multiPrimary: false,
};

/** A failover given as `{}` takes these: 5 s to notice, 15 s to promote a replica. */
export const FAILOVER_DEFAULTS = { detectionMs: 5000, promotionMs: 15_000 } as const;

const failoverSchema = z.strictObject({
  detectionMs: num(0, MAX_MS, 'ms').default(FAILOVER_DEFAULTS.detectionMs),
  promotionMs: num(0, MAX_MS, 'ms').default(FAILOVER_DEFAULTS.promotionMs),
});

export const databaseParamsSchema = z.strictObject({
  readTimeMs: distSchema.default(DATABASE_DEFAULTS.readTimeMs),
  writeTimeMs: distSchema.default(DATABASE_DEFAULTS.writeTimeMs),
  connections: int(1, 10_000).default(DATABASE_DEFAULTS.connections),
  queueCapacity: int(0, MAX_COUNT).optional(),
  failover: failoverSchema.optional(),
  multiPrimary: bool().default(DATABASE_DEFAULTS.multiPrimary),
});

export const DATABASE_DESCRIPTION: KindDescription = {
  type: 'database',
  label: 'Database',
  icon: '🛢️',
  summary: 'Reads and writes on a connection pool; replicas over replication edges; failover.',
  params: [
    {
      key: 'readTimeMs',
      label: 'Read time',
      help: 'Service time of a read query (default exponential, mean 5 ms).',
      unit: 'ms',
      control: 'dist',
    },
    {
      key: 'writeTimeMs',
      label: 'Write time',
      help: 'Service time of a write query (default exponential, mean 15 ms).',
      unit: 'ms',
      control: 'dist',
    },
    {
      key: 'connections',
      label: 'Connections',
      help: 'Connection pool: queries served at once (default 20).',
      control: 'integer',
      min: 1,
      max: 10_000,
    },
    {
      key: 'queueCapacity',
      label: 'Queue capacity',
      help: 'Queries that may wait for a connection; a full queue rejects. Empty = unbounded.',
      control: 'integer',
      min: 0,
      max: MAX_COUNT,
      optional: true,
    },
    {
      key: 'failover',
      label: 'Failover',
      help: 'When this primary crashes, a replica takes over. Writes inside the replication lag are lost. Off = no failover.',
      control: 'group',
      optional: true,
      defaults: defaultsOf(failoverSchema),
      fields: [
        {
          key: 'detectionMs',
          label: 'Detection time',
          help: 'Time to notice that the primary is gone.',
          unit: 'ms',
          control: 'number',
          min: 0,
        },
        {
          key: 'promotionMs',
          label: 'Promotion time',
          help: 'Time to promote a replica once noticed; writes fail meanwhile.',
          unit: 'ms',
          control: 'number',
          min: 0,
        },
      ],
    },
    {
      key: 'multiPrimary',
      label: 'Multi-primary',
      help: 'Accept writes on every primary of a replication group; conflicting writes are counted.',
      control: 'boolean',
    },
  ],
};
