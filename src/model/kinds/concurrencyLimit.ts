/**
 * A service's concurrency limit: each replica admits at most `limit` requests at once (in
 * service and waiting) and sheds the rest at once, before they queue. The limit is fixed, or
 * adapts to what the replica can take, as Netflix's concurrency-limits library does:
 * - `aimd`: +1 per round trip while answers come back under `latencyThresholdMs`, × `backoffRatio`
 *   (at most once per round trip) when one comes back slower or failed; it settles where the
 *   latency crosses the threshold.
 * - `vegas`: TCP Vegas's estimate of the queue, limit × (1 − minRtt / rtt): +1 per round trip
 *   while it is under `alpha`, −1 while it is over `beta`; it settles with alpha..beta waiting.
 * The engine's side is src/engine/policies/concurrencyLimit.ts.
 */
import * as z from 'zod';
import { int, MAX_MS, num, oneOf, positive } from './common.ts';
import type { Exact, ParamDescriptor } from './describe.ts';
import type { FigureDescriptor } from './figures.ts';
import { describeFields } from './schemaInfo.ts';

const MAX_LIMIT = 1_000_000;

export const concurrencyLimitSchema = z.strictObject({
  algorithm: oneOf(['fixed', 'aimd', 'vegas']).default('aimd'),
  initial: int(1, MAX_LIMIT).default(20),
  min: int(1, MAX_LIMIT).default(1),
  max: int(1, MAX_LIMIT).default(1000),
  latencyThresholdMs: positive(MAX_MS, 'ms').default(100),
  backoffRatio: num(0.1, 0.99).default(0.9),
  alpha: num(0, 1000).default(3),
  beta: num(0, 1000).default(6),
});

export type ConcurrencyLimit = Exact<z.output<typeof concurrencyLimitSchema>>;

const ADAPTIVE = ['aimd', 'vegas'];

export const CONCURRENCY_LIMIT_PARAM: ParamDescriptor = {
  key: 'concurrencyLimit',
  label: 'Concurrency limit',
  help: 'Each replica admits at most this many requests at once (in service and waiting) and sheds the rest. Off = no limit.',
  control: 'group',
  optional: true,
  defaults: concurrencyLimitSchema.parse({}),
  fields: describeFields(concurrencyLimitSchema, [
    {
      key: 'algorithm',
      label: 'Limit',
      help: 'fixed: the initial limit; aimd: grows while answers are fast, cut on a slow one; vegas: keeps a few waiting (latency over the no-queue latency it learns first: start it low).',
    },
    { key: 'initial', label: 'Initial limit', help: 'The limit at the start.' },
    {
      key: 'min',
      label: 'Lowest limit',
      help: 'Never adapts below.',
      shownWhen: { key: 'algorithm', is: ADAPTIVE },
    },
    {
      key: 'max',
      label: 'Highest limit',
      help: 'Never adapts above.',
      shownWhen: { key: 'algorithm', is: ADAPTIVE },
    },
    {
      key: 'latencyThresholdMs',
      label: 'Latency threshold',
      help: 'An answer slower than this cuts the limit.',
      shownWhen: { key: 'algorithm', is: ['aimd'] },
    },
    {
      key: 'backoffRatio',
      label: 'Cut to',
      help: 'Share of the limit kept on a cut.',
      step: 0.05,
      shownWhen: { key: 'algorithm', is: ['aimd'] },
    },
    {
      key: 'alpha',
      label: 'Grow below',
      help: 'Grow while fewer are estimated to wait.',
      shownWhen: { key: 'algorithm', is: ['vegas'] },
    },
    {
      key: 'beta',
      label: 'Shrink above',
      help: 'Shrink while more are estimated to wait.',
      shownWhen: { key: 'algorithm', is: ['vegas'] },
    },
  ]),
};

/** The figure a service with a concurrency limit reports: the limit, over its replicas. */
export const LIMIT_FIGURE = {
  key: 'concurrencyLimit',
  label: 'Concurrency limit',
  unit: 'requests',
  help: 'Requests a replica admits at once, mean over replicas (window: at its end; run: time-average). Beyond it, arrivals are shed.',
  nature: 'level',
  where: 'both',
  optional: true,
  chart: { group: 'concurrency limit', style: 'step', overview: 'all' },
} as const satisfies FigureDescriptor;
