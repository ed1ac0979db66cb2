/** `loadBalancer`: spreads requests over the replicas of the services behind it. */
import * as z from 'zod';
import type { LoadBalancerParams, LbStrategy } from '../types.ts';
import { defaultsOf, int, MAX_MS, oneOf, positive, num } from './common.ts';
import type { KindDescription } from './describe.ts';
import type { FigureDescriptor } from './figures.ts';

export const LB_STRATEGIES = [
  'roundRobin',
  'weightedRoundRobin',
  'random',
  'leastConnections',
  'ipHash',
  'leastResponseTime',
  'powerOfTwoChoices',
] as const satisfies readonly LbStrategy[];

export const LOAD_BALANCER_DEFAULTS: LoadBalancerParams = { strategy: 'roundRobin' };

/** The contract's examples, used for any missing sub-field. */
export const HEALTH_CHECK_DEFAULTS = {
  intervalMs: 1000,
  timeoutMs: 500,
  unhealthyAfter: 3,
  healthyAfter: 2,
} as const;
export const OUTLIER_DEFAULTS = { consecutiveErrors: 5, ejectMs: 30_000 } as const;

const healthCheckSchema = z.strictObject({
  intervalMs: positive(MAX_MS, 'ms').default(HEALTH_CHECK_DEFAULTS.intervalMs),
  timeoutMs: positive(MAX_MS, 'ms').default(HEALTH_CHECK_DEFAULTS.timeoutMs),
  unhealthyAfter: int(1, 100).default(HEALTH_CHECK_DEFAULTS.unhealthyAfter),
  healthyAfter: int(1, 100).default(HEALTH_CHECK_DEFAULTS.healthyAfter),
});
const outlierSchema = z.strictObject({
  consecutiveErrors: int(1, 10_000).default(OUTLIER_DEFAULTS.consecutiveErrors),
  ejectMs: num(0, MAX_MS, 'ms').default(OUTLIER_DEFAULTS.ejectMs),
});

export const loadBalancerParamsSchema = z.strictObject({
  strategy: oneOf(LB_STRATEGIES).default(LOAD_BALANCER_DEFAULTS.strategy),
  healthCheck: healthCheckSchema.optional(),
  outlierDetection: outlierSchema.optional(),
});

/** The loadBalancer's own figures, beyond the common ones. */
const LOAD_BALANCER_FIGURES: readonly FigureDescriptor[] = [
  {
    key: 'healthyReplicas',
    label: 'In rotation',
    unit: 'backends',
    help: 'Backends in rotation at the end of the window (healthy and not ejected).',
    nature: 'level',
    where: 'window',
    chart: { group: 'Backends', style: 'step' },
  },
  {
    key: 'ejectedBackends',
    label: 'Out of rotation',
    unit: 'backends',
    help: 'With health checks or outlier detection: backends taken out of rotation.',
    nature: 'level',
    where: 'window',
    optional: true,
    chart: { group: 'Backends', style: 'step' },
  },
  {
    key: 'detectionsMs',
    label: 'Detections',
    unit: 'ms',
    help: 'With health checks: crashes detected in the window, each as its time to detect.',
    nature: 'list',
    where: 'window',
    optional: true,
  },
  {
    key: 'ejections',
    label: 'Ejections',
    unit: 'backends',
    help: 'With health checks or outlier detection: backends taken out of rotation over the run.',
    nature: 'count',
    where: 'result',
    optional: true,
  },
  {
    key: 'detectionMs',
    label: 'Time to detect',
    unit: 'ms',
    help: 'With health checks: time from each backend crash to its removal (count, mean, max, list).',
    nature: 'summary',
    where: 'result',
    optional: true,
  },
];

export const LOAD_BALANCER_DESCRIPTION: KindDescription = {
  type: 'loadBalancer',
  figures: LOAD_BALANCER_FIGURES,
  label: 'Load balancer',
  icon: '⚖️',
  summary: 'Spreads requests over the replicas of the services behind it.',
  params: [
    {
      key: 'strategy',
      label: 'Strategy',
      help: 'How a backend replica is chosen. weightedRoundRobin uses edge weights; ipHash the client address.',
      control: 'select',
      options: LB_STRATEGIES,
    },
    {
      key: 'healthCheck',
      label: 'Active health check',
      help: 'Probe each backend; take it out of rotation after failed probes, back after good ones. Off = none.',
      control: 'group',
      optional: true,
      defaults: defaultsOf(healthCheckSchema),
      fields: [
        {
          key: 'intervalMs',
          label: 'Probe every',
          help: 'Time between two probes of one backend.',
          unit: 'ms',
          control: 'number',
          min: 0,
        },
        {
          key: 'timeoutMs',
          label: 'Probe timeout',
          help: 'A probe not answered within this counts as failed.',
          unit: 'ms',
          control: 'number',
          min: 0,
        },
        {
          key: 'unhealthyAfter',
          label: 'Unhealthy after',
          help: 'Failed probes in a row that take a backend out.',
          control: 'integer',
          min: 1,
          max: 100,
        },
        {
          key: 'healthyAfter',
          label: 'Healthy after',
          help: 'Good probes in a row that bring it back.',
          control: 'integer',
          min: 1,
          max: 100,
        },
      ],
    },
    {
      key: 'outlierDetection',
      label: 'Outlier detection',
      help: 'Passive: eject a backend after consecutive errors on real traffic. Off = none.',
      control: 'group',
      optional: true,
      defaults: defaultsOf(outlierSchema),
      fields: [
        {
          key: 'consecutiveErrors',
          label: 'Consecutive errors',
          help: 'Errors in a row that eject a backend.',
          control: 'integer',
          min: 1,
          max: 10_000,
        },
        {
          key: 'ejectMs',
          label: 'Eject for',
          help: 'How long an ejected backend gets no traffic.',
          unit: 'ms',
          control: 'number',
          min: 0,
        },
      ],
    },
  ],
};
