/**
 * Is the design's traffic steady enough for a stationary queueing model? A rate profile or a
 * client spike makes the load vary over time: the mean latency and the queue are then averages
 * over different regimes (a burst above capacity dominates them), which no stationary model
 * predicts; utilization, being linear in the rate, is still the time average as long as the
 * peak stays below capacity. A fault (crash, partition, flush, …) changes where the traffic goes
 * for part of the run, which the flow does not model. (`lag` only delays replication; `slow` and
 * `latency` change times, not routes.)
 */
import type { Scenario } from '../model/types.ts';

export interface Steadiness {
  /** Why latency and queue predictions do not apply ('' when they do). */
  varying: string;
  /** The highest rate multiplier any client reaches (profile × spikes), an upper bound. */
  peakFactor: number;
  /** Faults that change the traffic, in words ('' when none). */
  faults: string;
}

export function steadiness(doc: Scenario): Steadiness {
  let peakFactor = 1;
  const why = new Set<string>();
  for (const n of doc.nodes) {
    if (n.type !== 'client') continue; // the workload: its profile and spikes vary the traffic
    const levels = n.params.profile.map(([, m]) => m);
    if (levels.length > 1 && Math.max(...levels) !== Math.min(...levels)) why.add('a rate profile');
    const spikes = doc.faults.filter((f) => f.kind === 'spike' && f.target === n.id);
    if (spikes.length) why.add('a traffic spike');
    const spike = spikes.reduce((m, f) => m * Math.max(1, f.multiplier ?? 1), 1);
    peakFactor = Math.max(peakFactor, Math.max(1, ...levels) * spike);
  }
  const faults = doc.faults
    // A slow node or a slow edge changes times, not where requests go (load-aware balancing
    // aside); a fault on the node itself already rules its station model out (theoryCompare).
    .filter((f) => !['spike', 'lag', 'slow', 'latency'].includes(f.kind))
    .map((f) => `${f.kind} of ${f.target} at ${f.atS} s`);
  return {
    varying: why.size ? `the rate varies over time (${[...why].join(', ')})` : '',
    peakFactor,
    faults: faults.join(', '),
  };
}
