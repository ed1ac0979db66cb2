/** Faults: scheduled (or injected) trouble on a node or an edge. */
import * as z from 'zod';
import { idSchema, int, MAX_MS, num, positive, ratio } from './common.ts';
import { FAULT_DEFAULTS } from './faultDefaults.ts';
import { MAX_REPLICAS } from './service.ts';

export const MAX_DURATION_S = 86_400 * 7;

export { FAULT_DEFAULTS };

const base = {
  atS: num(0, MAX_DURATION_S, 's'),
  forS: positive(MAX_DURATION_S, 's').optional(),
  target: idSchema,
};

export const faultSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      ...base,
      kind: z.literal('crash'),
      replicas: int(1, MAX_REPLICAS).optional(),
    }),
    z.strictObject({
      ...base,
      kind: z.literal('slow'),
      factor: positive(1000).default(FAULT_DEFAULTS.factor),
    }),
    z.strictObject({ ...base, kind: z.literal('partition') }),
    z.strictObject({
      ...base,
      kind: z.literal('loss'),
      probability: ratio().default(FAULT_DEFAULTS.probability),
    }),
    z.strictObject({
      ...base,
      kind: z.literal('latency'),
      addMs: num(0, MAX_MS, 'ms').default(FAULT_DEFAULTS.latencyAddMs),
    }),
    z.strictObject({ ...base, kind: z.literal('flush') }),
    z.strictObject({
      ...base,
      kind: z.literal('spike'),
      multiplier: num(0, 1000).default(FAULT_DEFAULTS.multiplier),
    }),
    z.strictObject({
      ...base,
      kind: z.literal('lag'),
      addMs: num(0, MAX_MS, 'ms').default(FAULT_DEFAULTS.lagAddMs),
    }),
  ],
  {
    error:
      'must be a fault of kind "crash", "slow", "partition", "loss", "latency", "flush", "spike" or "lag"',
  },
);
