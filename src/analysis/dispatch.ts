/**
 * How a node's replicas share its traffic, and so which model fits (checked against the engine:
 * 3 single-worker replicas at utilization 0.67 measure W = 1.59 ms direct, 3.06 random,
 * 2.12 round robin; M/M/3 gives 1.44, 3 × M/M/1 gives 3.00, E3/M/1 gives 2.13):
 * - one replica, not behind a round-robin balancer with other backends: the station itself;
 * - called directly, or through leastConnections / leastResponseTime / powerOfTwoChoices: the
 *   engine joins the shortest queue, close to one shared queue of replicas × workers (approx.);
 * - a `random` or `ipHash` balancer: a Poisson split, independent stations (exact);
 * - `roundRobin`: each backend replica gets every K-th request (K = all the balancer's backend
 *   replicas): Erlang-K interarrivals, E_K/M/c exact (Takács's GI/M/c) for exponential workers
 *   and no queue limit; other service: Allen-Cunneen's G/G/c approximation with ca² = 1/K (with
 *   a queue limit: M/M/c/K);
 * - anything else (weighted round robin, several callers): independent stations (approx.).
 */
import type { Scenario, ScenarioNode } from '../model/types.ts';
import { replicasOf, theoryOf } from './nodeTheory.ts';
import { ggcApprox } from './queueing/general.ts';
import { ekmc, gimcSojournPercentile } from './queueing/gimc.ts';
import { predictStation, type Prediction, type Station } from './stationTheory.ts';

export type Dispatch =
  | { kind: 'single' }
  | { kind: 'pooled'; why: string }
  | { kind: 'independent'; why: string; exact: boolean }
  | { kind: 'roundRobin'; period: number };

/** How a caller balances over its backends' replicas (its kind's theory), if it is a balancer. */
function balancingOf(n: ScenarioNode | undefined) {
  const t = n && theoryOf(n);
  return t?.as === 'router' ? t.balances : undefined;
}

export function dispatchOf(doc: Scenario, node: ScenarioNode): Dispatch {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const callers = doc.edges
    .filter((e) => e.target === node.id && e.kind === 'call')
    .map((e) => byId.get(e.source));
  const lbs = callers.filter((n) => balancingOf(n) !== undefined);
  const replicas = replicasOf(node);
  if (lbs.length === 0 || lbs.length !== callers.length) {
    return replicas === 1
      ? { kind: 'single' }
      : { kind: 'pooled', why: 'join the shortest queue ≈ one shared queue' };
  }
  const strategies = new Set(lbs.map((n) => balancingOf(n)?.strategy));
  const lb = lbs[0];
  const balancing = balancingOf(lb);
  if (lbs.length > 1 || strategies.size > 1 || !lb || !balancing) {
    return replicas === 1
      ? { kind: 'single' }
      : { kind: 'independent', why: 'several balancers', exact: false };
  }
  const { strategy, spreads } = balancing;
  switch (spreads) {
    case 'roundRobin': {
      const period = doc.edges
        .filter((e) => e.source === lb.id && e.kind === 'call')
        .reduce((s, e) => s + replicasOf(byId.get(e.target)), 0);
      return period > 1 ? { kind: 'roundRobin', period } : { kind: 'single' };
    }
    case 'poissonSplit':
      return replicas === 1
        ? { kind: 'single' }
        : { kind: 'independent', why: `${strategy}: a Poisson split`, exact: true };
    case 'weighted':
      return replicas === 1
        ? { kind: 'single' }
        : { kind: 'independent', why: 'weighted round robin', exact: false };
    case 'shortestQueue':
      return replicas === 1
        ? { kind: 'single' }
        : { kind: 'pooled', why: `${strategy} ≈ one shared queue` };
  }
}

export interface NodeStation {
  /** Arrivals per ms to the whole node. */
  lambda: number;
  replicas: number;
  /** Per replica. */
  station: Omit<Station, 'lambda'>;
}

/** The node's prediction under its dispatch; `meanQueueLength` is for the whole node. */
export function predictNode(n: NodeStation, d: Dispatch): Prediction | null {
  const r = n.replicas;
  const join = (...notes: string[]) => notes.filter(Boolean).join('; ');
  if (d.kind === 'pooled' && r > 1) {
    const s: Station = { ...n.station, lambda: n.lambda, servers: n.station.servers * r };
    if (n.station.queueCapacity !== undefined) s.queueCapacity = n.station.queueCapacity * r;
    const p = predictStation(s);
    return (
      p && {
        ...p,
        model: p.model.endsWith('(approx.)') ? p.model : `${p.model} (approx.)`,
        note: join(p.note, `${r} replicas: ${d.why}`),
      }
    );
  }
  const perReplica: Station = { ...n.station, lambda: n.lambda / r };
  const { servers, exponential, queueCapacity, meanMs } = n.station;
  if (d.kind === 'roundRobin' && exponential && queueCapacity === undefined) {
    // Every K-th request of a Poisson stream: Erlang-K gaps into c exponential workers,
    // E_K/M/c, exact by Takács's GI/M/c (the wait given a wait is exponential, so the p99 too).
    const lambda = perReplica.lambda;
    if (lambda * meanMs >= servers) return predictStation(perReplica);
    const g = ekmc(lambda, d.period, 1 / meanMs, servers);
    return {
      model: `E${d.period}/M/${servers}`,
      meanMs: g.W,
      p99Ms: gimcSojournPercentile(g, 0.99),
      utilization: g.rho,
      meanQueueLength: g.Lq * r,
      blocking: 0,
      note: `round robin over ${d.period} backends: each gets one request in ${d.period}, Erlang-${d.period} gaps; P(wait) = ${g.pWait.toPrecision(3)}`,
      pWait: g.pWait,
    };
  }
  const p = predictStation(perReplica);
  if (!p) return null;
  const scaled = {
    ...p,
    meanQueueLength: p.meanQueueLength === null ? null : p.meanQueueLength * r,
  };
  if (d.kind === 'single' || (d.kind === 'pooled' && r === 1)) return scaled;
  if (d.kind === 'roundRobin') {
    // Erlang-K gaps (ca² = 1/K) into c servers with general service: no exact closed form;
    // Allen-Cunneen's G/G/c approximation (poor at low load, where it overstates the wait).
    if (queueCapacity !== undefined || perReplica.lambda * meanMs >= servers) return scaled;
    const g = ggcApprox(perReplica.lambda, meanMs, 1 / d.period, n.station.scv, servers);
    return {
      model: `E${d.period}/${exponential ? 'M' : 'G'}/${servers} (approx.)`,
      meanMs: g.W,
      p99Ms: null,
      utilization: g.rho,
      meanQueueLength: g.Lq * r,
      blocking: 0,
      note: `round robin over ${d.period} backends: Erlang-${d.period} gaps, Allen-Cunneen approximation`,
    };
  }
  const model =
    (d.kind === 'independent' && d.exact) || p.model.endsWith('(approx.)')
      ? p.model
      : `${p.model} (approx.)`;
  return {
    ...scaled,
    model,
    note: join(p.note, r > 1 ? `${r} replicas as independent stations (${d.why})` : ''),
  };
}
