/** `client`: where traffic comes from (open arrivals or a closed population of users). */
import * as z from 'zod';
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
import { classesSchema } from './classes.ts';
import { CLASS_MIX_TABLE } from './classTables.ts';
import { defineKind } from './define.ts';
import { distText, num as short } from './lineText.ts';
import { SCHEDULE_PARAM, scheduleSchema } from './schedule.ts';
import { describeFields } from './schemaInfo.ts';

export const MAX_RPS = 10_000_000;

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
  arrival: arrival.default({ process: 'poisson', rps: 10 }),
  profile: timePoints(num(0, 1000), 10_000).default([]),
  writeRatio: ratio().default(0),
  keys: z
    .strictObject({ count: int(1, MAX_COUNT).default(1000), zipf: num(0, 5).default(0) })
    .prefault({}),
  sources: int(1, MAX_COUNT).default(100),
  classes: classesSchema.optional(),
  schedule: scheduleSchema.optional(),
});

export const CLIENT_DESCRIPTION = defineKind({
  type: 'client',
  label: 'Client',
  icon: '👤',
  // A person: head and shoulders.
  glyph: [
    ['circle', 8, 5, 2.6],
    ['path', 'M2.8 14c0-3 2.3-4.8 5.2-4.8s5.2 1.8 5.2 4.8'],
  ],
  colour: '#7c5cff',
  summary: 'Where traffic comes from: an arrival rate or a population of users.',
  schema: clientParamsSchema,
  params: [
    ...describeFields(clientParamsSchema, [
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
        step: 0.05,
      },
      { key: 'keys.count', label: 'Distinct keys', help: 'Requests address keys 0..count-1.' },
      {
        key: 'keys.zipf',
        label: 'Key skew (Zipf)',
        help: 'Zipf exponent of key popularity: 0 = uniform, about 1 = a few hot keys.',
        step: 0.1,
      },
      {
        key: 'sources',
        label: 'Client addresses',
        help: 'Distinct source addresses (connections), used by ipHash and Layer-4 balancing.',
      },
      {
        key: 'classes',
        label: 'Request classes',
        help: 'A mix of named classes (checkout, browse…), each with its share of the traffic (weights), its priority (0 served first, shed last) and optionally its own write ratio and key space. Balancers route classes, services time them. None = one class.',
        control: 'table',
        table: CLASS_MIX_TABLE,
      },
    ]),
    SCHEDULE_PARAM,
  ],
  line: ({ arrival: a, classes, schedule: s }) =>
    (s
      ? `${short(s.jobs)} jobs every ${short(s.everyS)} s`
      : a.process === 'closed'
        ? `${short(a.users)} users, think ${distText(a.thinkMs)}`
        : `${short(a.rps)} rps ${a.process}`) +
    (classes ? ` · ${classes.map((c) => c.name).join('/')}` : ''),
  flow: () => ({ split: 'weight' }),
  theory: () => ({ as: 'router' }),
  // Clients are the users: they cost nothing here.
  faults: ['spike'],
  price: { usd: 0, per: 'instance-hour' },
  live: ['arrival.rps', 'arrival.users', 'writeRatio'],
  instances: () => 0,
  edges: {
    call: {
      targets: 'callable',
      why: '',
      min: {
        count: 1,
        warning: 'has no outgoing edge: its requests go nowhere',
        problem: 'This client sends its requests nowhere: connect it to a node.',
      },
    },
  },
  refusesCalls: 'nothing calls into a client: it only sends traffic',
});
