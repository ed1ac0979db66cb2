/**
 * A replica that serves reads while cut off from its primary (onPartition serve), beside the
 * closed form. With Poisson writes at total rate w spread evenly over K keys (each key written at
 * λ = w/K), a read t seconds into the cut is stale when its key was written since the replica
 * last heard: with probability 1 − e^(−λ(t + ℓ)), ℓ the mean replication lag for asynchronous
 * replication (writes already shipped but not yet applied when the cut came are held too) and 0
 * for synchronous (those are not acknowledged, so not yet written as far as a read can tell).
 * Reads come at a steady rate, so the share over the counted part [a, b] of the cut is the
 * average: 1 − e^(−λℓ)·(e^(−λa) − e^(−λb)) / (λ(b − a)); with ℓ = 0 and a = 0 it is
 * 1 − K/(wT)·(1 − e^(−wT/K)). The engine measures exactly that share: the counted reads served
 * while the edge is cut, and which of them were stale (`partitionStaleReadShare`).
 */
import type { SimResult } from '../engine/types.ts';
import { latencyBetween, regionOf } from '../model/regions.ts';
import type { Scenario, ScenarioNode } from '../model/types.ts';
import { distMeanMs } from './queueing/general.ts';
import type { TheoryRow } from './theoryCompare.ts';

/** The mean share of stale reads over [a, b] seconds into the cut (see above). */
export function servingPartitionShare(lambda: number, lagS: number, a: number, b: number): number {
  if (!(b > a) || !(lambda > 0)) return 0;
  return (
    1 -
    (Math.exp(-lambda * lagS) * (Math.exp(-lambda * a) - Math.exp(-lambda * b))) /
      (lambda * (b - a))
  );
}

/** Why the closed form does not apply to `replica` fed by `primary` ('' when it does). */
function unfit(doc: Scenario, replica: ScenarioNode, primary: ScenarioNode): string {
  if (primary.type !== 'database' || replica.type !== 'database') return 'not a replica';
  const p = primary.params;
  if (p.multiPrimary) return 'multi-primary';
  if (p.replicationMode !== 'async' && p.replicationMode !== 'sync')
    return `${p.replicationMode} replication`;
  if (p.sessions === 'sticky') return 'sticky sessions read elsewhere';
  if (replica.params.readYourWritesMs !== undefined) return 'read-your-writes reads elsewhere';
  const clients = doc.nodes.filter((n) => n.type === 'client');
  const uneven = clients.some(
    (c) =>
      c.type === 'client' &&
      (c.params.keys.zipf !== 0 || (c.params.classes ?? []).some((k) => k.keys !== undefined)),
  );
  if (uneven) return 'keys not uniform';
  const counts = new Set(clients.map((c) => (c.type === 'client' ? c.params.keys.count : 0)));
  return counts.size === 1 ? '' : 'clients of different key spaces';
}

export function partitionRows(doc: Scenario, result: SimResult): TheoryRow[] {
  const rows: TheoryRow[] = [];
  const end = result.truncated?.atS ?? result.durationS;
  for (const n of doc.nodes) {
    const measured = result.nodes[n.id]?.partitionStaleReadShare;
    if (typeof measured !== 'number') continue;
    const feed = doc.edges.find((e) => e.kind === 'replication' && e.target === n.id);
    const primary = doc.nodes.find((x) => x.id === feed?.source);
    if (feed === undefined || primary === undefined) continue;
    const model = 'Poisson writes, serving partition';
    const metric = 'stale-read share while cut off';
    const cuts = doc.faults.filter((f) => f.target === feed.id);
    const other = doc.faults.find(
      (f) => f.target === n.id || f.target === primary.id || f.kind === 'regionPartition',
    );
    const cut = cuts[0];
    let why = unfit(doc, n, primary);
    if (!why && other !== undefined) why = `${other.kind} on ${other.target}`;
    if (!why && (cuts.length !== 1 || cut?.kind !== 'partition' || cut.forS === undefined))
      why = 'one partition with an end on its replication edge';
    if (why || cut === undefined || primary.type !== 'database') {
      const note = `not predicted: ${why || 'no partition'}`;
      rows.push({
        nodeId: n.id,
        model,
        metric,
        predicted: null,
        measured,
        relativeError: null,
        note,
      });
      continue;
    }
    const keys = doc.nodes.find((c) => c.type === 'client');
    const k = keys?.type === 'client' ? keys.params.keys.count : 1;
    // Writes commit on the primary over the whole run, warm-up included.
    const writes = result.nodes[primary.id]?.writes;
    const w = typeof writes === 'number' && end > 0 ? writes / end : 0;
    const a = Math.max(cut.atS, doc.warmupS) - cut.atS;
    const b = Math.min(cut.atS + cut.forS!, end) - cut.atS;
    const from = regionOf(primary, doc.regions);
    const to = regionOf(n, doc.regions);
    const across =
      from !== undefined && to !== undefined && from !== to
        ? distMeanMs(latencyBetween(doc.regions!, from, to)!)
        : 0;
    const lagS =
      primary.params.replicationMode === 'async' ? (distMeanMs(feed.latencyMs) + across) / 1000 : 0;
    const predicted = servingPartitionShare(w / k, lagS, a, b);
    rows.push({
      nodeId: n.id,
      model,
      metric,
      predicted,
      measured,
      relativeError: predicted > 0 ? (measured - predicted) / predicted : null,
      note: `w = ${w.toFixed(1)} writes/s over K = ${k} keys, cut for ${(b - a).toFixed(0)} counted s: the mean over the cut of 1 − e^(−w·t/K)`,
    });
  }
  return rows;
}
