/** Textbook queueing formulas the engine is held to. Times in seconds unless named …Ms. */

/** Erlang C: probability an arrival waits in M/M/c with offered load a = λ/μ. */
export function erlangC(c: number, a: number): number {
  const rho = a / c;
  let term = 1;
  let sum = 1; // k = 0
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - rho); // a^c / c! / (1 - ρ)
  return last / (sum + last);
}

/** Erlang B: blocking probability of c servers with no waiting room, offered load a. */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** M/M/1/K (K in the system): blocking probability. */
export function mm1kBlocking(rho: number, K: number): number {
  return ((1 - rho) * Math.pow(rho, K)) / (1 - Math.pow(rho, K + 1));
}

/** Pollaczek-Khinchine mean wait in queue for M/G/1: λ E[S²] / (2 (1 - ρ)). */
export function pkWait(lambda: number, meanS: number, cv: number): number {
  const es2 = meanS * meanS * (1 + cv * cv);
  return (lambda * es2) / (2 * (1 - lambda * meanS));
}

/** Exact MVA: N users with think time Z against one FCFS exponential station of mean S. */
export function mvaOneStation(N: number, S: number, Z: number): { R: number; X: number } {
  let Q = 0;
  let R = 0;
  let X = 0;
  for (let n = 1; n <= N; n++) {
    R = S * (1 + Q);
    X = n / (R + Z);
    Q = X * R;
  }
  return { R, X };
}

/** Che's approximation of an LRU cache's hit ratio for independent requests with shares p. */
export function cheLruHitRatio(p: Float64Array, capacity: number): number {
  const occupancy = (t: number): number => {
    let s = 0;
    for (let i = 0; i < p.length; i++) s += 1 - Math.exp(-p[i]! * t);
    return s;
  };
  // Characteristic time t_C: the occupancy equals the capacity (bisection, monotone in t).
  let lo = 0;
  let hi = 1;
  while (occupancy(hi) < capacity) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (occupancy(mid) < capacity) lo = mid;
    else hi = mid;
  }
  let h = 0;
  for (let i = 0; i < p.length; i++) h += p[i]! * (1 - Math.exp(-p[i]! * lo));
  return h;
}
