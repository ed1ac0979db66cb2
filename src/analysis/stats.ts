/**
 * Small-sample statistics for replications: each seed gives one independent estimate of a
 * figure (a p99, a throughput); their mean with a Student-t 95 % confidence interval says how
 * sure the summary is.
 */

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Sample standard deviation (n - 1 in the denominator); 0 for fewer than two values. */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/** The 0.975 quantile of Student's t for df = 1..30 (standard tables, 3 decimals). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];
const Z975 = 1.959963985;

/**
 * Student-t 0.975 quantile: the table up to 30 degrees of freedom, then the Cornish-Fisher
 * expansion in 1/df (error below 1e-4 from df = 30 on).
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return NaN;
  const whole = Math.floor(df);
  const fromTable = T975[whole - 1];
  if (fromTable !== undefined) return fromTable;
  const z = Z975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * whole) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * whole ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * whole ** 3)
  );
}

/** Half-width of the 95 % confidence interval of the mean: t(0.975, n-1)·sd/√n. */
export function ciHalfWidth95(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  return (tQuantile975(xs.length - 1) * sampleSd(xs)) / Math.sqrt(xs.length);
}

export interface Estimate {
  mean: number;
  sd: number;
  /** 95 % CI half-width (NaN with fewer than two values). */
  halfWidth: number;
  /** halfWidth / |mean|: 0.05 means "within ±5 %". */
  relativePrecision: number;
  n: number;
}

export function estimate(xs: readonly number[]): Estimate {
  const m = mean(xs);
  const halfWidth = ciHalfWidth95(xs);
  return {
    mean: m,
    sd: sampleSd(xs),
    halfWidth,
    relativePrecision: m === 0 ? (halfWidth === 0 ? 0 : Infinity) : halfWidth / Math.abs(m),
    n: xs.length,
  };
}

/** A verdict on a relative precision, in plain words. */
export function precisionWord(relativePrecision: number): string {
  if (!Number.isFinite(relativePrecision)) return 'unknown precision';
  if (relativePrecision <= 0.02) return 'tight';
  if (relativePrecision <= 0.05) return 'good';
  if (relativePrecision <= 0.15) return 'rough';
  return 'loose: run more seeds';
}

/** Significant figures, without trailing zeros; whole numbers from 1000 up. */
function round(x: number, significant: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1000) return String(Math.round(x));
  return String(Number(x.toPrecision(significant)));
}

/**
 * "p99 is 212 ms ± 9 ms (95 % CI, 8 seeds; ±4 %, good)". With one seed there is no interval,
 * and the sentence says so.
 */
export function howSure(label: string, e: Estimate, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  if (e.n >= 2 && e.sd === 0) return `${label} is ${round(e.mean, 3)}${u} in all ${e.n} seeds`;
  if (e.n < 2 || !Number.isFinite(e.halfWidth)) {
    return `${label} is ${round(e.mean, 3)}${u} (1 seed: no confidence interval)`;
  }
  const pct = Number.isFinite(e.relativePrecision)
    ? `±${(e.relativePrecision * 100).toFixed(e.relativePrecision < 0.01 ? 1 : 0)} %`
    : '±∞';
  // The mean is shown to the precision of its interval (the half-width to 2 significant figures).
  const hw = round(e.halfWidth, 2);
  const decimals = hw.includes('.') ? (hw.split('.')[1] ?? '').length : 0;
  return (
    `${label} is ${hw.includes('e') ? round(e.mean, 3) : e.mean.toFixed(decimals)}${u} ± ${hw}${u} ` +
    `(95 % CI, ${e.n} seeds; ${pct}, ${precisionWord(e.relativePrecision)})`
  );
}
