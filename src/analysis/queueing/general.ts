/**
 * General service times: the Pollaczek-Khinchine formula for M/G/1, an approximation for M/G/c,
 * and the mean and squared coefficient of variation (SCV = variance / mean²) of each `Dist`.
 */
import type { Dist } from '../../model/types.ts';
import { mmc, type StationMeans } from './markov.ts';

/** Mean of a distribution, in ms. */
export function distMeanMs(d: Dist): number {
  switch (d.dist) {
    case 'constant':
      return d.ms;
    case 'uniform':
      return (d.minMs + d.maxMs) / 2;
    case 'exponential':
    case 'lognormal':
    case 'erlang':
      return d.meanMs;
  }
}

/**
 * SCV of a distribution: constant 0, exponential 1, uniform (b - a)² / (3(a + b)²),
 * lognormal cv², erlang-k 1/k.
 */
export function distScv(d: Dist): number {
  switch (d.dist) {
    case 'constant':
      return 0;
    case 'exponential':
      return 1;
    case 'uniform': {
      const sum = d.minMs + d.maxMs;
      return sum === 0 ? 0 : (d.maxMs - d.minMs) ** 2 / (3 * sum * sum);
    }
    case 'lognormal':
      return d.cv * d.cv;
    case 'erlang':
      return 1 / d.k;
  }
}

/**
 * M/G/1 (Pollaczek-Khinchine): Wq = rho·(1 + SCV)/2 · E[S]/(1 - rho), with rho = lambda·E[S].
 * `lambda` per time unit, `meanService` in the same unit. Exponential service (SCV 1) gives
 * M/M/1; constant (SCV 0) gives M/D/1, with half the wait.
 */
export function mg1(lambda: number, meanService: number, scv: number): StationMeans {
  const rho = lambda * meanService;
  if (!(rho < 1)) throw new RangeError(`M/G/1: unstable (rho = ${rho})`);
  const Wq = (rho * (1 + scv) * meanService) / (2 * (1 - rho));
  const W = Wq + meanService;
  return { rho, L: lambda * W, Lq: lambda * Wq, W, Wq };
}

/**
 * M/G/c, an APPROXIMATION (Lee-Longton / Allen-Cunneen with Poisson arrivals):
 * Wq ≈ Wq(M/M/c)·(1 + SCV)/2. Exact for c = 1 (it is P-K) and for exponential service;
 * typically within ~10 % otherwise at moderate to high load.
 */
export function mgcApprox(
  lambda: number,
  meanService: number,
  scv: number,
  c: number,
): StationMeans {
  const base = mmc(lambda, 1 / meanService, c);
  const Wq = (base.Wq * (1 + scv)) / 2;
  const W = Wq + meanService;
  return { rho: base.rho, L: lambda * W, Lq: lambda * Wq, W, Wq };
}

/**
 * G/G/c, an APPROXIMATION (Allen-Cunneen): Wq ≈ Wq(M/M/c)·(ca² + cs²)/2, with ca² and cs² the
 * SCVs of the interarrival and service times. For Erlang-k arrivals (a round-robin share of a
 * Poisson stream) ca² = 1/k.
 */
export function ggcApprox(
  lambda: number,
  meanService: number,
  ca2: number,
  cs2: number,
  c: number,
): StationMeans {
  const base = mmc(lambda, 1 / meanService, c);
  const Wq = (base.Wq * (ca2 + cs2)) / 2;
  const W = Wq + meanService;
  return { rho: base.rho, L: lambda * W, Lq: lambda * Wq, W, Wq };
}
