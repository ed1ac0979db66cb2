/**
 * `queue`: a message broker. Producers get an acknowledgement after `ackMs`; consumers are its
 * outgoing call edges; a message that fails `maxDeliveries` times goes to the deadLetter edge.
 */
import * as z from 'zod';
import type { QueueDelivery, QueueParams } from '../types.ts';
import { constant, distSchema, int, MAX_COUNT, oneOf } from './common.ts';
import type { KindDescription } from './describe.ts';

export const QUEUE_DELIVERIES = [
  'pointToPoint',
  'pubSub',
] as const satisfies readonly QueueDelivery[];

export const QUEUE_DEFAULTS: QueueParams = {
  delivery: 'pointToPoint',
  priorities: 1,
  maxDeliveries: 3,
  ackMs: constant(1),
};

export const queueParamsSchema = z.strictObject({
  capacity: int(0, MAX_COUNT).optional(),
  delivery: oneOf(QUEUE_DELIVERIES).default(QUEUE_DEFAULTS.delivery),
  priorities: int(1, 10).default(QUEUE_DEFAULTS.priorities),
  maxDeliveries: int(1, 100).default(QUEUE_DEFAULTS.maxDeliveries),
  ackMs: distSchema.default(QUEUE_DEFAULTS.ackMs),
});

export const QUEUE_DESCRIPTION: KindDescription = {
  type: 'queue',
  label: 'Queue',
  icon: '📬',
  summary:
    'Buffers messages for consumers: point-to-point or publish-subscribe, with a dead-letter edge.',
  params: [
    {
      key: 'capacity',
      label: 'Capacity',
      help: 'Messages held; a full queue rejects (back-pressure). Empty = unbounded.',
      control: 'integer',
      min: 0,
      max: MAX_COUNT,
      optional: true,
    },
    {
      key: 'delivery',
      label: 'Delivery',
      help: 'pointToPoint: each message to one consumer (by edge weight); pubSub: a copy to every consumer.',
      control: 'select',
      options: QUEUE_DELIVERIES,
    },
    {
      key: 'priorities',
      label: 'Priority levels',
      help: 'Messages carry a priority 0 (highest) .. levels-1; higher priorities are delivered first (default 1).',
      control: 'integer',
      min: 1,
      max: 10,
    },
    {
      key: 'maxDeliveries',
      label: 'Max deliveries',
      help: 'Tries before a failing message goes to the deadLetter edge (default 3).',
      control: 'integer',
      min: 1,
      max: 100,
    },
    {
      key: 'ackMs',
      label: 'Ack time',
      help: "The broker's time to accept a message: the producer waits only this (default constant 1 ms).",
      unit: 'ms',
      control: 'dist',
    },
  ],
};
