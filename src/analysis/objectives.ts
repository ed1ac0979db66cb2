/**
 * Grading: each objective met or missed by a run, with the measured figure and the margin.
 * `grade(objectives, result, doc)` reads only the run's results (and the document, for the cost
 * and the run's length), so it grades any result: a single run, a sweep's points, a replication.
 */
import type { GradedObjective } from '../engine/objectives/types.ts';
import type { SimResult } from '../engine/types.ts';
import { marginOf } from '../model/objectives.ts';
import type { ClassFigures } from '../model/kinds/classes.ts';
import type { Objective, Scenario } from '../model/types.ts';
import { designCost } from './cost.ts';

export type { GradedObjective };

const round = (v: number): number => Number(v.toPrecision(6));

/** The objective's figure over the whole counted run (NaN: nothing to measure). */
export function measure(o: Objective, r: SimResult, doc?: Scenario): number {
  const node = o.node === undefined ? undefined : r.nodes[o.node];
  if (o.node !== undefined && node === undefined) return NaN;
  if (o.class !== undefined) return measureClass(o, (node ?? r).classes?.[o.class]);
  const lat = node?.latencyMs ?? r.latencyMs;
  const ok = node?.ok ?? r.requests.ok;
  const failed = node?.failed ?? r.requests.failed;
  const done = ok + failed;
  switch (o.metric) {
    case 'p50Ms':
      return ok > 0 ? lat.p50 : NaN;
    case 'p95Ms':
      return ok > 0 ? lat.p95 : NaN;
    case 'p99Ms':
      return ok > 0 ? lat.p99 : NaN;
    case 'meanMs':
      return ok > 0 ? lat.mean : NaN;
    case 'errorRate':
      return done > 0 ? failed / done : NaN;
    case 'availability':
      return done > 0 ? ok / done : NaN;
    case 'throughputRps':
      return node?.throughputRps ?? r.throughputRps;
    case 'goodputRps':
      return r.goodputRps ?? NaN;
    case 'costPerHour':
      return doc === undefined ? NaN : designCost(doc, r).perHour;
  }
}

/** One class's figure, end to end or at a node (no row: the class never reached it, NaN). */
function measureClass(o: Objective, f: ClassFigures | undefined): number {
  if (f === undefined) return NaN;
  const done = f.ok + f.failed;
  switch (o.metric) {
    case 'p50Ms':
      return f.ok > 0 ? f.latencyMs.p50 : NaN;
    case 'p95Ms':
      return f.ok > 0 ? f.latencyMs.p95 : NaN;
    case 'p99Ms':
      return f.ok > 0 ? f.latencyMs.p99 : NaN;
    case 'meanMs':
      return f.ok > 0 ? f.latencyMs.mean : NaN;
    case 'errorRate':
      return done > 0 ? f.failed / done : NaN;
    case 'availability':
      return done > 0 ? f.ok / done : NaN;
    case 'throughputRps':
      return f.throughputRps;
    case 'goodputRps':
    case 'costPerHour':
      // The schema refuses a class on these (OBJECTIVE_METRICS' perClass).
      return NaN;
  }
}

/** Every objective against the run. A `windowS` objective is graded by its worst window. */
export function grade(
  objectives: readonly Objective[],
  result: SimResult,
  doc?: Scenario,
): GradedObjective[] {
  return objectives.map((o) => {
    const worst = o.windowS === undefined ? undefined : result.objectiveWindows?.[o.id];
    const g = gradeValue(o, worst !== undefined ? (worst.value ?? NaN) : measure(o, result, doc));
    if (worst?.atS != null) g.worstAtS = worst.atS;
    return g;
  });
}

/** One objective against a value measured elsewhere (the live figures so far); NaN: none. */
export function gradeValue(o: Objective, raw: number | null): GradedObjective {
  const value = raw !== null && Number.isFinite(raw) ? round(raw) : null;
  const margin = value === null ? null : round(marginOf(o, value));
  const g: GradedObjective = {
    id: o.id,
    metric: o.metric,
    target: {
      ...(o.min !== undefined && { min: o.min }),
      ...(o.max !== undefined && { max: o.max }),
    },
    value,
    met: margin !== null && margin >= 0,
    margin,
  };
  if (o.node !== undefined) g.node = o.node;
  if (o.class !== undefined) g.class = o.class;
  if (o.windowS !== undefined) g.windowS = o.windowS;
  if (o.label !== undefined) g.label = o.label;
  return g;
}

/** True when every objective is met (and there is at least one). */
export const allMet = (graded: readonly GradedObjective[]): boolean =>
  graded.length > 0 && graded.every((g) => g.met);
