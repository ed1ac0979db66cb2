/** `client`: where traffic comes from (open arrivals or a closed population of users). */
import * as z from 'zod';
import type { ClientParams } from '../types.ts';
import {
  distSchema,
  exponential,
  int,
  MAX_COUNT,
  num,
  positive,
  ratio,
  timePoints,
} from './common.ts';
import type { KindDescription } from './describe.ts';

export const MAX_RPS = 10_000_000;

export const CLIENT_DEFAULTS: ClientParams = {
  arrival: { process: 'poisson', rps: 10 },
  profile: [],
  writeRatio: 0,
  keys: { count: 1000, zipf: 0 },
  sources: 100,
};

const arrival = z.discriminatedUnion(
  'process',
  [
    z.strictObject({ process: z.literal('poisson'), rps: positive(MAX_RPS, 'rps') }),
    z.strictObject({ process: z.literal('constant'), rps: positive(MAX_RPS, 'rps') }),
    z.strictObject({
      process: z.literal('closed'),
      users: int(1, 1_000_000),
      thinkMs: distSchema.default(exponential(1000)),
    }),
  ],
  {
    error:
      'must be {"process": "poisson"|"constant", "rps": …} or {"process": "closed", "users": …}',
  },
);

export const clientParamsSchema = z.strictObject({
  arrival: arrival.default(CLIENT_DEFAULTS.arrival),
  profile: timePoints(num(0, 1000), 10_000).default(CLIENT_DEFAULTS.profile),
  writeRatio: ratio().default(CLIENT_DEFAULTS.writeRatio),
  keys: z
    .strictObject({
      count: int(1, MAX_COUNT).default(CLIENT_DEFAULTS.keys.count),
      zipf: num(0, 5).default(CLIENT_DEFAULTS.keys.zipf),
    })
    .prefault({}),
  sources: int(1, MAX_COUNT).default(CLIENT_DEFAULTS.sources),
});

export const CLIENT_DESCRIPTION: KindDescription = {
  type: 'client',
  figures: [], // a client reports only the common figures
  label: 'Client',
  icon: '👤',
  summary: 'Where traffic comes from: an arrival rate or a population of users.',
  params: [
    {
      key: 'arrival',
      label: 'Arrivals',
      help: 'Poisson (random) or constant requests per second, or a closed workload of users who wait for each answer and think before the next.',
      control: 'arrival',
    },
    {
      key: 'profile',
      label: 'Rate profile',
      help: 'Rate multiplier over time, [[tS, multiplier], …], linear between points. Empty = constant 1.',
      control: 'profile',
    },
    {
      key: 'writeRatio',
      label: 'Write ratio',
      help: 'Share of requests that are writes (0..1).',
      control: 'number',
      min: 0,
      max: 1,
      step: 0.05,
    },
    {
      key: 'keys.count',
      label: 'Distinct keys',
      help: 'Requests address keys 0..count-1.',
      control: 'integer',
      min: 1,
      max: MAX_COUNT,
    },
    {
      key: 'keys.zipf',
      label: 'Key skew (Zipf)',
      help: 'Zipf exponent of key popularity: 0 = uniform, about 1 = a few hot keys.',
      control: 'number',
      min: 0,
      max: 5,
      step: 0.1,
    },
    {
      key: 'sources',
      label: 'Client addresses',
      help: 'Distinct source addresses, used by ipHash balancing.',
      control: 'integer',
      min: 1,
      max: MAX_COUNT,
    },
  ],
};
