/** Faults: scheduled (or injected) trouble on a node, an edge or a region. */
import * as z from 'zod';
import { idSchema, int, MAX_MS, num, positive, ratio } from './common.ts';
import { FAULT_DEFAULTS, FAULT_KIND_NAMES } from './faultDefaults.ts';
import { MAX_REPLICAS } from './service.ts';

export const MAX_DURATION_S = 86_400 * 7;

export { FAULT_DEFAULTS };

/** "a", "b" or "c". */
function quotedList(names: readonly string[]): string {
  const q = names.map((n) => `"${n}"`);
  return `${q.slice(0, -1).join(', ')} or ${q.at(-1)}`;
}

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
    z.strictObject({
      ...base,
      kind: z.literal('cpu'),
      share: num(0, 0.99).default(FAULT_DEFAULTS.cpuShare),
    }),
    z.strictObject({
      ...base,
      kind: z.literal('error'),
      probability: ratio().default(FAULT_DEFAULTS.errorProbability),
    }),
    z.strictObject({
      ...base,
      kind: z.literal('pause'),
      everyS: positive(MAX_DURATION_S, 's').default(FAULT_DEFAULTS.pauseEveryS),
      pauseMs: positive(MAX_MS, 'ms').default(FAULT_DEFAULTS.pauseMs),
      perRequestMs: num(0, MAX_MS, 'ms').optional(),
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
    z.strictObject({
      ...base,
      kind: z.literal('failures'),
      mtbfS: positive(MAX_DURATION_S * 1000, 's').default(FAULT_DEFAULTS.mtbfS),
      mttrS: positive(MAX_DURATION_S, 's').default(FAULT_DEFAULTS.mttrS),
      minUp: int(1, MAX_REPLICAS).default(1),
      zoneMtbfS: positive(MAX_DURATION_S * 1000, 's').optional(),
      zoneMttrS: positive(MAX_DURATION_S, 's').optional(),
    }),
    z.strictObject({ ...base, kind: z.literal('regionDown') }),
    z.strictObject({ ...base, kind: z.literal('regionPartition') }),
  ],
  { error: `must be a fault of kind ${quotedList(FAULT_KIND_NAMES)}` },
);
