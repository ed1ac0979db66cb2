/**
 * GI/M/c, exact: renewal arrivals, c exponential servers, FCFS, unbounded queue (Takács 1962;
 * Kleinrock, Queueing Systems vol. 1, §6.? "G/M/m"; Gross & Harris, GI/M/c).
 *
 * At arrival instants the number in system n ≥ c - 1 is geometric in σ, the root in (0, 1) of
 * σ = A*(cμ(1 - σ)) with A* the Laplace-Stieltjes transform of the interarrival time. The
 * probability an arrival waits (all servers busy), with A_j = A*(jμ), C_j = Π_{i≤j} A_i/(1 - A_i):
 *
 *   P(wait) = 1 / (1 + (1 - σ) · Σ_{j=1..c} binom(c, j) / (C_j (1 - A_j)) · r_j),
 *   r_j = (c(1 - A_j) - j) / (c(1 - σ) - j)
 *
 * which is Takács's closed form of the boundary probabilities (the finite system the β_{n,k}
 * integrals of A(t) define for n < c - 1, solved once and for all). A wait, given there is one,
 * is exactly Exp(cμ(1 - σ)); so Wq = P(wait) / (cμ(1 - σ)) and every percentile is exact.
 *
 * Numerics: r_j = 1 + cμ·(A*(s1) - A*(s2)) / (s1 - s2), s1 = cμ(1 - σ), s2 = jμ: a divided
 * difference, with the derivative where s1 = s2 (where the 0/0 of r_j is removable). C_j and the
 * binomials under- and overflow for large c, so each term is summed in log space.
 * Reductions (tested): c = 1 gives σ (GI/M/1); Poisson arrivals give Erlang C (M/M/c).
 */
import type { StationMeans } from './markov.ts';

/** An interarrival distribution by its transform: A*(s), log A*(s) and its derivative. */
export interface Interarrival {
  mean: number;
  lst(s: number): number;
  logLst(s: number): number;
  dLst(s: number): number;
}

export interface GiMc extends StationMeans {
  /** Root of σ = A*(cμ(1 - σ)): the geometric ratio of the queue seen by arrivals. */
  sigma: number;
  /** Probability an arrival finds every server busy and waits. */
  pWait: number;
  /** Rate of the exponential wait given a wait: cμ(1 - σ). */
  waitRate: number;
  servers: number;
  mu: number;
}

/** Erlang-k interarrivals of rate lambda (mean 1/lambda): every k-th arrival of Poisson(kλ). */
export function erlangInterarrival(lambda: number, k: number): Interarrival {
  const theta = k * lambda;
  return {
    mean: 1 / lambda,
    lst: (s) => (theta / (theta + s)) ** k,
    logLst: (s) => -k * Math.log1p(s / theta),
    dLst: (s) => (-k / theta) * (theta / (theta + s)) ** (k + 1),
  };
}

function logBinomial(n: number, j: number): number {
  let s = 0;
  for (let i = 1; i <= j; i++) s += Math.log((n - j + i) / i);
  return s;
}

/**
 * σ in (0, 1) with σ = A*(cμ(1 - σ)), by bisection: A*(cμ(1 - σ)) - σ is positive at 0 and
 * negative just below 1 for a stable queue, and bisection keeps its pace near ρ = 1, where the
 * fixed-point iteration crawls.
 */
function sigmaRoot(arr: Interarrival, cMu: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-17; i++) {
    const mid = (lo + hi) / 2;
    if (arr.lst(cMu * (1 - mid)) > mid) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** GI/M/c means and waiting law; throws when λ ≥ cμ. */
export function gimc(arr: Interarrival, mu: number, c: number): GiMc {
  if (!Number.isInteger(c) || c < 1) throw new RangeError('GI/M/c: c must be an integer >= 1');
  const lambda = 1 / arr.mean;
  const rho = lambda / (c * mu);
  if (!(rho < 1) || !(mu > 0)) throw new RangeError(`GI/M/${c}: unstable (rho = ${rho})`);
  const sigma = sigmaRoot(arr, c * mu);
  const s1 = c * mu * (1 - sigma);

  // Terms t_j = binom(c, j) / (C_j (1 - A_j)) · r_j, as (log |t_j|, sign).
  const logs: number[] = [];
  const signs: number[] = [];
  let logCj = 0;
  for (let j = 1; j <= c; j++) {
    const s2 = j * mu;
    const logA = arr.logLst(s2);
    const log1mA = Math.log(-Math.expm1(logA));
    logCj += logA - log1mA;
    const gap = s1 - s2;
    const slope =
      Math.abs(gap) > 1e-7 * Math.max(s1, s2) ? (arr.lst(s1) - arr.lst(s2)) / gap : arr.dLst(s2);
    const r = 1 + c * mu * slope;
    if (r === 0) continue;
    logs.push(logBinomial(c, j) - logCj - log1mA + Math.log(Math.abs(r)));
    signs.push(Math.sign(r));
  }
  const top = Math.max(...logs);
  const scaled = logs.reduce((s, l, i) => s + (signs[i] ?? 1) * Math.exp(l - top), 0);
  // P(wait) = 1 / (1 + (1 - σ)·S), S = e^top · scaled, kept in log space.
  const logRest = Math.log(1 - sigma) + top + Math.log(scaled);
  const pWait = logRest > 700 ? 0 : 1 / (1 + Math.exp(logRest));
  const waitRate = s1;
  const Wq = pWait / waitRate;
  const W = Wq + 1 / mu;
  return { rho, L: lambda * W, Lq: lambda * Wq, W, Wq, sigma, pWait, waitRate, servers: c, mu };
}

/** E_k/M/c: Erlang-k gaps of rate lambda, c servers of rate mu. */
export function ekmc(lambda: number, k: number, mu: number, c: number): GiMc {
  return gimc(erlangInterarrival(lambda, k), mu, c);
}

/** P(wait > t) = P(wait)·exp(-cμ(1 - σ)t). */
export function gimcWaitTail(g: GiMc, t: number): number {
  return g.pWait * Math.exp(-g.waitRate * Math.max(0, t));
}

/**
 * P(sojourn > t): service Exp(μ) plus a wait that is 0 with probability 1 - P(wait) and
 * Exp(g) otherwise (g = cμ(1 - σ)); the convolution in closed form, as for M/M/c.
 */
export function gimcSojournTail(g: GiMc, t: number): number {
  const { mu, waitRate: r, pWait } = g;
  const x = Math.max(0, t);
  const eMu = Math.exp(-mu * x);
  const sumTail =
    Math.abs(r - mu) < 1e-12 * mu
      ? (1 + mu * x) * eMu
      : (r * eMu - mu * Math.exp(-r * x)) / (r - mu);
  return (1 - pWait) * eMu + pWait * sumTail;
}

/** The p-quantile of the sojourn time, by bisection on the closed-form tail. */
export function gimcSojournPercentile(g: GiMc, p: number): number {
  const target = 1 - p;
  let hi = 1 / g.mu;
  while (gimcSojournTail(g, hi) > target) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (gimcSojournTail(g, mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
