/**
 * A scheduled job source (a client's `schedule`): every `everyS` seconds from `firstS`, a burst
 * of `jobs` requests at once, each sent up to `jitterMs` after the tick (uniformly), instead of
 * the client's arrivals. The engine's side is src/engine/messaging/schedule.ts.
 */
import * as z from 'zod';
import { int, MAX_MS, num, positive } from './common.ts';
import type { ParamDescriptor } from './describe.ts';
import { MAX_DURATION_S } from './fault.ts';
import type { FigureDescriptor } from './figures.ts';
import { describeFields } from './schemaInfo.ts';

export const scheduleSchema = z
  .strictObject({
    everyS: positive(MAX_DURATION_S, 's').default(60),
    jobs: int(1, 100_000).default(100),
    firstS: num(0, MAX_DURATION_S, 's').default(0),
    jitterMs: num(0, MAX_MS, 'ms').default(0),
  })
  // A burst's jobs are told apart from the next burst's by their send time.
  .refine((s) => s.jitterMs < s.everyS * 1000, {
    error: 'must be shorter than the interval between bursts (everyS)',
    path: ['jitterMs'],
  });

export const SCHEDULE_PARAM: ParamDescriptor = {
  key: 'schedule',
  label: 'Scheduled jobs',
  help: 'A scheduled job source (a nightly batch, a cron job): every interval, a burst of jobs at once, instead of the arrivals above. Off = the arrivals.',
  control: 'group',
  optional: true,
  defaults: scheduleSchema.parse({}),
  fields: describeFields(scheduleSchema, [
    { key: 'everyS', label: 'Every', help: 'The interval between bursts.' },
    { key: 'jobs', label: 'Jobs per burst', help: 'Requests sent at each tick.' },
    { key: 'firstS', label: 'First burst at', help: 'When the first burst goes.' },
    {
      key: 'jitterMs',
      label: 'Jitter',
      help: 'Each job goes up to this long after the tick (uniformly); 0 = all at once.',
    },
  ]),
};

export const SCHEDULE_FIGURES = [
  {
    key: 'bursts',
    label: 'Bursts',
    unit: 'bursts',
    help: 'With scheduled jobs: bursts whose every job was answered (in the result, bursts sent after warm-up).',
    nature: 'count',
    where: 'result',
    optional: true,
  },
  {
    key: 'makespanMs',
    label: 'Makespan',
    unit: 'ms',
    help: 'With scheduled jobs: from a burst’s tick to the answer of its last job (mean and percentiles over bursts).',
    nature: 'summary',
    parts: ['mean', 'p50', 'p90', 'p95', 'p99', 'max'],
    where: 'result',
    optional: true,
  },
  {
    key: 'lastMakespanMs',
    label: 'Makespan',
    unit: 'ms',
    help: 'With scheduled jobs: the makespan of the last burst finished by the window’s end.',
    nature: 'time',
    where: 'window',
    optional: true,
    chart: { group: 'makespan', style: 'line' },
  },
] as const satisfies readonly FigureDescriptor[];
