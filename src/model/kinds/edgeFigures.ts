import type { FigureDescriptor } from './figures.ts';

/**
 * What a run reports per edge (`result.edges` in the headless JSON, and each live window): the
 * calls over it and what the caller's policies did with them. The run report's "Calls" table
 * has a row for each.
 */
export const EDGE_FIGURES = [
  {
    key: 'calls',
    label: 'Calls',
    unit: 'calls',
    help: 'Calls sent over the edge, retries included.',
    nature: 'count',
    where: 'both',
  },
  {
    key: 'failed',
    label: 'Failed calls',
    unit: 'calls',
    help: 'Calls over the edge that ended in an error (a timeout, a refusal, an error answer).',
    nature: 'count',
    where: 'both',
  },
  {
    key: 'retries',
    label: 'Retries',
    unit: 'calls',
    help: 'Retries the caller sent over the edge (with a retry policy).',
    nature: 'count',
    where: 'both',
    optional: true,
  },
  {
    key: 'budgetDenied',
    label: 'Retries denied',
    unit: 'calls',
    help: 'Retries the retry budget or the retry token bucket refused.',
    nature: 'count',
    where: 'both',
    optional: true,
  },
  {
    key: 'fallbacks',
    label: 'Fallbacks',
    unit: 'calls',
    help: 'Failed calls answered with the fallback instead.',
    nature: 'count',
    where: 'both',
    optional: true,
  },
  {
    key: 'refused',
    label: 'Refused by the caller',
    unit: 'calls',
    help: "Calls the caller's own policies refused: its circuit breaker or its bulkhead.",
    nature: 'count',
    where: 'both',
    optional: true,
  },
  {
    key: 'breakerOpens',
    label: 'Breaker opens',
    unit: 'times',
    help: 'Times the circuit breaker went from closed (or half-open) to open.',
    nature: 'count',
    where: 'both',
    optional: true,
  },
  {
    key: 'breaker',
    label: 'Breaker state',
    unit: '',
    help: 'The circuit breaker at the end of the window or run: closed, open or halfOpen.',
    nature: 'text',
    where: 'both',
    optional: true,
  },
] as const satisfies readonly FigureDescriptor[];
