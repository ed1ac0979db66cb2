/**
 * What a service reports beyond the figures every node reports. Kept out of the kind's
 * description module, so the first paint (which draws and checks designs) does not load what
 * only a run's readers need: the registry of figures is ./figureRegistry.ts.
 */
import type { FigureDescriptor } from './figures.ts';
import { BATCH_FIGURES } from './batchFigures.ts';
import { LIMIT_FIGURE } from './concurrencyLimit.ts';
import { DROPPED_FIGURE } from './discipline.ts';
import { BULKHEAD_WAIT_FIGURE } from './edge.ts';
import { SLOWDOWN_FIGURE } from './loadDependence.ts';

export const SERVICE_FIGURES = [
  {
    key: 'replicas',
    label: 'Replicas',
    unit: 'replicas',
    help: 'Replicas provisioned: in a window, at its end; in the result, the time-average since warm-up.',
    nature: 'level',
    where: 'both',
    // Beside the healthy ones, the number provisioned is what the autoscaler (or the user) asked for.
    chart: { group: 'replicas', style: 'step', overview: 'varying', legend: 'asked for' },
  },
  {
    key: 'healthyReplicas',
    label: 'Healthy',
    unit: 'replicas',
    help: 'Replicas up at the end of the window (not crashed, not starting).',
    nature: 'level',
    where: 'window',
    chart: { group: 'replicas', style: 'step', legend: 'healthy (up)' },
  },
  {
    key: 'replicasMax',
    label: 'Most replicas',
    unit: 'replicas',
    help: 'With autoscaling: the most replicas provisioned at once.',
    nature: 'level',
    where: 'result',
    optional: true,
  },
  {
    key: 'replicasNow',
    label: 'Replicas at the end',
    unit: 'replicas',
    help: 'With autoscaling: replicas provisioned when the run ended.',
    nature: 'level',
    where: 'result',
    optional: true,
  },
  {
    key: 'scalingActions',
    label: 'Scaling actions',
    unit: 'actions',
    help: 'With autoscaling: times the autoscaler changed the replica count.',
    nature: 'count',
    where: 'result',
    optional: true,
  },
  SLOWDOWN_FIGURE,
  DROPPED_FIGURE,
  ...BATCH_FIGURES,
  LIMIT_FIGURE,
  BULKHEAD_WAIT_FIGURE,
] as const satisfies readonly FigureDescriptor[];
