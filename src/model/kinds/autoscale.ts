/**
 * A service's autoscaler, in three forms told apart by `mode`: reactive (follow utilization),
 * scheduled (replicas by the clock) and predictive (follow the clients' rate profiles ahead).
 */
import * as z from 'zod';
import { defaultsOf, int, num, timePoints } from './common.ts';
import type { ParamDescriptor, VariantCase } from './describe.ts';
import { describeFields, type FieldWords } from './schemaInfo.ts';

export const MAX_REPLICAS = 1000;

/** Added defaults for autoscaling (the contract's form without `mode` is reactive). */
const AUTOSCALE_DEFAULTS = {
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

export const autoscaleSchema = z.preprocess(
  // The contract's example has no `mode`: it means reactive.
  (v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && !('mode' in v)
      ? { ...v, mode: 'reactive' }
      : v,
  z.discriminatedUnion('mode', [reactive, scheduled, predictive], {
    error: 'must be {"mode": "reactive"|"scheduled"|"predictive", …}',
  }),
);

/** A scheduled scaler switched on afresh: the contract's example, two steps. */
export const SCHEDULE_DEFAULT: Array<[number, number]> = [
  [0, 2],
  [600, 6],
];

const minField: FieldWords = { key: 'min', label: 'Min replicas', help: 'Never fewer.' };
const maxField: FieldWords = { key: 'max', label: 'Max replicas', help: 'Never more.' };
const targetField: FieldWords = {
  key: 'targetUtilization',
  label: 'Target utilization',
  help: 'Scale to keep mean worker utilization near this share.',
  step: 0.05,
};
const intervalField: FieldWords = {
  key: 'intervalS',
  label: 'Look every',
  help: 'How often the scaler looks.',
};
const startupField: FieldWords = {
  key: 'startupS',
  label: 'Start-up time',
  help: 'How long a new replica takes before it serves.',
};

const CASES: VariantCase[] = [
  {
    value: 'reactive',
    label: 'reactive: follow utilization',
    defaults: defaultsOf(autoscaleSchema, { mode: 'reactive' }),
    fields: describeFields(reactive, [
      minField,
      maxField,
      targetField,
      {
        key: 'targetQueuePerReplica',
        label: 'Target queue per replica',
        help: 'Scale on waiting requests per replica instead of utilization. Empty = utilization.',
      },
      intervalField,
      startupField,
      { key: 'cooldownS', label: 'Cooldown', help: 'Minimum time between two scaling actions.' },
    ]),
  },
  {
    value: 'scheduled',
    label: 'scheduled: replicas by the clock',
    defaults: defaultsOf(autoscaleSchema, { mode: 'scheduled', schedule: SCHEDULE_DEFAULT }),
    fields: describeFields(scheduled, [
      {
        key: 'schedule',
        label: 'Schedule',
        help: '[[tS, replicas], …]: the replica count from each time on, e.g. [[0,2],[600,6]].',
        control: 'profile',
      },
      startupField,
    ]),
  },
  {
    value: 'predictive',
    label: "predictive: follow the clients' profiles ahead",
    defaults: defaultsOf(autoscaleSchema, { mode: 'predictive' }),
    fields: describeFields(predictive, [
      minField,
      maxField,
      targetField,
      {
        key: 'leadS',
        label: 'Look ahead',
        help: "Scale for the clients' rate this far ahead (from their rate profiles).",
      },
      intervalField,
      startupField,
    ]),
  },
];

export const AUTOSCALE_PARAM: ParamDescriptor = {
  key: 'autoscale',
  label: 'Autoscale',
  help: 'Add and remove replicas while the run goes on. Off = fixed replicas.',
  control: 'variant',
  optional: true,
  variant: { key: 'mode', label: 'Mode', cases: CASES },
};
