/**
 * The theory row for a cache: Che's approximation of the LRU hit ratio from the clients' key
 * popularity (Zipf) and the cache's capacity. It applies to an LRU cache without TTL when every
 * client draws keys from the same population; writes that invalidate or update entries, and a
 * short run's cold start, make the measured ratio differ.
 */
import type { NodeTheory } from '../model/kinds/describe.ts';
import type { Scenario } from '../model/types.ts';
import { lruHitRatioZipf } from './queueing/cache.ts';

/** The hit ratio of a lookup node of `lru` capacity (its kind's theory), or why none. */
export function cheHitRatio(
  doc: Scenario,
  lru: Extract<NodeTheory, { as: 'lookup' }>['lru'],
): { predicted: number; note: string } | string {
  if (typeof lru === 'string') return lru;
  // The keys are the workload's: every client draws from its own `keys`.
  const keySets = doc.nodes.flatMap((n) => (n.type === 'client' ? [n.params.keys] : []));
  const first = keySets[0];
  if (!first || keySets.some((k) => k.count !== first.count || k.zipf !== first.zipf)) {
    return 'clients draw from different key populations';
  }
  const writes = doc.nodes.some((n) => n.type === 'client' && n.params.writeRatio > 0);
  return {
    predicted: lruHitRatioZipf(first.count, first.zipf, lru.capacity),
    note: `Che's approximation: ${first.count} keys, Zipf ${first.zipf}, ${lru.capacity} entries${writes ? '; writes ignored' : ''}`,
  };
}
