/** `service`: replicas of a server, each with a pool of workers and a queue. */
import * as z from 'zod';
import type { ServiceParams } from '../types.ts';
import { bool, distSchema, exponential, int, MAX_COUNT, num, oneOf, timePoints } from './common.ts';
import type { KindDescription } from './describe.ts';

export const MAX_REPLICAS = 1000;

export const SERVICE_DEFAULTS: ServiceParams = {
  replicas: 1,
  workers: 1,
  serviceTimeMs: exponential(10),
  blocking: true,
  calls: 'sequential',
};

/** Added defaults for autoscaling (the contract's form without `mode` is reactive). */
export const AUTOSCALE_DEFAULTS = {
  min: 1,
  max: 10,
  targetUtilization: 0.7,
  intervalS: 10,
  startupS: 20,
  cooldownS: 30,
  leadS: 60,
} as const;

const replicas = () => int(1, MAX_REPLICAS);
const target = () => num(0.01, 1).default(AUTOSCALE_DEFAULTS.targetUtilization);
const seconds = (def: number) => num(0, 3600, 's').default(def);
const interval = () => num(0.1, 3600, 's').default(AUTOSCALE_DEFAULTS.intervalS);

const minMax = <T extends { min: number; max: number }>(a: T) => a.max >= a.min;
const minMaxIssue = { error: 'must not be below min', path: ['max'] };

const reactive = z
  .strictObject({
    mode: z.literal('reactive'),
    min: replicas().default(AUTOSCALE_DEFAULTS.min),
    max: replicas().default(AUTOSCALE_DEFAULTS.max),
    targetUtilization: target(),
    targetQueuePerReplica: num(0.1, 1_000_000).optional(),
    intervalS: interval(),
    startupS: seconds(AUTOSCALE_DEFAULTS.startupS),
    cooldownS: seconds(AUTOSCALE_DEFAULTS.cooldownS),
  })
  .refine(minMax, minMaxIssue);

const scheduled = z.strictObject({
  mode: z.literal('scheduled'),
  schedule: timePoints(replicas(), 10_000).refine((s) => s.length > 0, {
    error: 'must list at least one [tS, replicas] point',
  }),
  startupS: seconds(AUTOSCALE_DEFAULTS.startupS),
});

const predictive = z
  .strictObject({
    mode: z.literal('predictive'),
    min: replicas().default(AUTOSCALE_DEFAULTS.min),
    max: replicas().default(AUTOSCALE_DEFAULTS.max),
    targetUtilization: target(),
    leadS: seconds(AUTOSCALE_DEFAULTS.leadS),
    intervalS: interval(),
    startupS: seconds(AUTOSCALE_DEFAULTS.startupS),
  })
  .refine(minMax, minMaxIssue);

const autoscale = z.preprocess(
  // The contract's example has no `mode`: it means reactive.
  (v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && !('mode' in v)
      ? { ...v, mode: 'reactive' }
      : v,
  z.discriminatedUnion('mode', [reactive, scheduled, predictive], {
    error: 'must be {"mode": "reactive"|"scheduled"|"predictive", …}',
  }),
);

export const serviceParamsSchema = z.strictObject({
  replicas: replicas().default(SERVICE_DEFAULTS.replicas),
  workers: int(1, 10_000).default(SERVICE_DEFAULTS.workers),
  serviceTimeMs: distSchema.default(SERVICE_DEFAULTS.serviceTimeMs),
  queueCapacity: int(0, MAX_COUNT).optional(),
  blocking: bool().default(SERVICE_DEFAULTS.blocking),
  calls: oneOf(['sequential', 'parallel', 'oneOf']).default(SERVICE_DEFAULTS.calls),
  autoscale: autoscale.optional(),
  shedQueueLength: int(0, MAX_COUNT).optional(),
});

export const SERVICE_DESCRIPTION: KindDescription = {
  type: 'service',
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
    {
      key: 'autoscale',
      label: 'Autoscale',
      help: 'Reactive {"min":1,"max":10,"targetUtilization":0.7,"intervalS":10,"startupS":20,"cooldownS":30}; scheduled {"mode":"scheduled","schedule":[[0,2],[600,6]]}; predictive {"mode":"predictive","leadS":60,…}. Empty = fixed replicas.',
      control: 'json',
      optional: true,
    },
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
