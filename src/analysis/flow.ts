/**
 * The offered rate at every node, derived from the design: client rates pushed along call edges.
 * It solves the traffic equations rate = external + Σ routed(rate), by fixed-point iteration
 * (a DAG settles in as many rounds as its depth; a loop that returns less than it receives
 * converges geometrically). Reads and writes are carried apart, since a cache passes only read
 * misses and a database serves the two at different speeds.
 *
 * Routing, per kind, is each kind's `flow` rule in its description (src/model/kinds): a client
 * splits by edge weight; a service with `sequential` or `parallel` calls sends every request over
 * every outgoing edge, `oneOf` splits by weight; a load balancer splits across backend replicas
 * (by edge weight for `weightedRoundRobin`); a cache sends read misses (the measured hit ratio
 * when a result is given, else Che's LRU prediction where it applies, else none hit) and every
 * write; a shard router splits as measured when a result is given (keys pick the shard), else by
 * weight; a point-to-point queue splits by weight, a publish-subscribe queue copies; a rate
 * limiter passes at most its rate; a write sent to a read replica is served by its primary. The
 * clients are the workload: their rates (and `spike` faults, which raise a client's average
 * rate) are what enters. Retries, timeouts and other faults are not modelled here.
 */
import type { SimResult } from '../engine/types.ts';
import { KIND_DESCRIPTIONS } from '../model/kinds/index.ts';
import type { FlowRule } from '../model/kinds/describe.ts';
import type { Scenario, ScenarioEdge, ScenarioNode } from '../model/types.ts';
import { cheHitRatio } from './cacheTheory.ts';
import { countedSecondsOf } from './figures.ts';
import { replicasOf, theoryOf } from './nodeTheory.ts';

export interface Rate {
  read: number;
  write: number;
}
export const totalRps = (r: Rate): number => r.read + r.write;

/** Seconds of simulated time that count: after warm-up (up to an early stop). */
export function countedSeconds(doc: Scenario, result?: SimResult): number {
  return result ? countedSecondsOf(result) : Math.max(1e-9, doc.durationS - doc.warmupS);
}

/** The time-average of a rate profile `[[tS, multiplier], …]` over [fromS, toS]. */
export function meanProfileMultiplier(
  profile: Array<[number, number]>,
  fromS: number,
  toS: number,
): number {
  if (profile.length === 0 || toS <= fromS) return 1;
  const at = (t: number): number => {
    const first = profile[0];
    const last = profile[profile.length - 1];
    if (!first || !last) return 1;
    if (t <= first[0]) return first[1];
    if (t >= last[0]) return last[1];
    for (let i = 1; i < profile.length; i++) {
      const [t1, m1] = profile[i] ?? last;
      const [t0, m0] = profile[i - 1] ?? first;
      if (t <= t1) return t1 === t0 ? m1 : m0 + ((m1 - m0) * (t - t0)) / (t1 - t0);
    }
    return last[1];
  };
  const steps = 2000;
  const dt = (toS - fromS) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += at(fromS + (i + 0.5) * dt);
  return sum / steps;
}

/** Requests per second a client sends during the counted window (closed: measured, if given). */
export function clientRps(doc: Scenario, node: ScenarioNode, result?: SimResult): number {
  // The client is the workload: its own params say what it sends; other kinds send what they get.
  if (node.type !== 'client') return 0;
  const s = node.params.schedule;
  // Scheduled jobs: their average rate (the bursts themselves are not Poisson).
  if (s !== undefined) return s.jobs / s.everyS;
  const a = node.params.arrival;
  if (a.process === 'closed') {
    const measured = result?.nodes[node.id];
    return measured ? measured.arrivals / countedSeconds(doc, result) : NaN;
  }
  const from = result?.warmupS ?? doc.warmupS;
  const to = result?.durationS ?? doc.durationS;
  return (
    a.rps *
    meanProfileMultiplier(node.params.profile, from, to) *
    spikeMultiplier(doc, node.id, from, to)
  );
}

/** The time-average of a client's `spike` faults over [fromS, toS] (they multiply its rate). */
function spikeMultiplier(doc: Scenario, clientId: string, fromS: number, toS: number): number {
  if (toS <= fromS) return 1;
  let extra = 0;
  for (const f of doc.faults) {
    if (f.kind !== 'spike' || f.target !== clientId) continue;
    const end = f.forS === undefined ? toS : f.atS + f.forS;
    const overlap = Math.max(0, Math.min(end, toS) - Math.max(f.atS, fromS));
    extra += ((f.multiplier ?? 1) - 1) * overlap;
  }
  return 1 + extra / (toS - fromS);
}

const callEdges = (doc: Scenario, id: string): ScenarioEdge[] =>
  doc.edges.filter((e) => e.source === id && e.kind === 'call');

function weightShares(edges: ScenarioEdge[]): number[] {
  const total = edges.reduce((s, e) => s + e.weight, 0);
  return edges.map((e) => (total > 0 ? e.weight / total : 1 / edges.length));
}

/** For node `n` receiving `inbound`, the rate it sends over each outgoing call edge. */
function route(
  doc: Scenario,
  n: ScenarioNode,
  inbound: Rate,
  result?: SimResult,
): Array<[string, Rate]> {
  const edges = callEdges(doc, n.id);
  if (edges.length === 0) return [];
  const scale = (r: Rate, f: number): Rate => ({ read: r.read * f, write: r.write * f });
  const split = (shares: number[], r: Rate): Array<[string, Rate]> =>
    edges.map((e, i) => [e.target, scale(r, shares[i] ?? 0)]);
  const rule = KIND_DESCRIPTIONS[n.type].flow(n.params);
  const shares = sharesOf(rule, doc, edges, result);
  const total = totalRps(inbound);
  const pass = rule.atMostRps !== undefined && total > rule.atMostRps ? rule.atMostRps / total : 1;
  const passed = shares.map((s) => s * pass);
  if (rule.split !== 'readMisses') return split(passed, inbound);
  const hit = hitRatioOf(doc, n, result);
  return split(passed, { read: inbound.read * (1 - hit), write: inbound.write });
}

/** The measured hit ratio when a result is given, else Che's LRU prediction where it applies. */
function hitRatioOf(doc: Scenario, n: ScenarioNode, result?: SimResult): number {
  const measured = result?.nodes[n.id]?.hitRatio;
  if (measured !== undefined) return measured;
  const theory = theoryOf(n);
  if (theory.as !== 'lookup') return 0;
  const che = cheHitRatio(doc, theory.lru);
  return typeof che !== 'string' ? che.predicted : 0;
}

/** Each outgoing edge's share of what passes, by the kind's rule. */
export function sharesOf(
  rule: FlowRule,
  doc: Scenario,
  edges: ScenarioEdge[],
  result?: SimResult,
): number[] {
  switch (rule.split) {
    case 'weight':
      return weightShares(edges);
    case 'every':
    case 'readMisses':
      return edges.map(() => 1);
    case 'replicas': {
      const replicas = edges.map((e) => replicasOf(doc.nodes.find((x) => x.id === e.target)));
      const total = replicas.reduce((s, r) => s + r, 0);
      return replicas.map((r) => r / total);
    }
    case 'keys': {
      // Keys, not weights, pick the edge: with hot keys the split is uneven. Given a result,
      // split as measured (each target called by this node only), else by weight.
      const measured = edges.map((e) => result?.nodes[e.target]?.arrivals ?? NaN);
      const total = measured.reduce((a, b) => a + b, 0);
      const own = edges.every(
        (e) => doc.edges.filter((x) => x.target === e.target && x.kind === 'call').length === 1,
      );
      return own && total > 0 ? measured.map((m) => m / total) : weightShares(edges);
    }
  }
}

/**
 * Where a write sent to `id` is served: a read replica (target of a replication edge, whose
 * flow rule says `writesToPrimary`) passes writes to its primary, before counting them (engine:
 * database.ts).
 */
function writeTarget(doc: Scenario, id: string): string {
  let at = id;
  for (let depth = 0; depth < 16; depth++) {
    const n = doc.nodes.find((x) => x.id === at);
    if (!n || !KIND_DESCRIPTIONS[n.type].flow(n.params).writesToPrimary) return at;
    const up = doc.edges.find((e) => e.target === at && e.kind === 'replication');
    if (!up) return at;
    at = up.source;
  }
  return at;
}

/** Offered rate (rps, reads and writes) at every node. Clients' own rate is what they send. */
export function offeredRates(doc: Scenario, result?: SimResult): Map<string, Rate> {
  const external = new Map<string, Rate>();
  for (const n of doc.nodes) {
    if (n.type !== 'client') continue; // the workload (see clientRps)
    const rps = clientRps(doc, n, result);
    const w = n.params.writeRatio;
    external.set(n.id, { read: rps * (1 - w), write: rps * w });
  }
  let rates = new Map<string, Rate>();
  for (let iter = 0; iter < 500; iter++) {
    const next = new Map<string, Rate>(
      doc.nodes.map((n) => [n.id, { ...(external.get(n.id) ?? { read: 0, write: 0 }) }]),
    );
    for (const n of doc.nodes) {
      const inbound = rates.get(n.id) ?? external.get(n.id) ?? { read: 0, write: 0 };
      for (const [target, r] of route(doc, n, inbound, result)) {
        const t = next.get(target);
        const w = next.get(writeTarget(doc, target));
        if (t && w) {
          t.read += r.read;
          w.write += r.write;
        }
      }
    }
    let change = 0;
    for (const [id, r] of next) {
      const old = rates.get(id);
      change = Math.max(change, Math.abs(totalRps(r) - (old ? totalRps(old) : 0)));
    }
    rates = next;
    if (iter > 0 && change < 1e-9) break;
  }
  return rates;
}
