/**
 * Theory for the whole path: the mean end-to-end latency a design's clients should see, where
 * every request path ends at stations theory can model (leaf services and databases, behind
 * balancers, shard routers and read-only caches): what each node is, the theory reads from its
 * kind's `theory` hook (./nodeTheory.ts). Mean latency adds up along a path (each edge's
 * latency counts twice, there and back) and averages over the splits; a percentile does not, so
 * the p99 is given only when the whole path is one station and edges without latency.
 * `theoryCurve` evaluates it at every point of a sweep plan: the curve to draw beside the
 * measured one, found without running anything.
 */
import type { SimResult } from '../engine/types.ts';
import { KIND_DESCRIPTIONS } from '../model/kinds/index.ts';
import type { Scenario } from '../model/types.ts';
import { cheHitRatio } from './cacheTheory.ts';
import { distMeanMs } from './queueing/general.ts';
import { dispatchOf, predictNode, type NodeStation } from './dispatch.ts';
import { offeredRates, sharesOf, totalRps } from './flow.ts';
import { stationService, theoryOf, type StationTheory } from './nodeTheory.ts';
import { planSweep, type SweepSpec } from './sweep.ts';

export interface EndToEnd {
  meanMs: number | null;
  p99Ms: number | null;
  /** Why there is no prediction, when there is none. */
  reason?: string;
}

type Path = { meanMs: number; p99Ms: number | null } | string;

/** A leaf station's model at `rps` (reads only: writes are not modelled end to end). */
function leafStation(id: string, st: StationTheory, rps: number): NodeStation | string {
  if (st.unmodelled !== undefined || st.queueCapacity !== undefined || st.loadDependence)
    return `${id}: no closed form`;
  return {
    lambda: rps / 1000,
    replicas: st.replicas,
    station: { servers: st.servers, ...stationService(st, rps, 0) },
  };
}

export function predictEndToEnd(doc: Scenario, result?: SimResult): EndToEnd {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const rates = offeredRates(doc, result);
  if (doc.faults.length > 0)
    return { meanMs: null, p99Ms: null, reason: 'faults change the design over time' };
  // The clients are the workload: what they send decides whether a path's mean is modelled.
  if (
    doc.nodes.some(
      (n) =>
        n.type === 'client' && (n.params.writeRatio > 0 || n.params.arrival.process === 'closed'),
    )
  ) {
    return {
      meanMs: null,
      p99Ms: null,
      reason: 'writes and closed workloads are not modelled end to end',
    };
  }
  const out = (id: string) => doc.edges.filter((e) => e.source === id && e.kind === 'call');

  const pathFrom = (id: string, depth: number): Path => {
    const n = byId.get(id);
    if (!n || depth > 32) return `${id}: not a tree`;
    const edges = out(id);
    const via = (shares: number[], extraMs = 0): Path => {
      let mean = extraMs;
      const total = shares.reduce((s, x) => s + x, 0);
      let single: number | null = null;
      for (const [i, e] of edges.entries()) {
        const share = (shares[i] ?? 0) / total;
        if (share === 0) continue;
        const sub = pathFrom(e.target, depth + 1);
        if (typeof sub === 'string') return sub;
        const edgeMs = 2 * distMeanMs(e.latencyMs);
        mean += share * (edgeMs + sub.meanMs);
        single = edges.length === 1 && edgeMs === 0 && extraMs === 0 ? sub.p99Ms : null;
      }
      return { meanMs: mean, p99Ms: single };
    };
    const theory = theoryOf(n);
    switch (theory.as) {
      case 'router':
        return edges.length
          ? via(sharesOf(KIND_DESCRIPTIONS[n.type].flow(n.params), doc, edges, result))
          : `${id}: calls nothing`;
      case 'lookup': {
        const measured = result?.nodes[id]?.hitRatio;
        const che = measured === undefined ? cheHitRatio(doc, theory.lru) : null;
        if (typeof che === 'string') return `${id}: ${che}`;
        const hit = measured ?? che?.predicted ?? 0;
        const lookup = distMeanMs(theory.hitMs);
        const miss = via(edges.map(() => 1));
        if (typeof miss === 'string') return miss;
        return { meanMs: lookup + (1 - hit) * miss.meanMs, p99Ms: null };
      }
      case 'delay':
        if (edges.length > 0) return `${id}: calls downstream`;
        return {
          meanMs: distMeanMs(theory.ms),
          p99Ms: theory.ms.dist === 'constant' ? theory.ms.ms : null,
        };
      case 'station': {
        if (edges.length > 0) return `${id}: calls downstream`;
        const rate = rates.get(id);
        const st = leafStation(id, theory, rate ? totalRps(rate) : 0);
        if (typeof st === 'string') return st;
        const p = predictNode(st, dispatchOf(doc, n));
        if (!p || p.meanMs === null) return p?.note ?? `${id}: no prediction`;
        return { meanMs: p.meanMs, p99Ms: p.p99Ms };
      }
      case 'buffer':
      case 'none':
        return `${id}: no closed form for a ${n.type}`;
    }
  };

  const clients = doc.nodes.filter((n) => n.type === 'client'); // paths start at the workload
  const weights = clients.map((c) => totalRps(rates.get(c.id) ?? { read: 0, write: 0 }));
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  let mean = 0;
  let p99: number | null = null;
  for (const [i, c] of clients.entries()) {
    const p = pathFrom(c.id, 0);
    if (typeof p === 'string') return { meanMs: null, p99Ms: null, reason: p };
    mean += ((weights[i] ?? 0) / (totalWeight || 1)) * p.meanMs;
    p99 = clients.length === 1 ? p.p99Ms : null;
  }
  return { meanMs: mean, p99Ms: p99 };
}

/** The theory's curve over a sweep plan: one prediction per point, nothing simulated. */
export function theoryCurve(
  doc: Scenario,
  spec: SweepSpec,
): Array<{ offeredRps: number } & EndToEnd> {
  return planSweep(doc, spec).map((p) => ({ offeredRps: p.offeredRps, ...predictEndToEnd(p.doc) }));
}
