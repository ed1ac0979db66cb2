/**
 * Replications by region: each region's users over several seeds, as mean ± 95 % CI. The
 * figures are the region figures marked `replicated` (src/model/kinds/regionFigures.ts) and the
 * mean and p99 of their latency, each over the seeds that reported it.
 */
import type { SimResult } from '../engine/types.ts';
import { REGION_FIGURES } from '../model/kinds/regionFigures.ts';
import { estimate, type Estimate } from './stats.ts';

/** What a region's row says: its key in the estimates, words and unit, and how to read it. */
export interface RegionReplicatedFigure {
  key: string;
  label: string;
  unit: string;
  ratio: boolean;
  help: string;
  of: (r: NonNullable<SimResult['regions']>[string]) => number | undefined;
}

const LATENCY = REGION_FIGURES.find((f) => f.key === 'latencyMs')!;

export const REGION_REPLICATED: readonly RegionReplicatedFigure[] = [
  ...(['mean', 'p99'] as const).map((part) => ({
    key: `latencyMs.${part}`,
    label: `${LATENCY.label}: ${part}`,
    unit: LATENCY.unit,
    ratio: false,
    help: LATENCY.help,
    of: (r: NonNullable<SimResult['regions']>[string]) => r.latencyMs?.[part],
  })),
  ...REGION_FIGURES.filter((f) => 'replicated' in f).map((f) => ({
    key: f.key,
    label: f.label,
    unit: f.unit,
    ratio: f.nature === 'ratio',
    help: f.help,
    of: (r: NonNullable<SimResult['regions']>[string]) => {
      const v = (r as Record<string, unknown>)[f.key];
      return typeof v === 'number' ? v : undefined;
    },
  })),
];

/** By region name, then by figure key: the estimates over the runs that reported each. */
export function regionEstimates(
  results: readonly SimResult[],
): Record<string, Record<string, Estimate>> {
  const names = new Set(results.flatMap((r) => Object.keys(r.regions ?? {})));
  const out: Record<string, Record<string, Estimate>> = {};
  for (const name of names) {
    const runs = results.flatMap((r) => (r.regions?.[name] ? [r.regions[name]] : []));
    const figures: Record<string, Estimate> = {};
    for (const f of REGION_REPLICATED) {
      const xs = runs.map(f.of).filter((x): x is number => typeof x === 'number');
      if (xs.length > 0) figures[f.key] = estimate(xs);
    }
    out[name] = figures;
  }
  return out;
}
