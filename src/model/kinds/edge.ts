/** An edge: a call path with the caller's policy (timeout, retry, breaker, fallback). */
import * as z from 'zod';
import type { EdgeKind } from '../types.ts';
import {
  bool,
  constant,
  defaultsOf,
  distSchema,
  idSchema,
  int,
  MAX_MS,
  num,
  oneOf,
  positive,
  ratio,
} from './common.ts';
import type { ParamDescriptor } from './describe.ts';
import type { FigureDescriptor } from './figures.ts';
import { describeFields } from './schemaInfo.ts';

export const EDGE_KINDS = [
  'call',
  'replication',
  'deadLetter',
] as const satisfies readonly EdgeKind[];

/** The contract's example, used for missing sub-fields. */
export const RETRY_DEFAULTS = { max: 2, backoffMs: 50, multiplier: 2, jitter: true } as const;
/** Hystrix's classic defaults, which the contract's example matches. */
export const BREAKER_DEFAULTS = {
  failureRatio: 0.5,
  minRequests: 20,
  openMs: 5000,
  windowMs: 10_000,
  halfOpenRequests: 1,
} as const;

export const retrySchema = z.strictObject({
  max: int(0, 10).default(RETRY_DEFAULTS.max),
  backoffMs: num(0, MAX_MS, 'ms').default(RETRY_DEFAULTS.backoffMs),
  multiplier: num(1, 10).default(RETRY_DEFAULTS.multiplier),
  jitter: bool().default(RETRY_DEFAULTS.jitter),
  budgetRatio: ratio().optional(),
  tokenBucket: int(1, 1_000_000).optional(),
  tokenRatio: num(0, 1000).optional(),
  nonIdempotent: bool().optional(),
});

export const circuitBreakerSchema = z.strictObject({
  failureRatio: num(0.01, 1).default(BREAKER_DEFAULTS.failureRatio),
  minRequests: int(1, 1_000_000).default(BREAKER_DEFAULTS.minRequests),
  openMs: positive(MAX_MS, 'ms').default(BREAKER_DEFAULTS.openMs),
  windowMs: positive(MAX_MS, 'ms').default(BREAKER_DEFAULTS.windowMs),
  halfOpenRequests: int(1, 1000).default(BREAKER_DEFAULTS.halfOpenRequests),
});

export const bulkheadSchema = z.strictObject({
  maxConcurrent: int(1, 1_000_000).default(10),
  maxWaiting: int(0, 1_000_000).default(0),
  maxWaitMs: positive(MAX_MS, 'ms').optional(),
});

/** The caller's figure for its bulkheads: how long its calls waited for a slot. */
export const BULKHEAD_WAIT_FIGURE = {
  key: 'bulkheadWaitMs',
  label: 'Bulkhead wait',
  unit: 'ms',
  help: 'With a bulkhead on an outgoing edge: the mean time a call over such an edge waited for a slot (0 when one was free; the bound for a call that gave up), over calls in the window or since warm-up. A connection pool’s wait for a connection.',
  nature: 'level',
  where: 'both',
  optional: true,
  chart: { group: 'bulkhead wait', style: 'line', overview: 'varying' },
} as const satisfies FigureDescriptor;

/** Everything on an edge but id, source and target. */
export const edgeFieldsShape = {
  latencyMs: distSchema.default(constant(0)),
  weight: num(0, 1_000_000).default(1),
  kind: oneOf(EDGE_KINDS).default('call'),
  timeoutMs: positive(MAX_MS, 'ms').optional(),
  retry: retrySchema.optional(),
  circuitBreaker: circuitBreakerSchema.optional(),
  fallback: bool().optional(),
  bulkhead: bulkheadSchema.optional(),
};

/** The edge fields a run takes while it goes on (an action at time t, src/model/actions.ts). */
export const EDGE_LIVE: readonly string[] = [
  'latencyMs',
  'timeoutMs',
  'retry',
  'circuitBreaker',
  'fallback',
  'bulkhead',
];

export const edgeSchema = z.strictObject({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  ...edgeFieldsShape,
});

export const EDGE_PARAMS: ParamDescriptor[] = describeFields(edgeSchema, [
  {
    key: 'latencyMs',
    label: 'Latency (one way)',
    help: 'Network time, applied to the request and again to its response.',
    unit: 'ms',
  },
  {
    key: 'weight',
    label: 'Weight',
    help: 'Share of traffic when a node splits over several edges (clients, oneOf calls, weighted balancing).',
    step: 1,
  },
  {
    key: 'kind',
    label: 'Kind',
    help: 'call: a request path; replication: database primary to replica (latency = lag); deadLetter: where a queue sends messages that keep failing.',
  },
  {
    key: 'timeoutMs',
    label: 'Timeout',
    help: 'The caller gives up after this long. Empty = waits forever.',
    unit: 'ms',
  },
  {
    key: 'retry',
    label: 'Retry',
    help: 'On failure, try again after a growing pause. Off = no retries.',
    control: 'group',
    defaults: defaultsOf(retrySchema),
    fields: [
      {
        key: 'max',
        label: 'Max retries',
        help: 'Tries after the first.',
      },
      {
        key: 'backoffMs',
        label: 'Backoff',
        help: 'Pause before the first retry.',
        unit: 'ms',
      },
      {
        key: 'multiplier',
        label: 'Backoff multiplier',
        help: 'Each pause is this many times the one before (exponential backoff).',
      },
      {
        key: 'jitter',
        label: 'Jitter',
        help: 'Randomize each pause so that callers do not retry in lockstep.',
      },
      {
        key: 'budgetRatio',
        label: 'Retry budget',
        help: 'Retries may be at most this share of first tries (e.g. 0.1). Empty = no budget.',
        step: 0.05,
      },
      {
        key: 'tokenBucket',
        label: 'Retry tokens',
        help: 'Starts full; a retry spends a token, a success earns back the ratio; no token, no retry (gRPC/AWS retry throttle). Empty = none.',
      },
      {
        key: 'tokenRatio',
        label: 'Tokens per success',
        help: 'Tokens a success puts back. Empty = 0.1.',
        step: 0.05,
        shownWhen: { key: 'tokenBucket' },
      },
      {
        key: 'nonIdempotent',
        label: 'Not idempotent',
        help: 'On: timeouts and losses (the work may be done) are not retried.',
      },
    ],
  },
  {
    key: 'circuitBreaker',
    label: 'Circuit breaker',
    help: 'Stop calling a failing target for a while, then let a few probes through. Off = none.',
    control: 'group',
    defaults: defaultsOf(circuitBreakerSchema),
    fields: [
      {
        key: 'failureRatio',
        label: 'Failure ratio',
        help: 'Open when at least this share of calls in the window failed.',
        step: 0.05,
      },
      {
        key: 'minRequests',
        label: 'Minimum calls',
        help: '… and the window holds at least this many calls.',
      },
      {
        key: 'openMs',
        label: 'Open for',
        help: 'How long calls fail fast before probes are let through (half-open).',
        unit: 'ms',
      },
      {
        key: 'windowMs',
        label: 'Window',
        help: 'The rolling window over which failures are counted.',
        unit: 'ms',
      },
      {
        key: 'halfOpenRequests',
        label: 'Half-open probes',
        help: 'Calls let through while half-open; one failure opens again.',
      },
    ],
  },
  {
    key: 'bulkhead',
    label: 'Bulkhead',
    help: 'Cap on calls out over this edge at once (all caller replicas together): a slow dependency holds only that many workers. Off = no cap.',
    control: 'group',
    defaults: defaultsOf(bulkheadSchema),
    fields: [
      {
        key: 'maxConcurrent',
        label: 'Calls at once',
        help: 'A slot frees when the caller hears the answer or gives up.',
      },
      {
        key: 'maxWaiting',
        label: 'May wait',
        help: 'Calls beyond the cap wait (FIFO) while fewer than this wait; the rest fail at once (bulkheadFull).',
      },
      {
        key: 'maxWaitMs',
        label: 'Wait at most',
        help: 'A call that has waited this long for a slot gives up (bulkheadTimeout), as a connection pool’s acquire timeout. Empty = waits until a slot frees.',
        unit: 'ms',
      },
    ],
  },
  {
    key: 'fallback',
    label: 'Fallback',
    help: 'On a failed call, answer with a fallback (a default or stale value) instead of failing.',
  },
]);
