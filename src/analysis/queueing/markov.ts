/**
 * Markovian single stations: Poisson arrivals at rate `lambda`, exponential service at rate `mu`
 * per server. Any consistent time unit works: give `lambda` and `mu` per millisecond and every
 * time comes back in milliseconds (rps / 1000 per ms; a mean service time of m ms is mu = 1/m).
 *
 * Notation (Kleinrock; Harchol-Balter, "Performance Modeling and Design of Computer Systems"):
 * rho = utilization, L = mean number in system, Lq = mean number waiting, W = mean time in
 * system (sojourn), Wq = mean wait before service.
 */

export interface StationMeans {
  /** Utilization per server, 0..1 (for a loss or finite system: of the admitted traffic). */
  rho: number;
  L: number;
  Lq: number;
  W: number;
  Wq: number;
}

function assertStable(lambda: number, capacity: number, what: string): void {
  if (!(lambda >= 0) || !(capacity > 0)) throw new RangeError(`${what}: rates must be positive`);
  if (lambda >= capacity) {
    throw new RangeError(
      `${what}: unstable (arrival rate ${lambda} >= service capacity ${capacity})`,
    );
  }
}

/** M/M/1 means. Throws when lambda >= mu (the queue grows without bound). */
export function mm1(lambda: number, mu: number): StationMeans {
  assertStable(lambda, mu, 'M/M/1');
  const rho = lambda / mu;
  const W = 1 / (mu - lambda);
  const Wq = rho / (mu - lambda);
  return { rho, L: rho / (1 - rho), Lq: (rho * rho) / (1 - rho), W, Wq };
}

/** M/M/1: P(sojourn > t). The sojourn time is exponential with rate mu - lambda. */
export function mm1SojournTail(lambda: number, mu: number, t: number): number {
  assertStable(lambda, mu, 'M/M/1');
  return Math.exp(-(mu - lambda) * Math.max(0, t));
}

/** M/M/1: the p-quantile (0 < p < 1) of the sojourn time, e.g. p = 0.99 for the p99. */
export function mm1SojournPercentile(lambda: number, mu: number, p: number): number {
  assertStable(lambda, mu, 'M/M/1');
  return -Math.log(1 - p) / (mu - lambda);
}

/**
 * Erlang B: the blocking probability of M/M/c/c (c servers, no waiting room) with offered load
 * `a` = lambda / mu erlangs. Uses the recursion B(0) = 1, B(k) = a·B(k-1) / (k + a·B(k-1)),
 * which never forms a^c or c! and so stays exact for thousands of servers.
 */
export function erlangB(c: number, a: number): number {
  if (!Number.isInteger(c) || c < 0) throw new RangeError('Erlang B: c must be an integer >= 0');
  if (a < 0) throw new RangeError('Erlang B: offered load must be >= 0');
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang loss system M/M/c/c: blocking, carried load, and mean busy servers (= L). */
export function erlangLoss(
  c: number,
  lambda: number,
  mu: number,
): { blocking: number; carriedRate: number; L: number; rho: number; W: number } {
  const a = lambda / mu;
  const blocking = erlangB(c, a);
  const L = a * (1 - blocking);
  return { blocking, carriedRate: lambda * (1 - blocking), L, rho: L / c, W: 1 / mu };
}

/** Erlang C: probability that an arrival to M/M/c must wait (all c servers busy). */
export function erlangC(c: number, a: number): number {
  const rho = a / c;
  if (rho >= 1) return 1;
  const b = erlangB(c, a);
  return b / (1 - rho * (1 - b));
}

/** M/M/c means, plus the probability of waiting. Throws when lambda >= c·mu. */
export function mmc(lambda: number, mu: number, c: number): StationMeans & { pWait: number } {
  assertStable(lambda, c * mu, `M/M/${c}`);
  const a = lambda / mu;
  const pWait = erlangC(c, a);
  const Wq = pWait / (c * mu - lambda);
  const W = Wq + 1 / mu;
  return { rho: a / c, L: lambda * W, Lq: lambda * Wq, W, Wq, pWait };
}

/** M/M/c: P(wait > t) = C(c, a)·exp(-(c·mu - lambda)·t) (FCFS). */
export function mmcWaitTail(lambda: number, mu: number, c: number, t: number): number {
  assertStable(lambda, c * mu, `M/M/${c}`);
  return erlangC(c, lambda / mu) * Math.exp(-(c * mu - lambda) * Math.max(0, t));
}

/** M/M/c: the p-quantile of the wait before service (closed form; 0 when P(wait) <= 1 - p). */
export function mmcWaitPercentile(lambda: number, mu: number, c: number, p: number): number {
  assertStable(lambda, c * mu, `M/M/${c}`);
  const pWait = erlangC(c, lambda / mu);
  if (pWait <= 1 - p) return 0;
  return Math.log(pWait / (1 - p)) / (c * mu - lambda);
}

/**
 * M/M/c: P(sojourn > t). The sojourn is service S ~ Exp(mu) plus a wait that is 0 with
 * probability 1 - C and Exp(g), g = c·mu - lambda, with probability C; the convolution has a
 * closed form (with the g = mu limit handled). For c = 1 it reduces to exp(-(mu - lambda)·t).
 */
export function mmcSojournTail(lambda: number, mu: number, c: number, t: number): number {
  assertStable(lambda, c * mu, `M/M/${c}`);
  const C = erlangC(c, lambda / mu);
  const g = c * mu - lambda;
  const x = Math.max(0, t);
  const eMu = Math.exp(-mu * x);
  const sumTail =
    Math.abs(g - mu) < 1e-12 * mu
      ? (1 + mu * x) * eMu
      : (g * eMu - mu * Math.exp(-g * x)) / (g - mu);
  return (1 - C) * eMu + C * sumTail;
}

/** M/M/c: the p-quantile of the sojourn time, by bisection on the closed-form tail. */
export function mmcSojournPercentile(lambda: number, mu: number, c: number, p: number): number {
  const target = 1 - p;
  let hi = 1 / mu;
  while (mmcSojournTail(lambda, mu, c, hi) > target) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 100 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (mmcSojournTail(lambda, mu, c, mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
