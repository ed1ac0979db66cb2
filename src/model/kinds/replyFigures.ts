/**
 * What a queue with request-reply reports beyond the figures every node reports. Kept out of the kind's
 * description module, so the first paint (which draws and checks designs) does not load what
 * only a run's readers need: the registry of figures is ./figureRegistry.ts.
 */
import type { FigureDescriptor } from './figures.ts';

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
