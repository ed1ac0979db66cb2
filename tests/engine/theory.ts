/**
 * The textbook formulas the engine is held to, in the shapes the engine tests use. The formulas
 * themselves live once, in src/analysis/queueing (tested there against published values); this
 * file only adapts their signatures. Times in seconds unless named …Ms.
 */
import {
  cheLruHitRatio as cheLru,
  erlangB,
  erlangC,
  mg1,
  mm1k,
  mva,
} from '../../src/analysis/queueing.ts';

export { erlangB, erlangC };

/** M/M/1/K (K in the system): blocking probability at load rho. */
export function mm1kBlocking(rho: number, K: number): number {
  return mm1k(rho, 1, K).blocking;
}

/** Pollaczek-Khinchine mean wait in queue for M/G/1 with service mean meanS and CV cv. */
export function pkWait(lambda: number, meanS: number, cv: number): number {
  return mg1(lambda, meanS, cv * cv).Wq;
}

/** Exact MVA: N users with think time Z against one FCFS exponential station of mean S. */
export function mvaOneStation(N: number, S: number, Z: number): { R: number; X: number } {
  const r = mva(N, Z, [{ demand: S }]);
  return { R: r.responseTime, X: r.throughput };
}

/** Che's approximation of an LRU cache's hit ratio for independent requests with shares p. */
export function cheLruHitRatio(p: Float64Array, capacity: number): number {
  return cheLru(Array.from(p), capacity);
}
