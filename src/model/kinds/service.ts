/** `service`: replicas of a server, each with a pool of workers and a queue. */
import * as z from 'zod';
import { bool, distSchema, exponential, int, MAX_COUNT, oneOf } from './common.ts';
import { AUTOSCALE_PARAM, autoscaleSchema, MAX_REPLICAS } from './autoscale.ts';
import { BATCH_PARAM, batchSchema } from './batch.ts';
import { classNameSchema } from './classes.ts';
import { CLASS_TIMES_TABLE } from './classTables.ts';
import { defineKind } from './define.ts';
import { sized, sizeSchema, SIZES_TEXT, sizeText } from './sizes.ts';
import { distText } from './lineText.ts';
import { describeFields } from './schemaInfo.ts';
import { DISCIPLINE_PARAM, disciplineSchema, isPlainFifo } from './discipline.ts';
import { CONCURRENCY_LIMIT_PARAM, concurrencyLimitSchema } from './concurrencyLimit.ts';
import { LOAD_DEPENDENCE_PARAM, loadDependenceSchema, loadFormula } from './loadDependence.ts';

export { MAX_REPLICAS } from './autoscale.ts';

export const serviceParamsSchema = z.strictObject({
  replicas: int(1, MAX_REPLICAS).default(1),
  size: sizeSchema(),
  workers: int(1, 10_000).default(1),
  serviceTimeMs: distSchema.default(exponential(10)),
  queueCapacity: int(0, MAX_COUNT).optional(),
  blocking: bool().default(true),
  calls: oneOf(['sequential', 'parallel', 'oneOf']).default('sequential'),
  autoscale: autoscaleSchema.optional(),
  // 0: shed whenever a request would wait (the engine sheds only when no worker is free).
  shedQueueLength: int(0, MAX_COUNT).optional(),
  loadDependence: loadDependenceSchema.optional(),
  discipline: disciplineSchema.optional(),
  classServiceMs: z
    .record(classNameSchema, distSchema, {
      error: 'must map class names to service times, e.g. {"checkout": 25}',
    })
    .optional(),
  priority: oneOf(['nonPreemptive', 'preemptiveResume']).optional(),
  batch: batchSchema.optional(),
  concurrencyLimit: concurrencyLimitSchema.optional(),
});

const workersText = (n: number): string => `${n} ${n === 1 ? 'worker' : 'workers'}`;

export const SERVICE_DESCRIPTION = defineKind({
  type: 'service',
  label: 'Service',
  icon: '⚙️',
  // A server: two stacked units with status lights.
  glyph: [
    ['rect', 2, 2.5, 12, 4.5, 1],
    ['rect', 2, 9, 12, 4.5, 1],
    ['path', 'M4.5 4.75h.01M4.5 11.25h.01M8 4.75h3.5M8 11.25h3.5'],
  ],
  colour: '#3b6cf6',
  summary: 'Replicas of a server, each with a pool of workers and a queue.',
  schema: serviceParamsSchema,
  params: [
    ...describeFields(serviceParamsSchema, [
      { key: 'replicas', label: 'Replicas', help: 'Instances running.' },
      {
        key: 'size',
        label: 'Instance size',
        help: `Each replica's machine: it multiplies the workers and the price per replica-hour (${SIZES_TEXT}).`,
      },
      {
        key: 'workers',
        label: 'Workers per replica',
        help: 'Requests one small replica serves at once (threads); a bigger size multiplies them.',
      },
      {
        key: 'serviceTimeMs',
        label: 'Service time',
        help: "A worker's own busy time per request.",
        unit: 'ms',
      },
      {
        key: 'queueCapacity',
        label: 'Queue capacity',
        help: 'Requests that may wait per replica; a full queue rejects. Empty = unbounded.',
      },
      {
        key: 'blocking',
        label: 'Blocking calls',
        help: 'On: a worker stays held while its downstream calls run (thread per request). Off: it is freed (event loop).',
      },
      {
        key: 'calls',
        label: 'Outgoing calls',
        help: 'sequential: one after another; parallel: all at once, wait for all; oneOf: one, chosen by edge weight.',
      },
    ]),
    AUTOSCALE_PARAM,
    ...describeFields(serviceParamsSchema, [
      {
        key: 'shedQueueLength',
        label: 'Shed above queue length',
        help: 'Load shedding: reject at once when this many already wait per replica (0: whenever a request would wait). Empty = no shedding.',
      },
    ]),
    LOAD_DEPENDENCE_PARAM,
    DISCIPLINE_PARAM,
    ...describeFields(serviceParamsSchema, [
      {
        key: 'classServiceMs',
        label: 'Service time by class',
        help: 'Request classes: a service time per class (in the document a map, e.g. {"checkout": {"dist": "exponential", "meanMs": 25}}); other classes take the service time above. None = one time for all.',
        control: 'table',
        table: CLASS_TIMES_TABLE,
      },
      {
        key: 'priority',
        label: 'Priority by class',
        help: "Request classes (not with batches): serve waiting requests by their class's priority (0 first; first in, first out within one), and shed the lowest priority first. nonPreemptive: a request in service finishes; preemptiveResume: a higher-priority arrival takes the worker of a lower-priority one in its own work, which resumes later where it stopped. Empty = first in, first out.",
      },
    ]),
    BATCH_PARAM,
    CONCURRENCY_LIMIT_PARAM,
  ],
  line: (p) =>
    `${p.replicas} × ${sizeText(p.size)}${workersText(sized(p.workers, p.size))} · ${distText(p.serviceTimeMs)}` +
    (p.loadDependence ? ` ×(${loadFormula(p.loadDependence)})` : ''),
  flow: (p) => ({ split: p.calls === 'oneOf' ? 'weight' : 'every' }),
  theory: (p) => {
    const unmodelled = p.autoscale
      ? 'autoscaled: the replica count changes'
      : p.shedQueueLength !== undefined || p.concurrencyLimit !== undefined
        ? 'load shedding is not modelled'
        : !isPlainFifo(p.discipline)
          ? 'LIFO and CoDel queues are not modelled'
          : p.classServiceMs
            ? 'a service time per class is not modelled'
            : p.batch
              ? 'batches are not modelled'
              : undefined;
    const byLoad = p.loadDependence && { loadDependence: p.loadDependence };
    return {
      as: 'station',
      servers: sized(p.workers, p.size),
      replicas: p.replicas,
      serviceMs: p.serviceTimeMs,
      ...(p.queueCapacity !== undefined && { queueCapacity: p.queueCapacity }),
      ...(unmodelled !== undefined && { unmodelled }),
      ...byLoad,
      varyingReplicas: p.autoscale !== undefined,
      holdsWorkerDuringCalls: p.blocking,
    };
  },
  faults: ['slow', 'cpu', 'error', 'pause'],
  price: { usd: 0.1, per: 'instance-hour' }, // per replica: a small VM (m7i.large $0.1008)
  size: (p) => p.size,
  live: [
    'replicas',
    'size',
    'workers',
    'serviceTimeMs',
    'queueCapacity',
    'blocking',
    'shedQueueLength',
    'loadDependence',
    'discipline',
    'concurrencyLimit',
  ],
  ops: ['drain'],
  // Measured: the replicas provisioned on average over the run (scaled by anything).
  instances: (p, measured) => measured ?? p.replicas,
  edges: { call: { targets: 'callable', why: '' } },
});
