/**
 * What a load balancer reports beyond the figures every node reports. Kept out of the kind's
 * description module, so the first paint (which draws and checks designs) does not load what
 * only a run's readers need: the registry of figures is ./figureRegistry.ts.
 */
import type { FigureDescriptor } from './figures.ts';

export const LOAD_BALANCER_FIGURES = [
  {
    key: 'healthyReplicas',
    label: 'In rotation',
    unit: 'backends',
    help: 'Backends in rotation at the end of the window (healthy and not ejected).',
    nature: 'level',
    where: 'window',
    chart: { group: 'backends', style: 'step' },
  },
  {
    key: 'ejectedBackends',
    label: 'Out of rotation',
    unit: 'backends',
    help: 'With health checks or outlier detection: backends taken out of rotation.',
    nature: 'level',
    where: 'window',
    optional: true,
    chart: { group: 'backends', style: 'step' },
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
    key: 'connections',
    label: 'Connections opened',
    unit: 'connections',
    help: 'Layer 4: connections opened, each pinned to the backend chosen when it opened (again after its backend left rotation).',
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
    parts: ['count', 'mean', 'max', 'list'],
    where: 'result',
    optional: true,
  },
] as const satisfies readonly FigureDescriptor[];
