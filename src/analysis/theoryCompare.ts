/**
 * Theory beside the measurement. For each node where queueing theory gives an answer (a service
 * or database that calls nothing downstream, fed by the design's traffic, without autoscaling or
 * faults) the matching model (M/M/c, M/G/1, M/G/c, M/M/c/K, Erlang B) predicts mean and p99
 * latency, utilization, mean waiting count and blocking; and on every service and database
 * Little's law L = λW is checked with measured λ, W and L, where L = meanQueueLength +
 * utilization × workers × replicas (the mean number waiting plus the mean number in service).
 * What a node is (a station, a lookup, a buffer…) is its kind's `theory` hook (./nodeTheory.ts).
 */
import type { NodeResult, SimResult } from '../engine/types.ts';
import type { Fault, Scenario, ScenarioNode } from '../model/types.ts';
import { FAULT_TARGETS } from '../model/kinds/faultDefaults.ts';
import { regionFaultParts } from '../engine/regionFaults.ts';
import { cheHitRatio } from './cacheTheory.ts';
import { consistencyRows } from './consistencyTheory.ts';
import { partitionRows } from './partitionTheory.ts';
import { regionRows } from './regionTheory.ts';
import { countedSeconds, offeredRates, totalRps } from './flow.ts';
import { dispatchOf, predictNode, type NodeStation } from './dispatch.ts';
import { stationService, theoryOf, type StationTheory } from './nodeTheory.ts';
import { distMeanMs } from './queueing/general.ts';
import { steadiness } from './steadiness.ts';

export interface TheoryRow {
  /** A node's id, or `region NAME` for a region's users (./regionTheory.ts). */
  nodeId: string;
  /** 'M/M/3', 'M/G/1', 'M/M/2/12', 'Erlang B', 'M/G/∞', 'Che (LRU)', 'Little', 'flow',
   *  'sync replication', 'quorum R 2 + W 2 > N 3', 'sticky sessions'. */
  model: string;
  metric:
    | 'arrival rate (rps)'
    | 'mean latency (ms)'
    | 'p99 latency (ms)'
    | 'utilization'
    | 'mean number waiting'
    | 'mean number waiting (all replicas)'
    | 'mean number waiting in the queue'
    | 'mean wait in the queue (ms)'
    | 'blocking'
    | 'hit ratio'
    | 'stale-read share'
    | 'monotonic-read violations'
    | 'stale-read share while cut off'
    | 'request availability'
    | 'mean latency over home (ms)'
    | 'L = λW';
  predicted: number | null;
  measured: number;
  /** (measured - predicted) / |predicted|; null when there is no prediction. */
  relativeError: number | null;
  note: string;
}

function row(
  nodeId: string,
  model: string,
  metric: TheoryRow['metric'],
  predicted: number | null,
  measured: number,
  note: string,
): TheoryRow {
  let relativeError: number | null = null;
  if (predicted !== null && Number.isFinite(predicted)) {
    // Two figures that are both nearly zero (no waiting, no blocking) agree.
    if (Math.max(Math.abs(predicted), Math.abs(measured)) < 1e-3) relativeError = 0;
    else if (predicted !== 0) relativeError = (measured - predicted) / Math.abs(predicted);
  }
  return { nodeId, model, metric, predicted, measured, relativeError, note };
}

/**
 * The first fault that hits node `id`: one aimed at it, or a region-wide one that stands for a
 * fault on it (a regionDown crashes every node of the region but its users and global routers:
 * the engine's own expansion, regionFaultParts, decides which).
 */
function faultOn(doc: Scenario, id: string): Fault | undefined {
  for (const f of doc.faults) {
    const parts = FAULT_TARGETS[f.kind] === 'region' ? regionFaultParts(doc, f) : [f];
    if (parts.some((p) => p.target === id)) return f;
  }
  return undefined;
}

/** Per-replica station of a leaf station node, or the reason there is none. */
function leafStation(
  doc: Scenario,
  n: ScenarioNode,
  st: StationTheory,
  read: number,
  write: number,
): NodeStation | string {
  const calls = doc.edges.some((e) => e.source === n.id && e.kind === 'call');
  if (calls) return 'calls downstream: its time includes the calls';
  if (faultOn(doc, n.id)) return 'a fault targets it';
  if (st.unmodelled !== undefined) return st.unmodelled;
  const s: NodeStation = {
    lambda: (read + write) / 1000,
    replicas: st.replicas,
    station: { servers: st.servers, ...stationService(st, read, write) },
  };
  if (st.queueCapacity !== undefined) s.station.queueCapacity = st.queueCapacity;
  if (st.loadDependence) s.station.loadDependence = st.loadDependence;
  return s;
}

/** Workers in service at once across the node: per replica × replicas (measured, if reported). */
function serversOf(st: StationTheory, m: NodeResult): number {
  return st.servers * (typeof m.replicas === 'number' ? m.replicas : st.replicas);
}

/** Caveats that apply to the whole design's arrivals (the clients are the workload). */
function arrivalCaveat(doc: Scenario): string {
  const clients = doc.nodes.filter((n) => n.type === 'client');
  const notPoisson = clients.some(
    (n) => n.type === 'client' && n.params.arrival.process !== 'poisson',
  );
  return notPoisson ? 'arrivals not Poisson' : '';
}

/**
 * When few requests wait, the measured mean count waiting rests on a few dozen waits and one
 * run's figure moves by tens of percent between seeds (load-balancing preset: ~70 waits a run,
 * ±33 % standard deviation over 16 seeds): say so, rather than let it read as a model error.
 */
function rareWaits(pWait: number | undefined, answered: number): string {
  if (pWait === undefined) return '';
  const waits = pWait * answered;
  if (waits >= 1000) return '';
  return `only about ${Math.round(waits)} of ${answered} requests waited: one run's figure is noisy, compare over seeds`;
}

/**
 * Where the measured check cannot close: work the node does that W (answered requests only)
 * never sees: requests a crash cuts off, calls the caller abandoned on a timeout, a capacity
 * that changes under autoscaling (L uses the mean replica count).
 */
function littleCaveat(doc: Scenario, n: ScenarioNode, st: StationTheory): string {
  const why: string[] = [];
  if (faultOn(doc, n.id)) why.push('a fault hits it');
  if (doc.edges.some((e) => e.target === n.id && e.timeoutMs !== undefined))
    why.push('callers time out and abandon calls it still serves');
  if (st.varyingReplicas) why.push('autoscaled capacity');
  // A replica's workers also apply its primary's writes: busy time in L, but no request in λ or W.
  if (doc.edges.some((e) => e.target === n.id && e.kind === 'replication'))
    why.push('it applies replicated writes, work in L that is not a request (not in λ or W)');
  return why.length ? `may not close: ${why.join(', ')}` : '';
}

/**
 * The buffer (a queue) a station consumes from, when it is its only feeder and the station is its
 * only consumer: then buffer and consumer together are the station, its waiting in the buffer.
 */
function pullingQueue(doc: Scenario, n: ScenarioNode): ScenarioNode | undefined {
  const feeders = doc.edges.filter((e) => e.target === n.id && e.kind === 'call');
  if (feeders.length !== 1) return undefined;
  const queue = doc.nodes.find((x) => x.id === feeders[0]!.source);
  if (!queue || theoryOf(queue).as !== 'buffer') return undefined;
  const consumers = doc.edges.filter((e) => e.source === queue.id && e.kind === 'call');
  return consumers.length === 1 ? queue : undefined;
}

export function theoryCompare(doc: Scenario, result: SimResult): TheoryRow[] {
  const rates = offeredRates(doc, result);
  const seconds = countedSeconds(doc, result);
  const caveat = arrivalCaveat(doc);
  const steady = steadiness(doc);
  const calls = (id: string) => doc.edges.some((e) => e.source === id && e.kind === 'call');
  const rows: TheoryRow[] = [];
  for (const n of doc.nodes) {
    const m = result.nodes[n.id];
    const rate = rates.get(n.id);
    if (!m || !rate || n.type === 'client') continue; // the workload: its rate is the input
    rows.push(
      row(
        n.id,
        'flow',
        'arrival rate (rps)',
        totalRps(rate),
        m.arrivals / seconds,
        // A crash, a partition or a region down sends traffic elsewhere for part of the run.
        steady.faults
          ? `from client rates and edge weights; not modelled: ${steady.faults}`
          : 'from client rates and edge weights',
      ),
    );
    const theory = theoryOf(n);
    const che =
      theory.as === 'lookup' && m.hitRatio !== undefined ? cheHitRatio(doc, theory.lru) : null;
    if (che && typeof che !== 'string') {
      // Che gives the steady hit ratio; a flush empties the cache for part of the run.
      const flush = faultOn(doc, n.id);
      const predicted = flush ? null : che.predicted;
      const note = flush
        ? `not predicted: ${flush.kind} at ${flush.atS} s, the cache refills`
        : che.note;
      rows.push(row(n.id, 'Che (LRU)', 'hit ratio', predicted, m.hitRatio ?? NaN, note));
    }
    if (theory.as === 'delay') {
      if (!faultOn(doc, n.id) && !calls(n.id)) {
        const note = 'no queue: each request is served at once, whatever the load';
        rows.push(
          row(n.id, 'M/G/∞', 'mean latency (ms)', distMeanMs(theory.ms), m.latencyMs.mean, note),
        );
      }
      continue;
    }
    if (theory.as !== 'station') continue;

    const station = leafStation(doc, n, theory, rate.read, rate.write);
    if (typeof station !== 'string') {
      const p = predictNode(station, dispatchOf(doc, n));
      if (p) {
        const note = [p.note, caveat].filter(Boolean).join('; ');
        // Where the traffic is not steady, a stationary model's figure would be compared with
        // an average over regimes: no prediction, and the note says why.
        const unsteady = (metric: TheoryRow['metric']): string => {
          if (steady.faults) return `not predicted: faults change the traffic (${steady.faults})`;
          if (!steady.varying) return '';
          if (metric !== 'utilization') return `not predicted: ${steady.varying}`;
          return p.utilization * steady.peakFactor >= 1
            ? `not predicted: ${steady.varying}, and the peak saturates it`
            : '';
        };
        const put = (
          metric: TheoryRow['metric'],
          predicted: number | null,
          measured: number,
          extra = '',
        ) => {
          const why = unsteady(metric);
          const text = why || [note, extra].filter(Boolean).join('; ');
          rows.push(row(n.id, p.model, metric, why ? null : predicted, measured, text));
        };
        const queue = pullingQueue(doc, n);
        const queueResult = queue ? result.nodes[queue.id] : undefined;
        if (queue && queueResult && p.meanQueueLength !== null) {
          // A consumer pulls from its queue only when a worker is free: the station's waiting
          // happens in the queue, and the consumer itself sees only service time.
          const waitMs = p.meanQueueLength / (totalRps(rate) / 1000);
          const where = `the consumer pulls: requests wait in "${queue.label}", not at the workers`;
          put(
            'mean latency (ms)',
            p.meanMs === null ? null : p.meanMs - waitMs,
            m.latencyMs.mean,
            where,
          );
          put('utilization', p.utilization, m.utilization);
          const depth = typeof queueResult.depth === 'number' ? queueResult.depth : NaN;
          put('mean number waiting in the queue', p.meanQueueLength, depth, where);
          const age = queueResult.meanMessageAgeMs;
          if (typeof age === 'number') put('mean wait in the queue (ms)', waitMs, age, where);
        } else {
          put('mean latency (ms)', p.meanMs, m.latencyMs.mean);
          if (p.p99Ms !== null) put('p99 latency (ms)', p.p99Ms, m.latencyMs.p99);
          put('utilization', p.utilization, m.utilization);
          if (p.meanQueueLength !== null) {
            // Both sides are the time-average count waiting summed over the node's replicas.
            const metric =
              station.replicas > 1 ? 'mean number waiting (all replicas)' : 'mean number waiting';
            put(metric, p.meanQueueLength, m.meanQueueLength, rareWaits(p.pWait, m.ok));
          }
        }
        if (p.blocking !== null && station.station.queueCapacity !== undefined) {
          put('blocking', p.blocking, m.arrivals > 0 ? m.failed / m.arrivals : 0);
        }
      }
    }

    // Little's law with measured figures only: a check on the measurement itself.
    // A non-blocking service frees its worker during downstream calls: those requests are at
    // the node (in W) but neither waiting nor in service (not in L), so the check does not apply.
    const calling = calls(n.id);
    if (!theory.holdsWorkerDuringCalls && calling) continue;
    // W is measured over answered requests. A leaf's failures are refusals at the door (no
    // time spent, in neither W nor L): λ counts answers only. A caller's failures mostly come
    // back from downstream after holding a worker as long as an answer: λ counts them too.
    const lambdaPerMs = (m.ok + (calling ? m.failed : 0)) / seconds / 1000;
    const measuredL = m.meanQueueLength + m.utilization * serversOf(theory, m);
    if (Number.isFinite(measuredL) && lambdaPerMs > 0) {
      rows.push(
        row(
          n.id,
          'Little',
          'L = λW',
          lambdaPerMs * m.latencyMs.mean,
          measuredL,
          [
            'λ, W and L all measured: L = waiting + utilization × workers',
            littleCaveat(doc, n, theory),
          ]
            .filter(Boolean)
            .join('; '),
        ),
      );
    }
  }
  rows.push(...consistencyRows(doc, result));
  rows.push(...partitionRows(doc, result));
  rows.push(...regionRows(doc, result));
  return rows;
}
