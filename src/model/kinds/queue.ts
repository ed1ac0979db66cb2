/**
 * `queue`: a message broker. Producers get an acknowledgement after `ackMs`; consumers are its
 * outgoing call edges; a message that fails `maxDeliveries` times goes to the deadLetter edge.
 */
import * as z from 'zod';
import type { QueueDelivery, QueueParams } from '../types.ts';
import { constant, distSchema, int, MAX_COUNT, oneOf } from './common.ts';
import type { KindDescription } from './describe.ts';
import type { FigureDescriptor } from './figures.ts';

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

/** The queue's own figures, beyond the common ones. */
const QUEUE_FIGURES: readonly FigureDescriptor[] = [
  {
    key: 'depth',
    label: 'Depth',
    unit: 'messages',
    help: 'Messages waiting at the end of the window.',
    nature: 'level',
    where: 'window',
    chart: { group: 'Queue messages', style: 'line' },
  },
  {
    key: 'inFlight',
    label: 'In flight',
    unit: 'messages',
    help: 'Messages delivered to a consumer and not yet acknowledged.',
    nature: 'level',
    where: 'both',
    chart: { group: 'Queue messages', style: 'line' },
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
];

export const QUEUE_DESCRIPTION: KindDescription = {
  type: 'queue',
  figures: QUEUE_FIGURES,
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
