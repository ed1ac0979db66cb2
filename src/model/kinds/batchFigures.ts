/**
 * What a service with batches reports beyond the figures every node reports. Kept out of the kind's
 * description module, so the first paint (which draws and checks designs) does not load what
 * only a run's readers need: the registry of figures is ./figureRegistry.ts.
 */
import type { FigureDescriptor } from './figures.ts';

export const BATCH_FIGURES = [
  {
    key: 'batches',
    label: 'Batches',
    unit: 'batches',
    help: 'With batches: batches started (in the result, of requests created after warm-up).',
    nature: 'count',
    where: 'both',
    optional: true,
  },
  {
    key: 'meanBatchItems',
    label: 'Mean batch size',
    unit: 'items',
    help: 'With batches: requests per batch, on average.',
    nature: 'level',
    where: 'both',
    optional: true,
    chart: { group: 'batch size', style: 'line' },
  },
] as const satisfies readonly FigureDescriptor[];
