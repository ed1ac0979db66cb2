/** `rateLimiter`: a token bucket in front of whatever it calls; refused requests fail at once. */
import * as z from 'zod';
import type { RateLimiterParams } from '../types.ts';
import { int, MAX_COUNT, positive } from './common.ts';
import { MAX_RPS } from './client.ts';
import type { KindDescription } from './describe.ts';
import type { FigureDescriptor } from './figures.ts';

export const RATE_LIMITER_DEFAULTS: RateLimiterParams = { rps: 100, burst: 20 };

export const rateLimiterParamsSchema = z.strictObject({
  rps: positive(MAX_RPS, 'rps').default(RATE_LIMITER_DEFAULTS.rps),
  burst: int(1, MAX_COUNT).default(RATE_LIMITER_DEFAULTS.burst),
});

/** The rateLimiter's own figures, beyond the common ones. */
const RATE_LIMITER_FIGURES: readonly FigureDescriptor[] = [
  {
    key: 'rateLimited',
    label: 'Limited',
    unit: 'requests',
    help: 'Requests refused for want of a token.',
    nature: 'count',
    where: 'both',
    chart: { group: 'Requests limited', style: 'line' },
  },
  {
    key: 'tokens',
    label: 'Tokens',
    unit: 'tokens',
    help: 'Tokens left in the bucket at the end of the window.',
    nature: 'level',
    where: 'window',
    chart: { group: 'Tokens left', style: 'step' },
  },
  {
    key: 'passed',
    label: 'Passed',
    unit: 'requests',
    help: 'Requests let through.',
    nature: 'count',
    where: 'result',
  },
];

export const RATE_LIMITER_DESCRIPTION: KindDescription = {
  type: 'rateLimiter',
  figures: RATE_LIMITER_FIGURES,
  label: 'Rate limiter',
  icon: '🚦',
  summary: 'A token bucket: lets through a steady rate plus bursts, refuses the rest.',
  params: [
    {
      key: 'rps',
      label: 'Rate',
      help: 'Tokens added per second (default 100).',
      unit: 'rps',
      control: 'number',
      min: 0,
      max: MAX_RPS,
    },
    {
      key: 'burst',
      label: 'Burst',
      help: 'Bucket size: the largest burst let through at once (default 20).',
      control: 'integer',
      min: 1,
      max: MAX_COUNT,
    },
  ],
};
