/**
 * Networks of queues: open Jackson networks (product form: each station behaves as an
 * independent M/M/c fed by its total arrival rate) and exact mean-value analysis (MVA) for a
 * closed network of N users with think time Z.
 */
import { mmc, type StationMeans } from './markov.ts';

export interface JacksonStation {
  /** Service rate per server. */
  mu: number;
  servers: number;
}

/**
 * Solves the traffic equations lambda = external + lambda·P (P[i][j] = probability a request
 * leaving i goes to j; the rest leaves the network) by fixed-point iteration, which converges
 * for any open network (every request eventually leaves).
 */
export function jacksonArrivalRates(external: number[], routing: number[][]): number[] {
  let lambda = external.slice();
  for (let iter = 0; iter < 10_000; iter++) {
    const next = external.map(
      (g, j) => g + lambda.reduce((s, l, i) => s + l * (routing[i]?.[j] ?? 0), 0),
    );
    const change = next.reduce((m, v, j) => Math.max(m, Math.abs(v - (lambda[j] ?? 0))), 0);
    lambda = next;
    if (change <= 1e-12 * Math.max(1, ...next)) break;
  }
  return lambda;
}

/** An open Jackson network: per-station means and the network's mean sojourn W = L / Σexternal. */
export function jacksonNetwork(
  external: number[],
  routing: number[][],
  stations: JacksonStation[],
): { lambda: number[]; stations: StationMeans[]; L: number; W: number } {
  const lambda = jacksonArrivalRates(external, routing);
  const means = stations.map((s, i) => mmc(lambda[i] ?? 0, s.mu, s.servers));
  const L = means.reduce((sum, m) => sum + m.L, 0);
  const totalExternal = external.reduce((s, g) => s + g, 0);
  return { lambda, stations: means, L, W: L / totalExternal };
}

/** Jackson tandem: every request visits each station once, in order; W = Σ W_i. */
export function jacksonTandem(
  lambda: number,
  stations: JacksonStation[],
): { stations: StationMeans[]; W: number; L: number } {
  const means = stations.map((s) => mmc(lambda, s.mu, s.servers));
  return {
    stations: means,
    W: means.reduce((sum, m) => sum + m.W, 0),
    L: means.reduce((sum, m) => sum + m.L, 0),
  };
}

export interface MvaStation {
  /** Service demand per user request: visits × mean service time. */
  demand: number;
  /** Servers: 1 (default), c > 1 (load-dependent, exact), or Infinity (a pure delay). */
  servers?: number;
}

export interface MvaResult {
  /** System throughput with N users. */
  throughput: number;
  /** Response time (excluding think time): N / X - Z. */
  responseTime: number;
  /** Per station: residence time and mean number present. */
  residence: number[];
  queueLength: number[];
  utilization: number[];
}

/**
 * Exact MVA (Reiser and Lavenberg) for a closed single-class product-form network.
 * Single-server stations use R_k(n) = D_k·(1 + Q_k(n-1)). Multi-server stations use the EXACT
 * load-dependent form: R_k(n) = D_k · Σ_{j=1..n} j/min(j, c) · p_k(j-1 | n-1), with the marginal
 * probabilities p_k(j | n) = X(n)·D_k/min(j, c) · p_k(j-1 | n-1) and p_k(0 | n) by difference.
 * (The difference can lose precision for very large N near saturation; clamped at 0.)
 * Cost O(N²) per multi-server station, O(N) per single-server one.
 */
export function mva(users: number, thinkTime: number, stations: MvaStation[]): MvaResult {
  const K = stations.length;
  const Q = new Array<number>(K).fill(0);
  const R = new Array<number>(K).fill(0);
  // Marginal probabilities for multi-server stations: p[k][j] with n-1 users.
  const marg: Array<number[] | null> = stations.map((s) => {
    const c = s.servers ?? 1;
    return c > 1 && Number.isFinite(c) ? [1] : null;
  });
  let X = 0;
  for (let n = 1; n <= users; n++) {
    stations.forEach((s, k) => {
      const c = s.servers ?? 1;
      const p = marg[k];
      if (!Number.isFinite(c)) R[k] = s.demand;
      else if (p) {
        let r = 0;
        for (let j = 1; j <= n; j++) r += (j / Math.min(j, c)) * (p[j - 1] ?? 0);
        R[k] = s.demand * r;
      } else R[k] = s.demand * (1 + (Q[k] ?? 0));
    });
    X = n / (thinkTime + R.reduce((a, b) => a + b, 0));
    stations.forEach((s, k) => {
      Q[k] = X * (R[k] ?? 0);
      const p = marg[k];
      if (!p) return;
      const c = s.servers ?? 1;
      const next = [0];
      for (let j = 1; j <= n; j++) next.push(((X * s.demand) / Math.min(j, c)) * (p[j - 1] ?? 0));
      next[0] = Math.max(0, 1 - next.slice(1).reduce((a, b) => a + b, 0));
      marg[k] = next;
    });
  }
  const utilization = stations.map((s) => {
    const c = s.servers ?? 1;
    return Number.isFinite(c) ? (X * s.demand) / c : 0;
  });
  return {
    throughput: X,
    responseTime: users / X - thinkTime,
    residence: R.slice(),
    queueLength: Q.slice(),
    utilization,
  };
}
