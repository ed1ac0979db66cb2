/**
 * `queue`: a message broker. Producers get an acknowledgement after `ackMs`; consumers are its
 * outgoing call edges; a message that fails `maxDeliveries` times goes to the deadLetter edge.
 */
import * as z from 'zod';
import { constant, distSchema, int, MAX_COUNT, oneOf } from './common.ts';
import { defineKind } from './define.ts';
import { num } from './lineText.ts';
import { describeFields } from './schemaInfo.ts';
import type { FigureDescriptor } from './figures.ts';
import { REPLY_FIGURES, REPLY_PARAM, replySchema } from './reply.ts';

export const queueParamsSchema = z.strictObject({
  // At least 1: a queue that may hold no message refuses every one.
  capacity: int(1, MAX_COUNT).optional(),
  delivery: oneOf(['pointToPoint', 'pubSub']).default('pointToPoint'),
  priorities: int(1, 10).default(1),
  priorityFrom: oneOf(['key', 'class']).optional(),
  maxDeliveries: int(1, 100).default(3),
  ackMs: distSchema.default(constant(1)),
  reply: replySchema.optional(),
});

/** The queue's own figures, beyond the common ones. */
const QUEUE_FIGURES = [
  {
    key: 'depth',
    label: 'Depth',
    unit: 'messages',
    help: 'Messages waiting at the end of the window.',
    nature: 'level',
    where: 'window',
    chart: { group: 'messages', style: 'line' },
  },
  {
    key: 'inFlight',
    label: 'In flight',
    unit: 'messages',
    help: 'Messages delivered to a consumer and not yet acknowledged.',
    nature: 'level',
    where: 'both',
    chart: { group: 'messages', style: 'line' },
  },
  {
    key: 'depth',
    label: 'Mean depth',
    unit: 'messages',
    help: 'Time-average messages waiting since warm-up.',
    nature: 'level',
    where: 'result',
  },
  {
    key: 'depthNow',
    label: 'Depth at the end',
    unit: 'messages',
    help: 'Messages waiting when the run ended.',
    nature: 'level',
    where: 'result',
  },
  {
    key: 'depthMax',
    label: 'Most waiting',
    unit: 'messages',
    help: 'The most messages waiting at once.',
    nature: 'level',
    where: 'result',
  },
  {
    key: 'messageAgeMs',
    label: 'Message age',
    unit: 'ms',
    help: 'Time from enqueue to delivery (mean and percentiles).',
    nature: 'summary',
    parts: ['mean', 'p50', 'p90', 'p95', 'p99', 'max'],
    where: 'result',
  },
  {
    key: 'enqueued',
    label: 'Enqueued',
    unit: 'messages',
    help: 'Messages accepted into the queue.',
    nature: 'count',
    where: 'result',
  },
  {
    key: 'consumed',
    label: 'Consumed',
    unit: 'messages',
    help: 'Messages a consumer acknowledged.',
    nature: 'count',
    where: 'result',
  },
  {
    key: 'redelivered',
    label: 'Redelivered',
    unit: 'messages',
    help: 'Deliveries after a failed or timed-out attempt.',
    nature: 'count',
    where: 'result',
  },
  {
    key: 'deadLettered',
    label: 'Dead-lettered',
    unit: 'messages',
    help: 'Messages moved to the dead-letter queue after too many attempts.',
    nature: 'count',
    where: 'result',
  },
  {
    key: 'dead',
    label: 'Dropped',
    unit: 'messages',
    help: 'Messages dropped after too many attempts with no dead-letter queue.',
    nature: 'count',
    where: 'result',
  },
  {
    key: 'meanMessageAgeMs',
    label: 'Mean message age',
    unit: 'ms',
    help: 'Mean time from enqueue to delivery.',
    nature: 'time',
    where: 'result',
  },
  {
    key: 'meanAgeByPriorityMs',
    label: 'Mean age by priority',
    unit: 'ms',
    help: 'With priority levels: mean message age per level, highest priority first.',
    nature: 'list',
    where: 'result',
    optional: true,
  },
  ...REPLY_FIGURES,
] as const satisfies readonly FigureDescriptor[];

export const QUEUE_DESCRIPTION = defineKind({
  type: 'queue',
  figures: QUEUE_FIGURES,
  label: 'Queue',
  icon: '📬',
  // Three stacked bars: messages waiting.
  glyph: [
    ['rect', 2.5, 2.5, 11, 2.8, 0.8],
    ['rect', 2.5, 6.6, 11, 2.8, 0.8],
    ['rect', 2.5, 10.7, 11, 2.8, 0.8],
  ],
  colour: '#a855f7',
  summary:
    'Buffers messages for consumers: point-to-point or publish-subscribe, with a dead-letter edge.',
  schema: queueParamsSchema,
  params: [
    ...describeFields(queueParamsSchema, [
      {
        key: 'capacity',
        label: 'Capacity',
        help: 'Messages held; a full queue rejects (back-pressure). Empty = unbounded.',
      },
      {
        key: 'delivery',
        label: 'Delivery',
        help: 'pointToPoint: each message to one consumer (by edge weight); pubSub: a copy to every consumer.',
      },
      {
        key: 'priorities',
        label: 'Priority levels',
        help: 'Messages carry a priority 0 (highest) .. levels-1; higher priorities are delivered first.',
      },
      {
        key: 'priorityFrom',
        label: 'Priority from',
        help: "Where a message's priority comes from: key (key mod levels) or class (its request class's priority, at most levels-1). Empty = key.",
      },
      {
        key: 'maxDeliveries',
        label: 'Max deliveries',
        help: 'Tries before a failing message goes to the deadLetter edge.',
      },
      {
        key: 'ackMs',
        label: 'Ack time',
        help: "The broker's time to accept a message: the producer waits only this.",
        unit: 'ms',
      },
    ]),
    REPLY_PARAM,
  ],
  line: (p) =>
    `${p.delivery} · ${p.capacity === undefined ? 'unbounded' : `cap ${num(p.capacity)}`}` +
    (p.reply ? ` · request-reply ≤ ${num(p.reply.timeoutMs)} ms` : ''),
  flow: (p) => ({ split: p.delivery === 'pubSub' ? 'every' : 'weight' }),
  // A producer that waits for the reply waits for the consumer too: no closed form for its path.
  theory: (p) => (p.reply ? { as: 'none' } : { as: 'buffer' }),
  faults: ['slow'],
  // SQS standard: $0.40 per million requests; a message takes three (send, receive, delete).
  price: { usd: 1.2, per: 'million messages' },
  live: ['capacity', 'maxDeliveries', 'ackMs'],
  reads: () => ({ key: true }),
  edges: {
    call: {
      targets: ['service', 'loadBalancer'],
      why: "a queue's consumers are services (or a load balancer in front of them)",
      min: {
        count: 1,
        warning: 'has no consumer: messages pile up',
        problem: 'Nothing consumes this queue: connect it to a service.',
      },
    },
    deadLetter: {
      targets: ['queue', 'service'],
      why: "a queue's dead letters go to another queue or to a service",
      max: { count: 1, reason: 'a queue has at most one dead-letter edge' },
    },
  },
});
