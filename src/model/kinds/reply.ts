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
  help: "The producer waits for the consumer's reply (over a reply queue, by correlation id). Off = fire-and-forget.",
  control: 'group',
  optional: true,
  defaults: replySchema.parse({}),
  fields: describeFields(replySchema, [
    {
      key: 'timeoutMs',
      label: 'Reply timeout',
      help: 'Then the producer fails (timeout); a later reply is dropped.',
    },
    {
      key: 'replyMs',
      label: 'Reply hop',
      help: "The reply queue's time, consumer to producer.",
    },
  ]),
};

const mean = <K extends string>(key: K, label: string, help: string) =>
  ({
    key,
    label,
    unit: 'ms',
    help: `Mean over replies in time: ${help}`,
    nature: 'time',
    where: 'result',
    optional: true,
  }) as const;

export const REPLY_FIGURES = [
  {
    key: 'replies',
    label: 'Replies',
    unit: 'requests',
    help: 'Replies in time.',
    nature: 'count',
    where: 'both',
    optional: true,
    chart: { group: 'replies', style: 'line' },
  },
  {
    key: 'replyTimeouts',
    label: 'Reply timeouts',
    unit: 'requests',
    help: 'Producers that gave up.',
    nature: 'count',
    where: 'both',
    optional: true,
    chart: { group: 'replies', style: 'line' },
  },
  {
    key: 'lateReplies',
    label: 'Late replies',
    unit: 'requests',
    help: 'Replies after the producer gave up, dropped.',
    nature: 'count',
    where: 'both',
    optional: true,
    chart: { group: 'replies', style: 'line' },
  },
  mean('meanAckMs', 'Part: ack', 'time to the ack.'),
  mean('meanWaitMs', 'Part: queue wait', 'the wait here (message age counts every message).'),
  mean('meanConsumerMs', 'Part: consumer', 'from delivery to the consumer’s answer.'),
  mean('meanReplyMs', 'Part: reply', 'the reply’s hop.'),
  mean('meanRequestReplyMs', 'Request-reply time', 'from arrival to reply: the parts’ sum.'),
] as const satisfies readonly FigureDescriptor[];
