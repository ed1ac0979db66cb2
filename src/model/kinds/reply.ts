/**
 * Request-reply over a queue pair (a queue's `reply`): the producer's call is not answered at
 * the acknowledgement but when a consumer's reply, matched by its correlation id, comes back
 * over the reply queue; past `timeoutMs` the producer gets `timeout`, and a reply that comes
 * later is counted late and dropped. The engine's side is src/engine/messaging/replies.ts.
 */
import * as z from 'zod';
import { MAX_MS, num, positive } from './common.ts';
import type { ParamDescriptor } from './describe.ts';
import type { FigureDescriptor } from './figures.ts';
import { describeFields } from './schemaInfo.ts';

export const replySchema = z.strictObject({
  timeoutMs: positive(MAX_MS, 'ms').default(1000),
  replyMs: num(0, MAX_MS, 'ms').default(1),
});

export const REPLY_PARAM: ParamDescriptor = {
  key: 'reply',
  label: 'Request-reply',
  help: "The producer waits for the consumer's reply, sent back over a reply queue and matched by correlation id: its call takes the ack, the wait in this queue, the consumer's work and the reply's hop. Off = fire-and-forget (the producer waits only for the ack).",
  control: 'group',
  optional: true,
  defaults: replySchema.parse({}),
  fields: describeFields(replySchema, [
    {
      key: 'timeoutMs',
      label: 'Reply timeout',
      help: 'The producer gives up after this (timeout); a reply that comes later is counted late and dropped.',
    },
    {
      key: 'replyMs',
      label: 'Reply hop',
      help: "The reply queue's time from the consumer's answer to the producer (put and get).",
    },
  ]),
};

const mean = <K extends string>(key: K, label: string, help: string) =>
  ({
    key,
    label,
    unit: 'ms',
    help: `With request-reply, over the replies that reached a waiting producer: ${help}`,
    nature: 'time',
    where: 'result',
    optional: true,
  }) as const;

export const REPLY_FIGURES = [
  {
    key: 'replies',
    label: 'Replies',
    unit: 'requests',
    help: 'With request-reply: replies that reached a waiting producer.',
    nature: 'count',
    where: 'both',
    optional: true,
    chart: { group: 'replies', style: 'line' },
  },
  {
    key: 'replyTimeouts',
    label: 'Reply timeouts',
    unit: 'requests',
    help: 'With request-reply: producers that gave up waiting (answered timeout).',
    nature: 'count',
    where: 'both',
    optional: true,
    chart: { group: 'replies', style: 'line' },
  },
  {
    key: 'lateReplies',
    label: 'Late replies',
    unit: 'requests',
    help: 'With request-reply: replies that came after their producer gave up (or a second reply to one request), dropped.',
    nature: 'count',
    where: 'both',
    optional: true,
    chart: { group: 'replies', style: 'line' },
  },
  mean('meanAckMs', 'Part: ack', 'the mean time to the broker’s acknowledgement.'),
  mean(
    'meanWaitMs',
    'Part: queue wait',
    'the mean wait in this queue (the message age counts every message, timed out or not).',
  ),
  mean(
    'meanConsumerMs',
    'Part: consumer',
    'the mean time from delivery to the consumer’s answer (its work and the hops to it).',
  ),
  mean('meanReplyMs', 'Part: reply', 'the mean time of the reply’s hop back.'),
  mean(
    'meanRequestReplyMs',
    'Request-reply time',
    'the mean time from a request’s arrival here to its reply (the sum of the four parts).',
  ),
] as const satisfies readonly FigureDescriptor[];
