/**
 * `queue`: a message broker. Producers get an acknowledgement after `ackMs`; consumers are its
 * outgoing call edges; a message that fails `maxDeliveries` times goes to the deadLetter edge.
 */
import * as z from 'zod';
import { constant, distSchema, int, MAX_COUNT, oneOf } from './common.ts';
import { defineKind } from './define.ts';
import { num } from './lineText.ts';
import { describeFields } from './schemaInfo.ts';
import { REPLY_PARAM, replySchema } from './reply.ts';

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

export const QUEUE_DESCRIPTION = defineKind({
  type: 'queue',
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
