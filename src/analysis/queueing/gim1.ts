/**
 * GI/M/1: renewal arrivals, one exponential server. The queue seen by arrivals is geometric with
 * parameter σ, the root in (0, 1) of σ = A*(μ(1 - σ)), where A* is the Laplace-Stieltjes
 * transform of the interarrival time; then the sojourn time is exactly Exp(μ(1 - σ)).
 * (Kleinrock, Queueing Systems vol. 1, §6.4.) Used for a replica behind a round-robin balancer:
 * it receives every k-th request of a Poisson stream, so its interarrival times are Erlang-k.
 */
import type { StationMeans } from './markov.ts';

export interface GiM1 extends StationMeans {
  /** Probability an arrival finds the server busy. */
  sigma: number;
}

/** σ by fixed-point iteration (monotone from 0 for a stable queue). */
export function gim1Sigma(lst: (s: number) => number, mu: number): number {
  let sigma = 0;
  for (let i = 0; i < 10_000; i++) {
    const next = lst(mu * (1 - sigma));
    if (Math.abs(next - sigma) < 1e-14) return next;
    sigma = next;
  }
  return sigma;
}

/** GI/M/1 means from the interarrival LST and mean; throws when unstable. */
export function gim1(lst: (s: number) => number, meanInterarrival: number, mu: number): GiM1 {
  const lambda = 1 / meanInterarrival;
  if (!(lambda < mu)) throw new RangeError(`GI/M/1: unstable (rho = ${lambda / mu})`);
  const sigma = gim1Sigma(lst, mu);
  const W = 1 / (mu * (1 - sigma));
  const Wq = sigma / (mu * (1 - sigma));
  return { rho: lambda / mu, L: lambda * W, Lq: lambda * Wq, W, Wq, sigma };
}

/**
 * E_k/M/1: interarrival times Erlang-k with rate `lambda` (mean 1/lambda): every k-th arrival of
 * a Poisson stream of rate k·lambda. k = 1 is M/M/1; large k tends to D/M/1.
 */
export function ekm1(lambda: number, k: number, mu: number): GiM1 {
  const phase = k * lambda;
  return gim1((s) => (phase / (phase + s)) ** k, 1 / lambda, mu);
}

/** GI/M/1: the p-quantile of the sojourn time, Exp(μ(1 - σ)). */
export function gim1SojournPercentile(g: GiM1, p: number): number {
  return -Math.log(1 - p) * g.W;
}
