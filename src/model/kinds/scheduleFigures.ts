/**
 * What a client with scheduled jobs reports beyond the figures every node reports. Kept out of
 * the kind's description module, so the first paint (which draws and checks designs) does not
 * load what only a run's readers need: the registry of figures is ./figureRegistry.ts.
 */
import type { FigureDescriptor } from './figures.ts';

export const SCHEDULE_FIGURES = [
  {
    key: 'bursts',
    label: 'Bursts',
    unit: 'bursts',
    help: 'With scheduled jobs: bursts whose every job was answered (in the result, bursts sent after warm-up).',
    nature: 'count',
    where: 'result',
    optional: true,
  },
  {
    key: 'makespanMs',
    label: 'Makespan',
    unit: 'ms',
    help: 'With scheduled jobs: from a burst’s tick to the answer of its last job (mean and percentiles over bursts).',
    nature: 'summary',
    parts: ['mean', 'p50', 'p90', 'p95', 'p99', 'max'],
    where: 'result',
    optional: true,
  },
  {
    key: 'lastMakespanMs',
    label: 'Makespan',
    unit: 'ms',
    help: 'With scheduled jobs: the makespan of the last burst finished by the window’s end.',
    nature: 'time',
    where: 'window',
    optional: true,
    chart: { group: 'makespan', style: 'line' },
  },
] as const satisfies readonly FigureDescriptor[];
