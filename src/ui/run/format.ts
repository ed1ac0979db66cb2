/**
 * How figures read as text, everywhere: the run controls and summary, the canvas chips, the
 * charts, the run report, the analysis panels and the terminal. Times in the unit that fits
 * (850 µs, 12.3 ms, 1.2 s, 80 s, 4.5 min), rates compact (850 rps, 1.2k rps), ratios as
 * percentages, counts with thousands separators. A value that is not a finite number reads "–".
 */

const NONE = '–';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Three significant figures, without trailing zeros: 12.3, 1.5, 0.0042, 850. */
function sig3(x: number): string {
  return String(Number(x.toPrecision(3)));
}

/** A count with thousands separators: 12,345 (rounded to a whole number). */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? grouped.format(n) : NONE;
}

/** A plain number: three significant figures below 1,000, whole and grouped from there. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NONE;
  if (Math.abs(x) >= 1000) return formatCount(x);
  return x === 0 ? '0' : sig3(x);
}

/** Up to this many seconds a duration reads in whole seconds ("80 s"); beyond, in minutes. */
const SECONDS_UP_TO = 120;

/**
 * A duration given in milliseconds, in the unit that fits: 850 µs, 12.3 ms, 1.48 s, 80 s. Below
 * 10 s it keeps three significant figures, as the lessons quote them (an RPO of 1,478 ms reads
 * 1.48 s, not 1.5 s).
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return NONE;
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms === 0) return '0 ms';
  if (ms < 1) {
    const us = Number((ms * 1000).toPrecision(3));
    return us < 1000 ? `${us} µs` : '1 ms';
  }
  if (Number(ms.toPrecision(3)) < 1000) return `${sig3(ms)} ms`;
  const s = ms / 1000;
  if (Number(s.toPrecision(3)) < 10) return `${sig3(s)} s`;
  if (Math.round(s) <= SECONDS_UP_TO) return `${Math.round(s)} s`;
  const min = s / 60;
  if (min < 120) return `${Number(min.toFixed(min < 10 ? 1 : 0))} min`;
  const h = min / 60;
  return `${Number(h.toFixed(h < 10 ? 1 : 0))} h`;
}

/** The simulated clock, given in seconds: 12.3 s, 4 min 5 s, 2 h 10 min. */
export function formatSimTime(s: number): string {
  if (!Number.isFinite(s)) return NONE;
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    return `${m} min ${Math.floor(s - m * 60)} s`;
  }
  const h = Math.floor(s / 3600);
  return `${h} h ${Math.floor((s - h * 3600) / 60)} min`;
}

const SCALES = [
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
] as const;

/** A number in compact form: 850, 12.5, 1.2k, 3.4M (three significant figures at most). */
export function formatCompact(x: number): string {
  if (!Number.isFinite(x)) return NONE;
  const abs = Math.abs(x);
  for (const [scale, suffix] of SCALES) {
    // 999,950 reads 1M, not 1000k: scale by the rounded value.
    if (Number(abs.toPrecision(3)) >= scale) return `${sig3(x / scale)}${suffix}`;
  }
  return x === 0 ? '0' : sig3(x);
}

/** A rate per second: 850 rps, 1.2k rps, 0.5 rps (`unit` names what is counted). */
export function formatRate(perS: number, unit = 'rps'): string {
  return Number.isFinite(perS) ? `${formatCompact(perS)} ${unit}` : NONE;
}

/** A ratio 0..1 as a percentage: 93.4 %, 0.12 % (two decimals below 10 %), 100 %. */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return NONE;
  if (ratio === 0 || ratio === 1) return `${ratio * 100} %`;
  return `${(ratio * 100).toFixed(percentDecimals(ratio))} %`;
}

/**
 * Two decimals below 10 %; near 100 % enough for the gap to 100 % to keep two digits, up to
 * four, so 99.55 % and 99.95 % availability (2.3 and 3.3 nines) do not both read 99.6 % or 100 %.
 */
function percentDecimals(ratio: number): number {
  if (Math.abs(ratio) < 0.1) return 2;
  if (ratio < 0.99) return 1;
  return Math.min(4, Math.max(1, Math.ceil(-Math.log10((1 - ratio) * 100)) + 1));
}

/** Goodput counts as different from ok throughput beyond this share (and 0.5 req/s). */
const GOODPUT_GAP = 0.005;

/** Whether goodput is worth showing beside throughput: some answers were late or degraded. */
export function goodputDiffers(okRps: number, goodputRps: number): boolean {
  return okRps - goodputRps > Math.max(0.5, okRps * GOODPUT_GAP);
}

/**
 * A number to its last digit, the way the headless JSON writes it, with thousands separators:
 * 79,942.1234. For reports that must equal `npm run sim -- FILE --json`.
 */
export function formatExact(x: number): string {
  if (!Number.isFinite(x)) return NONE;
  const text = String(x);
  if (/e/i.test(text)) return text;
  const [whole = '', fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const groupedWhole = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${groupedWhole}${fraction === undefined ? '' : `.${fraction}`}`;
}
