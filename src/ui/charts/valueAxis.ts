/**
 * The y axis of a chart: round ticks on a linear or a log scale, labelled in one unit chosen for
 * the whole axis by what the figures are: times in ms, s or min ("0, 0.5 s, 1 s", never
 * "1200 ms"), ratios as percentages, anything else compact (1.2k) with its unit named once.
 */

import { formatCompact, formatDuration, formatPercent } from '../run/format.ts';

export interface ValueAxis {
  /** Domain of the plot, bottom to top (on a log axis: both > 0). */
  min: number;
  max: number;
  log: boolean;
  ticks: Array<{ v: number; label: string }>;
  /** The unit written once at the top of the axis ('' when the tick labels carry it). */
  unitLabel: string;
}

/** What a chart's values are, for the axis and the readouts. */
export interface ValueKind {
  /** 'ms' for times; '' with `ratio` for shares; else the unit's name ('req/s', 'requests'). */
  unit: string;
  ratio?: boolean;
}

const trim = (x: number, digits = 2) => String(Number(x.toFixed(digits)));

/** Times given in ms, in the unit that reads best at magnitude `scale` (the axis top). */
function timeUnit(scale: number): [number, string] {
  if (scale >= 120_000) return [60_000, ' min'];
  if (scale >= 1000) return [1000, ' s'];
  if (scale >= 1) return [1, ' ms'];
  return [0.001, ' µs'];
}

/** One value as the rest of the page writes it: 850 µs, 1.2 s, 17.3 %, 1.5k req/s. */
export function formatValue(v: number, kind: ValueKind): string {
  if (kind.ratio) return formatPercent(v);
  if (kind.unit === 'ms') return formatDuration(v);
  const n = formatCompact(v);
  return kind.unit === '' || !Number.isFinite(v) ? n : `${n} ${kind.unit}`;
}

/** The tick labeller of a whole axis: one unit for every tick, chosen by the largest. */
function labeller(kind: ValueKind, top: number, log: boolean): (v: number) => string {
  if (kind.ratio) return (v) => `${trim(v * 100, 1)} %`;
  if (kind.unit === 'ms') {
    // Round ticks read round: "1 s", not "1.0 s"; on a log axis each tick in its own unit.
    const inUnit = (v: number, [size, name]: [number, string]) => `${trim(v / size, 3)}${name}`;
    if (log) return (v) => inUnit(v, timeUnit(v));
    const unit = timeUnit(top);
    return (v) => (v === 0 ? '0' : inUnit(v, unit));
  }
  return (v) => formatCompact(v);
}

/** 1, 2, 2.5 or 5 × a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const m = [1, 2, 2.5, 5, 10].find((k) => k * pow >= raw * (1 - 1e-9)) ?? 10;
  return m * pow;
}

/** A time step that is round in the unit the axis shows: 250 ms, 0.5 s, 30 s, 2 min. */
function niceTimeStep(raw: number): number {
  const [size] = timeUnit(raw * 4);
  return niceStep(raw / size) * size;
}

const LINEAR_TICKS = 4;

function linearAxis(values: readonly number[], kind: ValueKind, fixedMax?: number): ValueAxis {
  let top = fixedMax ?? 0;
  if (fixedMax === undefined) for (const v of values) if (v > top) top = v;
  if (!(top > 0)) top = kind.ratio ? 1 : 1;
  const step = kind.unit === 'ms' ? niceTimeStep(top / LINEAR_TICKS) : niceStep(top / LINEAR_TICKS);
  const max = fixedMax ?? Math.ceil(top / step - 1e-9) * step;
  const label = labeller(kind, max, false);
  const ticks = [];
  for (let v = 0; v <= max * (1 + 1e-9); v += step) ticks.push({ v, label: label(v) });
  return { min: 0, max, log: false, ticks, unitLabel: unitLabel(kind) };
}

function logAxis(values: readonly number[], kind: ValueKind): ValueAxis {
  let lo = Infinity;
  let hi = 0;
  for (const v of values)
    if (v > 0) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  if (!(hi > 0)) return linearAxis([], kind);
  let min = 10 ** Math.floor(Math.log10(lo) + 1e-9);
  let max = 10 ** Math.ceil(Math.log10(hi) - 1e-9);
  if (max <= min) max = min * 10;
  const decades = Math.round(Math.log10(max / min));
  // Few decades: 1-2-5 ticks as well, so a 12-55 ms range is not one tick at each end.
  const steps = decades <= 2 ? [1, 2, 5] : [1];
  const label = labeller(kind, max, true);
  const ticks = [];
  for (let d = min; d <= max * (1 + 1e-9); d *= 10)
    for (const m of steps)
      if (d * m <= max * (1 + 1e-9)) ticks.push({ v: d * m, label: label(d * m) });
  // Trim empty decades at the ends only when 1-2-5 ticks leave some on either side.
  // (Values all on one tick, e.g. a constant 20 ms, keep the whole decade: a span of 0 is none.)
  const below = ticks.filter((t) => t.v <= lo).at(-1)?.v ?? min;
  const above = ticks.find((t) => t.v >= hi)?.v ?? max;
  if (decades === 1 && ticks.length > 3 && above > below) [min, max] = [below, above];
  return {
    min,
    max,
    log: true,
    ticks: ticks.filter((t) => t.v >= min && t.v <= max),
    unitLabel: unitLabel(kind),
  };
}

/** Written once at the top of the axis when the ticks do not say it already. */
function unitLabel(kind: ValueKind): string {
  return kind.ratio || kind.unit === 'ms' ? '' : kind.unit;
}

export function valueAxis(
  values: readonly number[],
  kind: ValueKind,
  opts: { log?: boolean; max?: number } = {},
): ValueAxis {
  return opts.log ? logAxis(values, kind) : linearAxis(values, kind, opts.max);
}

/** Where a value sits on the axis, 0 (bottom) to 1 (top), clamped. */
export function axisFraction(axis: ValueAxis, v: number): number {
  const f = axis.log
    ? (Math.log10(v) - Math.log10(axis.min)) / (Math.log10(axis.max) - Math.log10(axis.min))
    : (v - axis.min) / (axis.max - axis.min);
  // An axis with no span (never built so, but a NaN in SVG is an error the page logs): bottom.
  return Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0;
}

/** The value at fraction `f` of the axis (0 bottom, 1 top): axisFraction's inverse. */
export function axisValue(axis: ValueAxis, f: number): number {
  if (!axis.log) return axis.min + f * (axis.max - axis.min);
  const lo = Math.log10(axis.min);
  return 10 ** (lo + f * (Math.log10(axis.max) - lo));
}
