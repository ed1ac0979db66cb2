/**
 * What a rate limiter reports beyond the figures every node reports. Kept out of the kind's
 * description module, so the first paint (which draws and checks designs) does not load what
 * only a run's readers need: the registry of figures is ./figureRegistry.ts.
 */
import type { FigureDescriptor } from './figures.ts';

export const RATE_LIMITER_FIGURES = [
  {
    key: 'rateLimited',
    label: 'Limited',
    unit: 'requests',
    help: 'Requests refused for want of a token.',
    nature: 'count',
    where: 'both',
    chart: { group: 'requests limited', style: 'line' },
  },
  {
    key: 'tokens',
    label: 'Tokens',
    unit: 'tokens',
    help: 'Tokens left in the bucket at the end of the window.',
    nature: 'level',
    where: 'window',
    chart: { group: 'tokens left', style: 'step' },
  },
  {
    key: 'passed',
    label: 'Passed',
    unit: 'requests',
    help: 'Requests let through.',
    nature: 'count',
    where: 'result',
  },
] as const satisfies readonly FigureDescriptor[];
