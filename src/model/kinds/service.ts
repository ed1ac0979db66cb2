/** `service`: replicas of a server, each with a pool of workers and a queue. */
import * as z from 'zod';
import type { ServiceParams } from '../types.ts';
import { bool, distSchema, exponential, int, MAX_COUNT, oneOf } from './common.ts';
import { AUTOSCALE_PARAM, autoscaleSchema, MAX_REPLICAS } from './autoscale.ts';
import type { KindDescription } from './describe.ts';
import type { FigureDescriptor } from './figures.ts';

export { AUTOSCALE_DEFAULTS, MAX_REPLICAS } from './autoscale.ts';

export const SERVICE_DEFAULTS: ServiceParams = {
  replicas: 1,
  workers: 1,
  serviceTimeMs: exponential(10),
  blocking: true,
  calls: 'sequential',
};

export const serviceParamsSchema = z.strictObject({
  replicas: int(1, MAX_REPLICAS).default(SERVICE_DEFAULTS.replicas),
  workers: int(1, 10_000).default(SERVICE_DEFAULTS.workers),
  serviceTimeMs: distSchema.default(SERVICE_DEFAULTS.serviceTimeMs),
  queueCapacity: int(0, MAX_COUNT).optional(),
  blocking: bool().default(SERVICE_DEFAULTS.blocking),
  calls: oneOf(['sequential', 'parallel', 'oneOf']).default(SERVICE_DEFAULTS.calls),
  autoscale: autoscaleSchema.optional(),
  shedQueueLength: int(0, MAX_COUNT).optional(),
});

/** The service's own figures, beyond the common ones. */
const SERVICE_FIGURES: readonly FigureDescriptor[] = [
  {
    key: 'replicas',
    label: 'Replicas',
    unit: 'replicas',
    help: 'Replicas provisioned: in a window, at its end; in the result, the time-average since warm-up.',
    nature: 'level',
    where: 'both',
    chart: { group: 'Replicas', style: 'step', overview: true },
  },
  {
    key: 'healthyReplicas',
    label: 'Healthy',
    unit: 'replicas',
    help: 'Replicas up at the end of the window (not crashed, not starting).',
    nature: 'level',
    where: 'window',
    chart: { group: 'Replicas', style: 'step' },
  },
  {
    key: 'replicasMax',
    label: 'Most replicas',
    unit: 'replicas',
    help: 'With autoscaling: the most replicas provisioned at once.',
    nature: 'level',
    where: 'result',
    optional: true,
  },
  {
    key: 'replicasNow',
    label: 'Replicas at the end',
    unit: 'replicas',
    help: 'With autoscaling: replicas provisioned when the run ended.',
    nature: 'level',
    where: 'result',
    optional: true,
  },
  {
    key: 'scalingActions',
    label: 'Scaling actions',
    unit: 'actions',
    help: 'With autoscaling: times the autoscaler changed the replica count.',
    nature: 'count',
    where: 'result',
    optional: true,
  },
];

export const SERVICE_DESCRIPTION: KindDescription = {
  type: 'service',
  figures: SERVICE_FIGURES,
  label: 'Service',
  icon: '⚙️',
  summary: 'Replicas of a server, each with a pool of workers and a queue.',
  params: [
    {
      key: 'replicas',
      label: 'Replicas',
      help: 'Instances running.',
      control: 'integer',
      min: 1,
      max: MAX_REPLICAS,
    },
    {
      key: 'workers',
      label: 'Workers per replica',
      help: 'Requests one replica serves at once (threads).',
      control: 'integer',
      min: 1,
      max: 10_000,
    },
    {
      key: 'serviceTimeMs',
      label: 'Service time',
      help: "A worker's own busy time per request.",
      unit: 'ms',
      control: 'dist',
    },
    {
      key: 'queueCapacity',
      label: 'Queue capacity',
      help: 'Requests that may wait per replica; a full queue rejects. Empty = unbounded.',
      control: 'integer',
      min: 0,
      max: MAX_COUNT,
      optional: true,
    },
    {
      key: 'blocking',
      label: 'Blocking calls',
      help: 'On: a worker stays held while its downstream calls run (thread per request). Off: it is freed (event loop).',
      control: 'boolean',
    },
    {
      key: 'calls',
      label: 'Outgoing calls',
      help: 'sequential: one after another; parallel: all at once, wait for all; oneOf: one, chosen by edge weight.',
      control: 'select',
      options: ['sequential', 'parallel', 'oneOf'],
    },
    AUTOSCALE_PARAM,
    {
      key: 'shedQueueLength',
      label: 'Shed above queue length',
      help: 'Load shedding: reject at once when this many already wait per replica. Empty = no shedding.',
      control: 'integer',
      min: 0,
      max: MAX_COUNT,
      optional: true,
    },
  ],
};
