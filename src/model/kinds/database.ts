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
import { DISCIPLINE_PARAM, disciplineSchema, isPlainFifo } from './discipline.ts';
import { LOAD_DEPENDENCE_PARAM, loadDependenceSchema } from './loadDependence.ts';

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

export const DATABASE_DESCRIPTION = defineKind({
  type: 'database',
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
