/**
 * Puts the regions' distance on the edges that cross it: an edge whose ends run in two regions
 * draws the one-way latency between them (src/model/regions.ts) on top of its own, each way.
 * One sampler per ordered pair of regions, built once; edges inside a region keep none.
 */
import { latencyBetween, regionOf } from '../model/regions.ts';
import type { Scenario } from '../model/types.ts';
import { Sampler } from './dists.ts';
import type { EdgeRuntime } from './edge.ts';
import type { Rng } from './rng.ts';

export function placeEdgesInRegions(doc: Scenario, edges: readonly EdgeRuntime[], rng: Rng): void {
  const regions = doc.regions;
  if (regions === undefined || regions.length < 2) return;
  const samplers = new Map<string, Sampler>();
  for (const e of edges) {
    const from = regionOf(doc.nodes[e.source]!, regions)!;
    const to = regionOf(doc.nodes[e.target]!, regions)!;
    if (from === to) continue;
    const pair = `${from}\u0000${to}`;
    let sampler = samplers.get(pair);
    if (sampler === undefined) {
      const dist = latencyBetween(regions, from, to);
      // The loader refuses a document missing a pair; a document built by hand may not have been.
      if (dist === undefined) throw new Error(`no latency between regions "${from}" and "${to}"`);
      sampler = new Sampler(dist, rng);
      samplers.set(pair, sampler);
    }
    e.region = sampler;
  }
}
