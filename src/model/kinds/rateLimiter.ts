/** `rateLimiter`: a token bucket in front of whatever it calls; refused requests fail at once. */
import * as z from 'zod';
import { int, MAX_COUNT, positive } from './common.ts';
import { MAX_RPS } from './client.ts';
import { defineKind } from './define.ts';
import { num } from './lineText.ts';
import { describeFields } from './schemaInfo.ts';

export const rateLimiterParamsSchema = z.strictObject({
  rps: positive(MAX_RPS, 'rps').default(100),
  burst: int(1, MAX_COUNT).default(20),
});

export const RATE_LIMITER_DESCRIPTION = defineKind({
  type: 'rateLimiter',
  label: 'Rate limiter',
  icon: '🚦',
  // A gauge: an arc and a needle.
  glyph: [
    ['path', 'M2.5 11.5a5.5 5.5 0 1 1 11 0'],
    ['path', 'M8 11.5l3-4'],
    ['circle', 8, 11.5, 0.9],
  ],
  colour: '#e0a100',
  summary: 'A token bucket: lets through a steady rate plus bursts, refuses the rest.',
  schema: rateLimiterParamsSchema,
  params: describeFields(rateLimiterParamsSchema, [
    { key: 'rps', label: 'Rate', help: 'Tokens added per second.' },
    { key: 'burst', label: 'Burst', help: 'Bucket size: the largest burst let through at once.' },
  ]),
  line: (p) => `${num(p.rps)} rps, burst ${num(p.burst)}`,
  flow: (p) => ({ split: 'weight', atMostRps: p.rps }),
  // What it refuses depends on the bursts of its token bucket: no closed form here.
  theory: () => ({ as: 'none' }),
  faults: [],
  price: { usd: 0.01, per: 'instance-hour' },
  live: ['rps', 'burst'],
  edges: {
    call: {
      targets: 'callable',
      why: '',
      min: {
        count: 1,
        warning: 'calls nothing: what it lets through goes nowhere',
        problem: 'Nothing is behind this rate limiter: connect it to the node it protects.',
      },
    },
  },
});
