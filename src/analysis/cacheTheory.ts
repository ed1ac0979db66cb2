/**
 * The theory row for a cache: Che's approximation of the LRU hit ratio from the clients' key
 * popularity (Zipf) and the cache's capacity. It applies to an LRU cache without TTL when every
 * client draws keys from the same population; writes that invalidate or update entries, and a
 * short run's cold start, make the measured ratio differ.
 */
import type { Scenario, ScenarioNode } from '../model/types.ts';
import { lruHitRatioZipf } from './queueing/cache.ts';

export function cheHitRatio(
  doc: Scenario,
  cache: ScenarioNode,
): { predicted: number; note: string } | string {
  if (cache.type !== 'cache') return 'not a cache';
  if (cache.params.eviction !== 'lru')
    return `eviction ${cache.params.eviction}: Che's approximation is for LRU`;
  if (cache.params.ttlMs !== undefined) return 'entries expire (TTL): not modelled';
  const keySets = doc.nodes.flatMap((n) => (n.type === 'client' ? [n.params.keys] : []));
  const first = keySets[0];
  if (!first || keySets.some((k) => k.count !== first.count || k.zipf !== first.zipf)) {
    return 'clients draw from different key populations';
  }
  const writes = doc.nodes.some((n) => n.type === 'client' && n.params.writeRatio > 0);
  return {
    predicted: lruHitRatioZipf(first.count, first.zipf, cache.params.capacity),
    note: `Che's approximation: ${first.count} keys, Zipf ${first.zipf}, ${cache.params.capacity} entries${writes ? '; writes ignored' : ''}`,
  };
}
