/**
 * What a shard router reports beyond the figures every node reports. Kept out of the kind's
 * description module, so the first paint (which draws and checks designs) does not load what
 * only a run's readers need: the registry of figures is ./figureRegistry.ts.
 */
import type { FigureDescriptor } from './figures.ts';

export const SHARD_ROUTER_FIGURES = [
  {
    key: 'shardCalls',
    label: 'Calls per shard',
    unit: 'calls',
    help: "Calls sent to each shard over the run (per window: the edges' calls).",
    nature: 'byName',
    where: 'result',
  },
] as const satisfies readonly FigureDescriptor[];
