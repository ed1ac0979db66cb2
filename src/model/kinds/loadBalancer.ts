/** `loadBalancer`: spreads requests over the replicas of the services behind it. */
import * as z from 'zod';
import { defaultsOf, idSchema, int, MAX_MS, oneOf, positive, num } from './common.ts';
import { defineKind } from './define.ts';
import { classNameSchema } from './classes.ts';
import { ROUTES_TABLE } from './classTables.ts';
import { describeFields } from './schemaInfo.ts';
import type { Balancing } from './describe.ts';

/** The contract's examples, used for any missing sub-field. */
const healthCheckSchema = z.strictObject({
  intervalMs: positive(MAX_MS, 'ms').default(1000),
  timeoutMs: positive(MAX_MS, 'ms').default(500),
  unhealthyAfter: int(1, 100).default(3),
  healthyAfter: int(1, 100).default(2),
});
const outlierSchema = z.strictObject({
  consecutiveErrors: int(1, 10_000).default(5),
  ejectMs: num(0, MAX_MS, 'ms').default(30_000),
});

export const loadBalancerParamsSchema = z.strictObject({
  strategy: oneOf([
    'roundRobin',
    'weightedRoundRobin',
    'random',
    'leastConnections',
    'ipHash',
    'leastResponseTime',
    'powerOfTwoChoices',
    'nearest',
    'failover',
  ]).default('roundRobin'),
  healthCheck: healthCheckSchema.optional(),
  outlierDetection: outlierSchema.optional(),
  layer: oneOf(['l7', 'l4']).default('l7'),
  overheadMs: num(0, MAX_MS, 'ms').default(0),
  routes: z
    .record(classNameSchema, z.array(idSchema).min(1, { error: 'must name at least one node' }), {
      error: 'must map class names to lists of node ids, e.g. {"checkout": ["payments"]}',
    })
    .optional(),
});

type Strategy = z.output<typeof loadBalancerParamsSchema>['strategy'];

/** How each strategy's backends see the stream, for the theory (see src/analysis/dispatch.ts). */
const SPREADS: Record<Strategy, Balancing['spreads']> = {
  roundRobin: 'roundRobin',
  weightedRoundRobin: 'weighted',
  random: 'poissonSplit',
  ipHash: 'poissonSplit',
  leastConnections: 'shortestQueue',
  leastResponseTime: 'shortestQueue',
  powerOfTwoChoices: 'shortestQueue',
  // One target at a time, round robin over its replicas: no exact split to predict from.
  nearest: 'weighted',
  failover: 'weighted',
};

export const LOAD_BALANCER_DESCRIPTION = defineKind({
  type: 'loadBalancer',
  label: 'Load balancer',
  icon: '⚖️',
  // One arrow in, split into three out.
  glyph: [
    ['path', 'M1.5 8h4.5'],
    ['path', 'M6 8l6.5-4.5M6 8h6.5M6 8l6.5 4.5'],
    ['path', 'M11 2.6l1.7.9-.9 1.7M11.2 13.4l1.6-.9-.9-1.7M11.5 6.6l1.3 1.4-1.3 1.4'],
  ],
  colour: '#0ea5a4',
  summary: 'Spreads requests over the replicas of the services behind it.',
  schema: loadBalancerParamsSchema,
  params: describeFields(loadBalancerParamsSchema, [
    {
      key: 'strategy',
      label: 'Strategy',
      help: 'How a backend replica is chosen. weightedRoundRobin uses edge weights; ipHash the client address; leastResponseTime measured latency; nearest the lowest edge + region latency, failover the first edge (each the next when health checks take it out).',
    },
    {
      key: 'layer',
      label: 'Layer',
      help: 'l7: reads each request, chooses a backend per request and may route by class. l4: sees connections only: a backend per client connection (address), every request on it goes there; routes do not apply.',
    },
    {
      key: 'overheadMs',
      label: 'Own time per request',
      help: "The balancer's own work per request (a delay, no queue): Layer 7 parses and routes each request (typically 0.1–1 ms), Layer 4 forwards packets (some µs).",
    },
    {
      key: 'routes',
      label: 'Routes by class',
      help: 'Layer 7: the nodes behind it that serve each request class (in the document a map, e.g. {"checkout": ["payments"]}); a class without a route uses every backend. None = no routing.',
      control: 'table',
      table: ROUTES_TABLE,
    },
    {
      key: 'healthCheck',
      label: 'Active health check',
      help: 'Probe each backend; take it out of rotation after failed probes, back after good ones. Off = none.',
      control: 'group',
      defaults: defaultsOf(healthCheckSchema),
      fields: [
        {
          key: 'intervalMs',
          label: 'Probe every',
          help: 'Time between two probes of one backend.',
        },
        {
          key: 'timeoutMs',
          label: 'Probe timeout',
          help: 'A probe not answered within this counts as failed.',
        },
        {
          key: 'unhealthyAfter',
          label: 'Unhealthy after',
          help: 'Failed probes in a row that take a backend out.',
        },
        {
          key: 'healthyAfter',
          label: 'Healthy after',
          help: 'Good probes in a row that bring it back.',
        },
      ],
    },
    {
      key: 'outlierDetection',
      label: 'Outlier detection',
      help: 'Passive: eject a backend after consecutive errors on real traffic. Off = none.',
      control: 'group',
      defaults: defaultsOf(outlierSchema),
      fields: [
        {
          key: 'consecutiveErrors',
          label: 'Consecutive errors',
          help: 'Errors in a row that eject a backend.',
        },
        {
          key: 'ejectMs',
          label: 'Eject for',
          help: 'How long an ejected backend gets no traffic.',
        },
      ],
    },
  ]),
  line: (p) =>
    `${p.layer === 'l4' ? 'L4 · ' : p.routes ? 'L7 routes · ' : ''}${p.strategy}` +
    (p.overheadMs > 0 ? ` · ${p.overheadMs} ms` : ''),
  theory: (p) => ({
    as: 'router',
    balances: { strategy: p.strategy, spreads: SPREADS[p.strategy] },
  }),
  // nearest / failover send all to one target at a time: as measured when a run is given.
  flow: (p) => ({
    split:
      p.strategy === 'weightedRoundRobin'
        ? 'weight'
        : p.strategy === 'nearest' || p.strategy === 'failover'
          ? 'keys'
          : 'replicas',
  }),
  faults: [],
  price: { usd: 0.025, per: 'instance-hour' }, // a managed load balancer
  live: ['strategy', 'overheadMs'],
  edges: {
    call: {
      // Databases and caches behind a balancer are one backend each: read replicas behind a
      // balancer is the textbook read-scaling picture.
      targets: ['service', 'database', 'cache'],
      why: "a load balancer's backends are the replicas of services, or databases and caches",
      min: {
        count: 1,
        warning: 'has no backends: every request fails',
        problem: 'This load balancer has no backends: connect it to a service.',
      },
    },
  },
  reads: (p) => (p.strategy === 'ipHash' || p.layer === 'l4' ? { source: true } : {}),
});
