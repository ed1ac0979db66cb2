/**
 * Load-dependent service time, shared by services and databases: a request's work runs slower
 * the busier its replica is (lock contention, GC pressure, a thrashing cache). The slowdown
 * factor is read from the load *now*, all the time a request is in service, so when the load
 * changes every request in service speeds up or slows down at once (src/engine/overload/
 * loadClock.ts). The formula lives here once: the engine, the inspector's plot and the docs
 * read it from `loadFactor`.
 */
import * as z from 'zod';
import { num, oneOf } from './common.ts';
import type { ParamDescriptor } from './describe.ts';
import type { FigureDescriptor } from './figures.ts';
import { describeFields } from './schemaInfo.ts';

export const loadDependenceSchema = z.strictObject({
  on: oneOf(['inService', 'present', 'utilization']).default('inService'),
  curve: oneOf(['linear', 'polynomial', 'exponential']).default('linear'),
  coefficient: num(0, 100).default(0.1),
  exponent: num(1, 10).default(2),
  maxFactor: num(1, 1000).default(100),
});

export type LoadDependence = z.output<typeof loadDependenceSchema>;

/**
 * The load a replica's slowdown is read from: the requests in service (`inService`) or present
 * (`present`, waiting too) besides the one being served, so a lone request runs at its base
 * time; or the share of its workers busy (`utilization`, 0..1).
 */
export function loadOf(on: LoadDependence['on'], busy: number, queued: number, workers: number) {
  if (on === 'utilization') return busy / workers;
  const n = on === 'present' ? busy + queued : busy;
  return n > 1 ? n - 1 : 0;
}

/**
 * The factor service times are multiplied by at load `x`: 1 + a·x (linear), 1 + a·x^p
 * (polynomial) or e^(a·x) (exponential), at most `maxFactor`.
 */
export function loadFactor(ld: LoadDependence, x: number): number {
  const a = ld.coefficient;
  const f =
    ld.curve === 'linear'
      ? 1 + a * x
      : ld.curve === 'polynomial'
        ? 1 + a * Math.pow(x, ld.exponent)
        : Math.exp(a * x);
  return f < ld.maxFactor ? f : ld.maxFactor;
}

/** The words of the formula, for the canvas line and the theory's notes: "×(1 + 0.1·n)". */
export function loadFormula(ld: LoadDependence): string {
  const x = ld.on === 'utilization' ? 'u' : 'n';
  const a = +ld.coefficient.toPrecision(3);
  if (ld.curve === 'linear') return `1 + ${a}·${x}`;
  if (ld.curve === 'polynomial') return `1 + ${a}·${x}^${+ld.exponent.toPrecision(3)}`;
  return `e^(${a}·${x})`;
}

/** What the inspector's plot of the curve shows: the load axis, from 0 to `max`. */
export function loadAxis(ld: LoadDependence): { label: string; max: number } {
  if (ld.on === 'utilization') return { label: 'busy share u', max: 1 };
  return { label: ld.on === 'present' ? 'others present n' : 'others in service n', max: 20 };
}

const WORDS = [
  {
    key: 'on',
    label: 'Slows with',
    help: 'inService: the other requests in service at the replica; present: the others there, waiting too (memory held, GC); utilization: the share of workers busy.',
  },
  {
    key: 'curve',
    label: 'Curve',
    help: 'linear 1 + a·n, polynomial 1 + a·n^p, exponential e^(a·n): the factor service times are multiplied by.',
  },
  { key: 'coefficient', label: 'Coefficient a', help: 'How steeply service slows.', step: 0.05 },
  {
    key: 'exponent',
    label: 'Exponent p',
    help: 'The polynomial curve’s power.',
    shownWhen: { key: 'curve', is: ['polynomial'] },
  },
  {
    key: 'maxFactor',
    label: 'At most ×',
    help: 'The slowdown stops growing here (a thrashing machine still makes some progress).',
  },
];

/** The param, for a kind's `params` list: a switchable group drawn with a plot of its curve. */
export const LOAD_DEPENDENCE_PARAM: ParamDescriptor = {
  key: 'loadDependence',
  label: 'Load-dependent service time',
  help: 'Service slows as the replica gets busier (lock contention, GC pressure, a thrashing cache): every request in service runs at the factor for the load now. Off = fixed service times.',
  control: 'group',
  optional: true,
  defaults: loadDependenceSchema.parse({}),
  fields: describeFields(loadDependenceSchema, WORDS),
  plot: 'loadCurve',
};

/** The figure a node with load dependence reports: how much slower its work ran. */
export const SLOWDOWN_FIGURE = {
  key: 'slowdown',
  label: 'Slowdown',
  unit: '×',
  help: 'With load-dependent service time: the mean of (time a request’s work took) / (its base time), over work finished in the window or since warm-up.',
  nature: 'level',
  where: 'both',
  optional: true,
  chart: { group: 'slowdown', style: 'line', overview: 'varying' },
} as const satisfies FigureDescriptor;
