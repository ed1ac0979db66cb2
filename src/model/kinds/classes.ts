/**
 * Request classes (a client's `classes`): named kinds of request (browse, checkout, search…),
 * each with its share of the client's traffic, its priority and optionally its own key space and
 * write mix. One place for the schema, the limit on how many, and the per-class figures that the
 * client reports. The engine's side is src/engine/classes.
 */
import * as z from 'zod';
import { int, MAX_COUNT, num, positive, ratio } from './common.ts';
import type { FigureDescriptor } from './figures.ts';

/** Classes per document: a chart of more lines than this is no longer read class by class. */
export const MAX_CLASSES = 4;
/** The class of requests from a client that names none, when other clients do. */
export const DEFAULT_CLASS = 'default';
/** Priority levels: 0 is served first, as the queue's priorities. */
export const MAX_PRIORITY = 9;

const CLASS_NAME = /^[A-Za-z0-9_-]{1,32}$/;
const NAME_MSG = 'must be a class name: 1 to 32 of A-Z a-z 0-9 _ -';

export const classNameSchema = z.string({ error: NAME_MSG }).regex(CLASS_NAME, { error: NAME_MSG });

export const requestClassSchema = z.strictObject({
  name: classNameSchema,
  share: positive(1_000_000),
  priority: int(0, MAX_PRIORITY).default(0),
  writeRatio: ratio().optional(),
  keys: z.strictObject({ count: int(1, MAX_COUNT), zipf: num(0, 5).default(0) }).optional(),
});

export const classesSchema = z
  .array(requestClassSchema, { error: 'must be a list of classes' })
  .min(1, { error: 'must list at least one class (or be left out)' })
  .max(MAX_CLASSES, { error: `must list at most ${MAX_CLASSES} classes` })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.name))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'name'],
          message: 'names a class twice: class names must differ',
        });
      seen.add(c.name);
    });
  });

/** A class's figures over the run at one node: at a client its requests end to end, elsewhere
 *  their time at the node. */
export interface ClassFigures {
  ok: number;
  failed: number;
  throughputRps: number;
  errorRate: number;
  latencyMs: { mean: number; p50: number; p90: number; p95: number; p99: number; max: number };
  errors?: Record<string, number>;
}

/**
 * The window figures of class slot 1..MAX_CLASSES: p99, ok answers per second and error rate. A client's
 * slots are its own classes in its order; any other node's, the document's classes in the order
 * they first appear (then `default`, for the requests of a client without classes).
 */
function slotFigures(slot: number) {
  return [
    {
      key: `class${slot}P99Ms`,
      label: `Class ${slot} p99`,
      unit: 'ms',
      help: `With classes: the p99 latency of class ${slot} over the window (at a client end to end, elsewhere at this node).`,
      nature: 'time',
      where: 'window',
      optional: true,
      chart: { group: 'p99 by class', style: 'line', classSlot: slot - 1 },
    },
    {
      key: `class${slot}Rps`,
      label: `Class ${slot} throughput`,
      unit: 'req/s',
      help: `With classes: OK answers per second of class ${slot} over the window.`,
      nature: 'rate',
      where: 'window',
      optional: true,
      chart: { group: 'throughput by class', style: 'line', classSlot: slot - 1 },
    },
    {
      key: `class${slot}ErrorRate`,
      label: `Class ${slot} error rate`,
      unit: '',
      help: `With classes: the share of class ${slot}'s requests that failed over the window (at a client end to end, elsewhere at this node).`,
      nature: 'ratio',
      where: 'window',
      optional: true,
      chart: { group: 'error rate by class', style: 'line', classSlot: slot - 1 },
    },
  ] as const;
}

/** Every node's per-class figures (a common figure): the run's table by class name, and the
 *  charts' slots. */
export const CLASS_FIGURES = [
  {
    key: 'classes',
    label: 'By class',
    unit: 'ms',
    help: 'With classes: per class (at a client end to end, elsewhere at this node, each class that reached it): OK and failed requests, throughput (req/s), error rate, latency percentiles (ms) and errors by reason.',
    nature: 'byClass',
    where: 'result',
    optional: true,
  },
  ...slotFigures(1),
  ...slotFigures(2),
  ...slotFigures(3),
  ...slotFigures(4),
] as const satisfies readonly FigureDescriptor[];
