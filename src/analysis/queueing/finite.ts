/**
 * Finite-capacity Markovian stations: M/M/c/K holds at most K requests (c in service, K - c
 * waiting); an arrival that finds K present is blocked. M/M/1/K and Erlang's loss system
 * M/M/c/c are special cases. Stable at any load, since blocking caps the admitted rate.
 */
import type { StationMeans } from './markov.ts';

export interface FiniteStation extends StationMeans {
  /** Probability an arrival is turned away (PASTA: the time share with K present). */
  blocking: number;
  /** Admitted (carried) arrival rate, lambda·(1 - blocking). */
  admittedRate: number;
  /** Stationary probabilities of n = 0..K in the system. */
  probabilities: number[];
}

/**
 * M/M/c/K by the birth-death balance equations, computed in log space so that large loads and
 * capacities neither overflow nor underflow. W and Wq are for admitted requests (Little's law
 * with the admitted rate).
 */
export function mmck(lambda: number, mu: number, c: number, K: number): FiniteStation {
  if (!Number.isInteger(c) || c < 1) throw new RangeError('M/M/c/K: c must be an integer >= 1');
  if (!Number.isInteger(K) || K < c) throw new RangeError('M/M/c/K: K must be an integer >= c');
  if (!(lambda >= 0) || !(mu > 0)) throw new RangeError('M/M/c/K: rates must be positive');
  const logTerms: number[] = [0];
  let log = 0;
  for (let n = 1; n <= K; n++) {
    log += Math.log(lambda) - Math.log(mu * Math.min(n, c));
    logTerms.push(log);
  }
  const max = Math.max(...logTerms);
  const raw = logTerms.map((v) => Math.exp(v - max));
  const total = raw.reduce((s, v) => s + v, 0);
  const probabilities = raw.map((v) => v / total);
  let L = 0;
  let Lq = 0;
  let busy = 0;
  probabilities.forEach((p, n) => {
    L += n * p;
    Lq += Math.max(0, n - c) * p;
    busy += Math.min(n, c) * p;
  });
  const blocking = probabilities[K] ?? 0;
  const admittedRate = lambda * (1 - blocking);
  const W = admittedRate > 0 ? L / admittedRate : 1 / mu;
  const Wq = admittedRate > 0 ? Lq / admittedRate : 0;
  return { rho: busy / c, L, Lq, W, Wq, blocking, admittedRate, probabilities };
}

/** M/M/1/K: one server, at most K in the system (K - 1 waiting). */
export function mm1k(lambda: number, mu: number, K: number): FiniteStation {
  return mmck(lambda, mu, 1, K);
}
