/**
 * Param sweeps: the same design with one or two numeric params stepped over a range (replicas,
 * workers, a cache's capacity, a timeout, a retry count, a rate…), each point run under the same
 * seeds (common random numbers: the points differ by the design, not by the dice). The limits
 * of each param are its schema's (paramPath.ts); a range reaching outside them is refused.
 */
import type { SimulationOptions } from '../engine/types.ts';
import type { Scenario } from '../model/types.ts';
import { outOfBounds, paramInfo, withParams, type ParamInfo } from './paramPath.ts';
import { replicationSeeds } from './replications.ts';
import type { RunJob } from './run.ts';

export interface ParamAxis {
  path: string;
  from: number;
  to: number;
  step: number;
}

export interface PlannedAxis extends ParamAxis {
  info: ParamInfo;
  values: number[];
}

export interface ParamSweepPoint {
  /** One value per axis, in the axes' order. */
  values: number[];
  doc: Scenario;
}

export interface ParamSweepPlan {
  axes: PlannedAxis[];
  points: ParamSweepPoint[];
  seeds: number[];
}

/** More would take minutes in a browser and says nothing a coarser grid does not. */
export const MAX_SWEEP_POINTS = 400;
export const MAX_SWEEP_AXES = 2;

/** The values FROM, FROM+STEP, … up to TO, each checked against the param's limits. */
export function axisValues(doc: Scenario, axis: ParamAxis): { info: ParamInfo; values: number[] } {
  const info = paramInfo(doc, axis.path);
  const { from, to, step } = axis;
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(step > 0) || to < from)
    throw new RangeError(`${axis.path}: need FROM <= TO and STEP > 0 (got ${from}:${to}:${step})`);
  for (const v of [from, to]) {
    const why = outOfBounds(info.bounds, v);
    if (why) throw new RangeError(`${axis.path}: ${why}, got ${v}`);
  }
  if (info.bounds.integer && !Number.isInteger(step))
    throw new RangeError(`${axis.path}: an integer param takes a whole STEP, got ${step}`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_SWEEP_POINTS)
    throw new RangeError(`${axis.path}: ${count} values, at most ${MAX_SWEEP_POINTS}`);
  // Rounded to the step's own decimals, so 0.1 + 0.2 reads 0.3.
  const values = Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(9)));
  return { info, values };
}

export function planParamSweep(
  doc: Scenario,
  axes: readonly ParamAxis[],
  seedCount = 1,
  firstSeed = doc.seed,
): ParamSweepPlan {
  if (axes.length < 1 || axes.length > MAX_SWEEP_AXES)
    throw new RangeError(`sweep: one or two params, got ${axes.length}`);
  if (axes.length === 2 && axes[0]!.path === axes[1]!.path)
    throw new RangeError(`sweep: ${axes[0]!.path} is given twice`);
  const planned = axes.map((a) => ({ ...a, ...axisValues(doc, a) }));
  const grid = planned.reduce<number[][]>(
    (rows, a) => rows.flatMap((r) => a.values.map((v) => [...r, v])),
    [[]],
  );
  if (grid.length > MAX_SWEEP_POINTS)
    throw new RangeError(`sweep: ${grid.length} points, at most ${MAX_SWEEP_POINTS}`);
  const points = grid.map((values) => ({
    values,
    doc: withParams(
      doc,
      values.map((v, i) => [planned[i]!.path, v]),
    ),
  }));
  return { axes: planned, points, seeds: replicationSeeds(firstSeed, seedCount) };
}

/** Every point under every seed: point-major, so job i·seeds + s is point i, seed s. */
export function paramSweepJobs(plan: ParamSweepPlan, opts: SimulationOptions = {}): RunJob[] {
  return plan.points.flatMap((p) =>
    plan.seeds.map((seed) => ({ doc: p.doc, opts: { ...opts, seed } })),
  );
}

/** `nodes.api.params.replicas=1:6:1` → an axis. */
export function parseAxis(text: string): ParamAxis {
  const eq = text.lastIndexOf('=');
  const range =
    eq > 0
      ? text
          .slice(eq + 1)
          .split(':')
          .map(Number)
      : [];
  const [from, to, step] = range;
  if (eq <= 0 || range.length !== 3 || range.some((x) => !Number.isFinite(x)))
    throw new RangeError(
      `--sweep-param: expected PATH=FROM:TO:STEP, e.g. nodes.api.params.replicas=1:6:1 (got "${text}")`,
    );
  return { path: text.slice(0, eq), from: from!, to: to!, step: step! };
}
