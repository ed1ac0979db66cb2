/**
 * `database`: read and write queries on a connection pool. Read replicas are other databases fed
 * over `replication` edges (the edge's latency is the replication lag); a primary may fail over.
 */
import * as z from 'zod';
import {
  bool,
  defaultsOf,
  distSchema,
  exponential,
  int,
  MAX_COUNT,
  MAX_MS,
  num,
  oneOf,
} from './common.ts';
import { defineKind } from './define.ts';
import { sized, sizeSchema, SIZES_TEXT, sizeText } from './sizes.ts';
import { distText } from './lineText.ts';
import { describeFields } from './schemaInfo.ts';
import type { FigureDescriptor } from './figures.ts';
import { DISCIPLINE_PARAM, disciplineSchema, DROPPED_FIGURE, isPlainFifo } from './discipline.ts';
import { LOAD_DEPENDENCE_PARAM, loadDependenceSchema, SLOWDOWN_FIGURE } from './loadDependence.ts';

/** How long a write waits for its replicas: none (async), the first (semiSync), every one
 *  (sync), or enough for `writeQuorum` copies counting the primary's own (quorum). */
export const REPLICATION_MODES = ['async', 'semiSync', 'sync', 'quorum'] as const;

/** A failover given as `{}` takes these: 5 s to notice, 15 s to promote a replica. */
const failoverSchema = z.strictObject({
  detectionMs: num(0, MAX_MS, 'ms').default(5000),
  promotionMs: num(0, MAX_MS, 'ms').default(15_000),
});

export const databaseParamsSchema = z.strictObject({
  readTimeMs: distSchema.default(exponential(5)),
  writeTimeMs: distSchema.default(exponential(15)),
  connections: int(1, 10_000).default(20),
  size: sizeSchema(),
  queueCapacity: int(0, MAX_COUNT).optional(),
  failover: failoverSchema.optional(),
  multiPrimary: bool().default(false),
  replicationMode: oneOf(REPLICATION_MODES).default('async'),
  writeQuorum: int(1, 1000).default(2),
  readQuorum: int(1, 1000).default(1),
  readYourWritesMs: num(0, MAX_MS, 'ms').optional(),
  sessions: oneOf(['watched', 'sticky']).optional(),
  onPartition: oneOf(['refuse', 'serve']).default('serve'),
  loadDependence: loadDependenceSchema.optional(),
  discipline: disciplineSchema.optional(),
});

/** The database's own figures, beyond the common ones. */
const DATABASE_FIGURES = [
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
    chart: { group: 'stale reads', style: 'line' },
  },
  {
    key: 'staleReadShare',
    label: 'Stale-read share',
    unit: '',
    help: 'Share of the reads served here (a replica, a multi-primary) that were stale.',
    nature: 'ratio',
    where: 'both',
    optional: true,
    replicated: true,
    chart: { group: 'stale-read share', style: 'line', overview: 'varying' },
  },
  {
    key: 'stalenessMs',
    label: 'Staleness age',
    unit: 'ms',
    help: 'Mean over stale reads of how long ago the newest write they missed was acknowledged.',
    nature: 'time',
    where: 'both',
    optional: true,
    chart: { group: 'staleness age', style: 'line' },
  },
  {
    key: 'replicationLagMs',
    label: 'Replication lag',
    unit: 'ms',
    help: 'On a node that ships writes: the age of the oldest write a replica has not applied yet, at the end of the window (the worst replica).',
    nature: 'level',
    where: 'window',
    optional: true,
    chart: { group: 'replication lag', style: 'line', overview: 'varying' },
  },
  {
    key: 'refused',
    label: 'Refused',
    unit: 'ops',
    help: 'Reads and writes refused: a primary down, or, under a partition with onPartition refuse, a write short of its replicas or a read on a cut-off replica.',
    nature: 'count',
    where: 'window',
    chart: { group: 'refused operations', style: 'line', overview: 'varying' },
  },
  {
    key: 'refusedReads',
    label: 'Refused reads',
    unit: 'reads',
    help: 'Reads a replica cut off from its primary refused (onPartition refuse; present when any).',
    nature: 'count',
    where: 'result',
    optional: true,
    replicated: true,
  },
  {
    key: 'readsToPrimary',
    label: 'Reads to the primary',
    unit: 'reads',
    help: 'Replica with read your writes: reads of keys written within the window, passed to the primary (the cost of the guarantee).',
    nature: 'count',
    where: 'result',
    optional: true,
    replicated: true,
  },
  {
    key: 'monotonicViolations',
    label: 'Monotonic-read violations',
    unit: 'reads',
    help: 'Group with sessions: reads served here that returned an older version of a key than the same client session had already read (it went back in time). Zero with sticky sessions.',
    nature: 'count',
    where: 'both',
    optional: true,
    replicated: true,
  },
  {
    key: 'divergentWrites',
    label: 'Divergent writes',
    unit: 'writes',
    help: 'Multi-primary: writes taken while cut off from a peer (present when any); they conflict when the partition heals, last writer wins.',
    nature: 'count',
    where: 'result',
    optional: true,
  },
  {
    key: 'replicationBacklog',
    label: 'Replication backlog',
    unit: 'entries',
    help: 'Replication entries sent and not yet applied at the end of the window.',
    nature: 'level',
    where: 'window',
    chart: { group: 'replication backlog', style: 'line' },
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
    help: 'Multi-primary: writes to one key on two primaries that conflicted (resolved last writer wins).',
    nature: 'count',
    where: 'result',
    replicated: true,
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
    help: 'Writes refused because no primary could take them, or (onPartition refuse) too few replicas were reachable (present when any).',
    nature: 'count',
    where: 'result',
    optional: true,
    replicated: true,
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
  SLOWDOWN_FIGURE,
  DROPPED_FIGURE,
] as const satisfies readonly FigureDescriptor[];

export const DATABASE_DESCRIPTION = defineKind({
  type: 'database',
  figures: DATABASE_FIGURES,
  label: 'Database',
  icon: '🛢️',
  // A cylinder.
  glyph: [
    ['ellipse', 8, 3.8, 5, 1.8],
    ['path', 'M3 3.8v8.4c0 1 2.2 1.8 5 1.8s5-.8 5-1.8V3.8'],
    ['path', 'M3 8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8'],
  ],
  colour: '#2f4a6d',
  summary: 'Reads and writes on a connection pool; replicas over replication edges; failover.',
  schema: databaseParamsSchema,
  params: [
    ...describeFields(databaseParamsSchema, [
      { key: 'readTimeMs', label: 'Read time', help: 'Service time of a read query.', unit: 'ms' },
      {
        key: 'writeTimeMs',
        label: 'Write time',
        help: 'Service time of a write query.',
        unit: 'ms',
      },
      {
        key: 'connections',
        label: 'Connections',
        help: 'Connection pool: queries a small instance serves at once; a bigger size multiplies them.',
      },
      {
        key: 'size',
        label: 'Instance size',
        help: `The database's machine: it multiplies the connections and the price per hour (${SIZES_TEXT}).`,
      },
      {
        key: 'queueCapacity',
        label: 'Queue capacity',
        help: 'Queries that may wait for a connection; a full queue rejects. Empty = unbounded.',
      },
      {
        key: 'failover',
        label: 'Failover',
        help: 'When this primary crashes, a replica takes over. Writes inside the replication lag are lost. Off = no failover.',
        control: 'group',
        defaults: defaultsOf(failoverSchema),
        fields: [
          {
            key: 'detectionMs',
            label: 'Detection time',
            help: 'Time to notice that the primary is gone.',
          },
          {
            key: 'promotionMs',
            label: 'Promotion time',
            help: 'Time to promote a replica once noticed; writes fail meanwhile.',
          },
        ],
      },
      {
        key: 'multiPrimary',
        label: 'Multi-primary',
        help: 'Accept writes on every primary of a replication group; conflicting writes are counted.',
      },
      {
        key: 'replicationMode',
        label: 'Replication',
        help: 'When a write is acknowledged: async at once; semiSync once one replica has it; sync once every replica has it; quorum once writeQuorum copies (this one included) have it.',
      },
      {
        key: 'writeQuorum',
        label: 'Write quorum (W)',
        help: 'Quorum mode: copies that must hold a write before it is acknowledged, this primary included (N = 1 + its replicas).',
      },
      {
        key: 'readQuorum',
        label: 'Read quorum (R)',
        help: 'Quorum mode: copies a read consults, the one it reaches included; each other copy does the read (its utilization shows it), the read waits for the slowest and returns the newest. R + W > N: no read is ever stale.',
      },
      {
        key: 'readYourWritesMs',
        label: 'Read your writes',
        help: 'On a replica: a read of a key written within this window is passed to the primary, as a session that just wrote its own data would be (reads your writes if the window covers the lag). Empty = off.',
        unit: 'ms',
      },
      {
        key: 'sessions',
        label: 'Client sessions',
        help: "On a group's primary, for every copy of the group: a client's sources are its sessions. watched: any copy serves a session, and reads that go back in time are counted (monotonicViolations). sticky: each session reads from one copy (its number picks it): monotonic reads, at the cost of uneven load. Empty = not tracked.",
      },
      {
        key: 'onPartition',
        label: 'Under a partition',
        help: 'refuse: stay consistent, a write that cannot reach the replicas its mode needs fails; serve: stay available, replicas cut off serve stale reads.',
      },
    ]),
    LOAD_DEPENDENCE_PARAM,
    DISCIPLINE_PARAM,
  ],
  line: (p) =>
    `${sizeText(p.size)}${sized(p.connections, p.size)} conns · read ${distText(p.readTimeMs)}`,
  flow: (p) => ({ split: 'every', writesToPrimary: !p.multiPrimary }),
  theory: (p) => ({
    as: 'station',
    servers: sized(p.connections, p.size),
    replicas: 1,
    serviceMs: { read: p.readTimeMs, write: p.writeTimeMs },
    ...(p.queueCapacity !== undefined && { queueCapacity: p.queueCapacity }),
    ...(p.loadDependence && { loadDependence: p.loadDependence }),
    ...(!isPlainFifo(p.discipline) && { unmodelled: 'LIFO and CoDel queues are not modelled' }),
    varyingReplicas: false,
    holdsWorkerDuringCalls: true,
  }),
  faults: ['slow', 'cpu', 'error', 'pause'],
  // A managed database instance, small size (each replica is its own node).
  price: { usd: 0.5, per: 'instance-hour' },
  size: (p) => p.size,
  live: [
    'readTimeMs',
    'writeTimeMs',
    'connections',
    'size',
    'queueCapacity',
    'loadDependence',
    'discipline',
  ],
  ops: ['promote'],
  edges: {
    call: {
      targets: [],
      why: 'a database answers queries and calls nothing; connect replicas with a replication edge',
    },
    replication: {
      targets: ['database'],
      why: 'replication edges only link a database (primary) to a database (replica)',
    },
  },
  // Sessions are the clients' sources: drawn only when a group tracks them.
  reads: (p) => (p.sessions !== undefined ? { key: true, source: true } : { key: true }),
});
