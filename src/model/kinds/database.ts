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
import type { FigureDescriptor } from './figures.ts';

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

/** The database's own figures, beyond the common ones. */
const DATABASE_FIGURES: readonly FigureDescriptor[] = [
  {
    key: 'role',
    label: 'Role',
    unit: '',
    help: "'primary' or 'replica' (after a failover, the promoted replica reads 'primary').",
    nature: 'text',
    where: 'both',
  },
  {
    key: 'staleReads',
    label: 'Stale reads',
    unit: 'reads',
    help: 'Reads that returned a value older than the latest write (a replica behind).',
    nature: 'count',
    where: 'both',
    chart: { group: 'Stale reads', style: 'line' },
  },
  {
    key: 'replicationBacklog',
    label: 'Replication backlog',
    unit: 'entries',
    help: 'Replication entries sent and not yet applied at the end of the window.',
    nature: 'level',
    where: 'window',
    chart: { group: 'Replication backlog', style: 'line' },
  },
  {
    key: 'lostWrites',
    label: 'Lost writes',
    unit: 'writes',
    help: 'Acknowledged writes lost in a failover (not yet replicated).',
    nature: 'count',
    where: 'result',
  },
  {
    key: 'conflicts',
    label: 'Conflicts',
    unit: 'writes',
    help: 'Multi-primary: writes to one key on two primaries that conflicted.',
    nature: 'count',
    where: 'result',
  },
  {
    key: 'writes',
    label: 'Writes',
    unit: 'writes',
    help: 'Writes this node accepted.',
    nature: 'count',
    where: 'result',
  },
  {
    key: 'refusedWrites',
    label: 'Refused writes',
    unit: 'writes',
    help: 'Writes refused because no primary could take them (present when any).',
    nature: 'count',
    where: 'result',
    optional: true,
  },
  {
    key: 'rtoMs',
    label: 'RTO',
    unit: 'ms',
    help: 'After a failover: time from the primary crash to writes being accepted again.',
    nature: 'time',
    where: 'result',
    optional: true,
  },
  {
    key: 'rpoMs',
    label: 'RPO',
    unit: 'ms',
    help: 'After a failover: the age of the oldest write lost.',
    nature: 'time',
    where: 'result',
    optional: true,
  },
  {
    key: 'promotedTo',
    label: 'Promoted to',
    unit: '',
    help: 'After a failover: the replica promoted in its place.',
    nature: 'text',
    where: 'result',
    optional: true,
  },
  {
    key: 'promotedAtS',
    label: 'Promoted at',
    unit: 's',
    help: 'After a failover: the simulated time of the promotion.',
    nature: 'time',
    where: 'result',
    optional: true,
  },
];

export const DATABASE_DESCRIPTION: KindDescription = {
  type: 'database',
  figures: DATABASE_FIGURES,
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
