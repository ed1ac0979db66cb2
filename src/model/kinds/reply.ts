/**
 * Request-reply over a queue pair (a queue's `reply`): the producer's call is not answered at
 * the acknowledgement but when a consumer's reply, matched by its correlation id, comes back
 * over the reply queue; past `timeoutMs` the producer gets `timeout`, and a reply that comes
 * later is counted late and dropped. The engine's side is src/engine/messaging/replies.ts.
 */
import * as z from 'zod';
import { MAX_MS, num, positive } from './common.ts';
import type { ParamDescriptor } from './describe.ts';
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
