/**
 * A scheduled job source (a client's `schedule`): every `everyS` seconds from `firstS`, a burst
 * of `jobs` requests at once, each sent up to `jitterMs` after the tick (uniformly), instead of
 * the client's arrivals. The engine's side is src/engine/messaging/schedule.ts.
 */
import * as z from 'zod';
import { int, MAX_MS, num, positive } from './common.ts';
import type { ParamDescriptor } from './describe.ts';
import { MAX_DURATION_S } from './fault.ts';
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
