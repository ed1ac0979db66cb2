/**
 * Which queueing model describes one station of a design, and what it predicts. A station is
 * one replica: a service's `workers` (or a database's `connections`) serving a shared queue,
 * with `queueCapacity` waiting places. How a node's replicas share its traffic is dispatch.ts's
 * business.
 */
import type { Dist } from '../model/types.ts';
import { distMeanMs, distScv, mgcApprox, mg1 } from './queueing/general.ts';
import { mmc, mmcSojournPercentile, erlangLoss } from './queueing/markov.ts';
import { mmck } from './queueing/finite.ts';
import { birthDeath } from './queueing/birthDeath.ts';
import {
  loadFactor,
  loadFormula,
  loadOf,
  type LoadDependence,
} from '../model/kinds/loadDependence.ts';

export interface Station {
  /** Arrivals per ms to one replica. */
  lambda: number;
  /** Mean service time, ms, and its squared coefficient of variation. */
  meanMs: number;
  scv: number;
  /** Servers per replica. */
  servers: number;
  /** Waiting places per replica; undefined = unbounded. */
  queueCapacity?: number;
  /** True when service times are exponential (SCV 1 from an exponential distribution). */
  exponential: boolean;
  /** Service slows with the load (the kind's `loadDependence`). */
  loadDependence?: LoadDependence;
}

export interface Prediction {
  model: string;
  /** Mean time at the node (ms), utilization per worker, mean waiting count, blocking share. */
  meanMs: number | null;
  p99Ms: number | null;
  utilization: number;
  meanQueueLength: number | null;
  blocking: number | null;
  note: string;
  /** Probability an arrival waits, where the model gives it (M/M/c, GI/M/c). */
  pWait?: number;
}

/** A station's service time from one Dist, or a mixture of reads and writes. */
export function serviceOf(parts: Array<{ share: number; dist: Dist }>): {
  meanMs: number;
  scv: number;
  exponential: boolean;
} {
  const live = parts.filter((p) => p.share > 0);
  const mean = live.reduce((s, p) => s + p.share * distMeanMs(p.dist), 0);
  // E[S²] = Σ share·m²·(1 + scv)
  const second = live.reduce(
    (s, p) => s + p.share * distMeanMs(p.dist) ** 2 * (1 + distScv(p.dist)),
    0,
  );
  const means = live.map((p) => distMeanMs(p.dist));
  const exponential =
    live.every((p) => p.dist.dist === 'exponential') &&
    means.every((m) => Math.abs(m - (means[0] ?? 0)) < 1e-12);
  return { meanMs: mean, scv: mean > 0 ? second / (mean * mean) - 1 : 0, exponential };
}

/** The model for a station and its predictions; null when no model applies. */
export function predictStation(s: Station): Prediction | null {
  const { lambda, meanMs, scv, servers: c } = s;
  if (!(lambda > 0) || !(meanMs > 0)) return null;
  if (s.loadDependence) return loadDependentStation(s, s.loadDependence);
  const mu = 1 / meanMs;
  const offeredUtil = (lambda * meanMs) / c;
  if (s.queueCapacity === 0) {
    // Erlang's loss formula is insensitive to the service distribution (M/G/c/c).
    const loss = erlangLoss(c, lambda, mu);
    return {
      model: 'Erlang B',
      meanMs,
      p99Ms: null,
      utilization: loss.rho,
      meanQueueLength: 0,
      blocking: loss.blocking,
      note: `M/G/${c}/${c}: no waiting room, blocking does not depend on the service distribution`,
    };
  }
  if (s.queueCapacity !== undefined) {
    const m = mmck(lambda, mu, c, c + s.queueCapacity);
    return {
      model: `M/M/${c}/${c + s.queueCapacity}${s.exponential ? '' : ' (approx.)'}`,
      meanMs: m.W,
      p99Ms: null,
      utilization: m.rho,
      meanQueueLength: m.Lq,
      blocking: m.blocking,
      note: s.exponential
        ? 'finite waiting room'
        : `service SCV ${scv.toFixed(2)}: exponential approximation`,
    };
  }
  if (offeredUtil >= 1) {
    return {
      model: `M/${s.exponential ? 'M' : 'G'}/${c}`,
      meanMs: null,
      p99Ms: null,
      utilization: 1,
      meanQueueLength: null,
      blocking: null,
      note: `unstable: offered utilization ${offeredUtil.toFixed(2)} ≥ 1, the queue grows without bound`,
    };
  }
  if (s.exponential) {
    const m = mmc(lambda, mu, c);
    return {
      model: `M/M/${c}`,
      meanMs: m.W,
      p99Ms: mmcSojournPercentile(lambda, mu, c, 0.99),
      utilization: m.rho,
      meanQueueLength: m.Lq,
      blocking: 0,
      note: `P(wait) = ${m.pWait.toFixed(3)}`,
      pWait: m.pWait,
    };
  }
  const m = c === 1 ? mg1(lambda, meanMs, scv) : mgcApprox(lambda, meanMs, scv, c);
  return {
    model: c === 1 ? 'M/G/1' : `M/G/${c} (approx.)`,
    meanMs: m.W,
    p99Ms: null,
    utilization: m.rho,
    meanQueueLength: m.Lq,
    blocking: 0,
    note:
      c === 1
        ? `Pollaczek-Khinchine, SCV ${scv.toFixed(2)}`
        : `Allen-Cunneen approximation, SCV ${scv.toFixed(2)}`,
  };
}

/**
 * A station whose service slows with its load: with n present, min(n, c) serve, each at
 * 1 / (mean · factor(load)); a birth-death chain (./queueing/birthDeath.ts), exact when the
 * work is exponential (the engine re-times work in service at every change of load).
 */
function loadDependentStation(s: Station, ld: LoadDependence): Prediction {
  const c = s.servers;
  const factorAt = (n: number) =>
    loadFactor(ld, loadOf(ld.on, Math.min(n, c), Math.max(0, n - c), c));
  const mu = (n: number) => Math.min(n, c) / (s.meanMs * factorAt(n));
  // For many present: inService and utilization stop growing at c busy; present reaches the cap.
  const limitFactor = ld.on === 'present' ? loadFactor(ld, Infinity) : factorAt(c);
  const muLimit = c / (s.meanMs * (Number.isFinite(limitFactor) ? limitFactor : ld.maxFactor));
  const capacity = s.queueCapacity === undefined ? Infinity : c + s.queueCapacity;
  const m = birthDeath(s.lambda, mu, c, muLimit, capacity);
  const model = `M/M/${c} load-dependent${s.exponential ? '' : ' (approx.)'}`;
  const curve = `service × (${loadFormula(ld)})`;
  if (m === null) {
    return {
      model,
      meanMs: null,
      p99Ms: null,
      utilization: 1,
      meanQueueLength: null,
      blocking: null,
      note: `${curve}: unstable, a full replica serves ${(muLimit * 1000).toPrecision(3)}/s, below the ${(s.lambda * 1000).toPrecision(3)}/s arriving; once a queue builds it never drains`,
    };
  }
  return {
    model,
    meanMs: m.W,
    p99Ms: null,
    utilization: m.busy / c,
    meanQueueLength: m.Lq,
    blocking: m.blocking,
    note: `${curve}: birth-death chain${s.exponential ? '' : ', exponential approximation'}`,
  };
}
