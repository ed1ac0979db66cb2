/**
 * A station whose service rate depends on the number present: Poisson arrivals at `lambda`,
 * and with n present, departures at rate μ_n. It is a birth-death chain, whose stationary
 * distribution is the product form π_n = π_0 · Π_{k=1..n} λ / μ_k (Kleinrock, "Queueing
 * Systems" vol. 1, §3.1; Harchol-Balter ch. 15). With `capacity` N the chain stops at N and
 * π_N is the share of arrivals refused. Unbounded, it is stable only when λ is below the
 * departure rate the chain settles to for large n (`muLimit`); otherwise the number present
 * grows without bound (for a load-dependent service: a collapse that outlives its cause).
 */

export interface BirthDeathMeans {
  /** Mean number present, mean number waiting, mean busy servers. */
  L: number;
  Lq: number;
  busy: number;
  /** Mean time present (Little's law over the admitted rate), in the unit of 1/lambda. */
  W: number;
  /** Share of arrivals refused (finite capacity), else 0. */
  blocking: number;
}

/** Below this a term of the distribution no longer moves any mean. */
const NEGLIGIBLE = 1e-16;
const MAX_STATES = 1_000_000;

/**
 * The means of the chain with arrival rate `lambda` and departure rate `mu(n)` when n ≥ 1 are
 * present, of which `servers` serve at once; null when it is unstable. `muLimit`: the rate μ_n
 * reaches for large n (the chain is summed until its terms are negligible there).
 */
export function birthDeath(
  lambda: number,
  mu: (n: number) => number,
  servers: number,
  muLimit: number,
  capacity = Infinity,
): BirthDeathMeans | null {
  if (capacity === Infinity && !(lambda < muLimit)) return null;
  let term = 1; // π_n / π_0
  let sum = 1;
  let sumN = 0;
  let sumQ = 0;
  let sumBusy = 0;
  let last = 1;
  for (let n = 1; n <= capacity && n <= MAX_STATES; n++) {
    term *= lambda / mu(n);
    sum += term;
    sumN += n * term;
    sumQ += Math.max(0, n - servers) * term;
    sumBusy += Math.min(n, servers) * term;
    last = term;
    if (
      capacity === Infinity &&
      n > servers &&
      term < NEGLIGIBLE * sum &&
      mu(n) <= muLimit * 1.000001
    )
      break;
  }
  const blocking = capacity === Infinity ? 0 : last / sum;
  const L = sumN / sum;
  return { L, Lq: sumQ / sum, busy: sumBusy / sum, W: L / (lambda * (1 - blocking)), blocking };
}
