/**
 * An independent check of E_k/M/c: the continuous-time Markov chain on (number in system,
 * arrival phase), truncated at `maxN`, solved by Gaussian elimination. Slow (cubic in the number
 * of states) but assumption-free; small cases only.
 */
export function ekmcByChain(
  lambda: number,
  k: number,
  mu: number,
  c: number,
  maxN = 120,
): { pWait: number; Lq: number; Wq: number } {
  const theta = k * lambda;
  const size = (maxN + 1) * k;
  const at = (n: number, phase: number) => n * k + phase;
  // Q^T π = 0 with one equation replaced by Σπ = 1; rows of `a` are equations.
  const a = Array.from({ length: size }, () => new Float64Array(size + 1));
  const add = (from: number, to: number, rate: number) => {
    a[to]![from]! += rate;
    a[from]![from]! -= rate;
  };
  for (let n = 0; n <= maxN; n++) {
    for (let p = 0; p < k; p++) {
      if (p < k - 1) add(at(n, p), at(n, p + 1), theta);
      else if (n < maxN) add(at(n, p), at(n + 1, 0), theta);
      else add(at(n, p), at(n, 0), theta); // arrivals to a full truncation are lost
      if (n > 0) add(at(n, p), at(n - 1, p), Math.min(n, c) * mu);
    }
  }
  a[0]!.fill(1);
  for (let i = 1; i < size; i++) a[i]![size] = 0;
  a[0]![size] = 1;
  for (let col = 0; col < size; col++) {
    let piv = col;
    for (let r = col + 1; r < size; r++)
      if (Math.abs(a[r]![col]!) > Math.abs(a[piv]![col]!)) piv = r;
    [a[col], a[piv]] = [a[piv]!, a[col]!];
    const pr = a[col]!;
    for (let r = 0; r < size; r++) {
      if (r === col) continue;
      const row = a[r]!;
      const f = row[col]! / pr[col]!;
      if (f === 0) continue;
      for (let j = col; j <= size; j++) row[j]! -= f * pr[j]!;
    }
  }
  const pi = Array.from({ length: size }, (_, i) => a[i]![size]! / a[i]![i]!);
  let arrivals = 0;
  let waiting = 0;
  let Lq = 0;
  for (let n = 0; n <= maxN; n++) {
    const last = pi[at(n, k - 1)]!;
    arrivals += last;
    if (n >= c) waiting += last;
    for (let p = 0; p < k; p++) Lq += pi[at(n, p)]! * Math.max(0, n - c);
  }
  return { pWait: waiting / arrivals, Lq, Wq: Lq / lambda };
}
