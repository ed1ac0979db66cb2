/**
 * Primary failover. When a primary with `failover` crashes, its replication streams are cut:
 * writes it committed that had not yet applied on a replica (the lag window) never will. After
 * `detectionMs + promotionMs` the replica that lost the fewest writes (the most up to date) is
 * promoted: it becomes a primary, takes over the old primary's other replication edges (their
 * replicas now follow it), and every call addressed to the old primary's node id is passed to
 * it from then on (a DNS / virtual-IP switch: callers keep their edges). Between the crash and
 * the promotion the old primary answers 'unavailable' (the RTO gap).
 *
 * Measured on the old primary: rtoMs (crash → promotion), lostWrites (writes cut from the
 * promoted replica's stream) and rpoMs (crash time − commit time of the oldest lost write).
 */
import { r4 } from '../metrics/summary.ts';
import { dbAt, type DataState } from './dataState.ts';
import type { DatabaseNode } from './database.ts';
import { ReplicationLink } from './replication.ts';

export function promoteBestReplica(old: DataState): void {
  const k = old.k;
  let best: ReplicationLink | null = null;
  for (const l of old.links) {
    const d = dbAt(k, l.target);
    if (d === null || (k.nodes[l.target] as DatabaseNode).isDown) continue;
    if (best === null || l.lostAtCrash < best.lostAtCrash) best = l;
  }
  if (best === null) return; // no live replica: the primary stays down
  promoteOver(old, best);
}

/**
 * An operator's promotion (an action): `old`, a primary still up, hands over to the replica at
 * the end of `link` now, as a failover would (writes still in that stream's lag are lost).
 */
export function switchOver(old: DataState, link: ReplicationLink): void {
  old.crashAt = old.k.now;
  for (const l of old.links) l.cutAtCrash();
  old.epoch++;
  promoteOver(old, link);
}

function promoteOver(old: DataState, best: ReplicationLink): void {
  const k = old.k;
  const p = dbAt(k, best.target)!;
  p.role = 'primary';
  p.root = -1;
  p.sources = [];
  p.promotedAtS = k.now;
  old.role = 'failedOver';
  old.promotedTo = p.index;
  old.rtoMs = r4((k.now - old.crashAt) * 1000);
  old.lostWrites = best.lostAtCrash;
  old.rpoMs = best.lostAtCrash > 0 ? r4((old.crashAt - best.oldestLostT) * 1000) : 0;
  for (const l of old.links) {
    if (l !== best && dbAt(k, l.target) !== null)
      p.links.push(new ReplicationLink(l.edge, l.target));
  }
  // Replicas that followed the old primary (directly or down a chain) now follow the new one.
  for (let i = 0; i < k.nodes.length; i++) {
    const d = dbAt(k, i);
    if (d === null || d === p) continue;
    if (d.root === old.index) d.root = p.index;
    for (let j = 0; j < d.sources.length; j++) if (d.sources[j] === old) d.sources[j] = p;
  }
}
