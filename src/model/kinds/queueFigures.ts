/**
 * What a queue reports beyond the figures every node reports. Kept out of the kind's
 * description module, so the first paint (which draws and checks designs) does not load what
 * only a run's readers need: the registry of figures is ./figureRegistry.ts.
 */
import type { FigureDescriptor } from './figures.ts';
import { REPLY_FIGURES } from './replyFigures.ts';

export const QUEUE_FIGURES = [
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
