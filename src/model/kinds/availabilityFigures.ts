/**
 * Availability figures, reported by any node a `failures` fault hits (src/engine/availability):
 * they belong to no one kind, so they sit with the common figures, each optional.
 */
import type { FigureDescriptor } from './figures.ts';

export const AVAILABILITY_FIGURES = [
  {
    key: 'availability',
    label: 'Availability',
    unit: '',
    help: 'Share of the time the node was up (at least the random failures’ “up when” replicas up), from warm-up; per window, the share of the window.',
    nature: 'ratio',
    where: 'both',
    optional: true,
    replicated: true,
    chart: { group: 'availability', style: 'step', overview: 'all' },
  },
  {
    key: 'nines',
    label: 'Nines',
    unit: 'nines',
    help: 'Availability as nines: −log10(1 − availability); 3 is 99.9 %. Absent when the node was never down.',
    nature: 'level',
    where: 'result',
    optional: true,
    replicated: true,
  },
  {
    key: 'downtimeMinPerMonth',
    label: 'Downtime per month',
    unit: 'min',
    help: 'Minutes down in a 730-hour month at this availability: (1 − availability) × 43,800.',
    nature: 'level',
    where: 'result',
    optional: true,
    replicated: true,
  },
  {
    key: 'incidents',
    label: 'Incidents',
    unit: 'outages',
    help: 'Times the node went from up to down after warm-up.',
    nature: 'count',
    where: 'result',
    optional: true,
    replicated: true,
  },
  {
    key: 'replicasUp',
    label: 'Replicas up',
    unit: 'replicas',
    help: 'Replicas not failed at the end of the window (random failures and crashes).',
    nature: 'level',
    where: 'window',
    optional: true,
    chart: { group: 'replicas up', style: 'step' },
  },
] as const satisfies readonly FigureDescriptor[];
