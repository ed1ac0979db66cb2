/**
 * What a cache reports beyond the figures every node reports. Kept out of the kind's
 * description module, so the first paint (which draws and checks designs) does not load what
 * only a run's readers need: the registry of figures is ./figureRegistry.ts.
 */
import type { FigureDescriptor } from './figures.ts';

export const CACHE_FIGURES = [
  {
    key: 'hitRatio',
    label: 'Hit ratio',
    unit: '',
    help: 'Lookups answered from the cache over all lookups (in a window: only when there were lookups).',
    nature: 'ratio',
    where: 'both',
    chart: { group: 'cache hit ratio', style: 'line', overview: 'all' },
  },
  {
    key: 'entries',
    label: 'Entries',
    unit: 'entries',
    help: 'Keys held now.',
    nature: 'level',
    where: 'both',
    chart: { group: 'entries', style: 'line' },
  },
  {
    key: 'stampedeMisses',
    label: 'Stampede misses',
    unit: 'misses',
    help: 'Misses for a key already being fetched (a stampede on the store).',
    nature: 'count',
    where: 'both',
    chart: { group: 'stampede misses', style: 'line' },
  },
  {
    key: 'atRisk',
    label: 'Writes at risk',
    unit: 'entries',
    help: 'Write-behind: entries written but not yet flushed to the store (lost on a crash).',
    nature: 'level',
    where: 'both',
    optional: true,
    chart: { group: 'writes at risk', style: 'line' },
  },
  {
    key: 'coalescedMisses',
    label: 'Coalesced misses',
    unit: 'misses',
    help: 'With request coalescing: misses that waited for a fetch already under way.',
    nature: 'count',
    where: 'result',
    optional: true,
  },
  {
    key: 'refreshes',
    label: 'Refreshes',
    unit: 'fetches',
    help: 'Refresh-ahead: background fetches of entries close to expiry.',
    nature: 'count',
    where: 'result',
    optional: true,
  },
  {
    key: 'atRiskMax',
    label: 'Most writes at risk',
    unit: 'entries',
    help: 'Write-behind: the most entries waiting to be flushed at once.',
    nature: 'level',
    where: 'result',
    optional: true,
  },
  {
    key: 'flushedWrites',
    label: 'Flushed writes',
    unit: 'writes',
    help: 'Write-behind: entries flushed to the store.',
    nature: 'count',
    where: 'result',
    optional: true,
  },
  {
    key: 'lostWrites',
    label: 'Lost writes',
    unit: 'writes',
    help: 'Write-behind: entries not yet flushed when the cache crashed.',
    nature: 'count',
    where: 'result',
    optional: true,
  },
] as const satisfies readonly FigureDescriptor[];
