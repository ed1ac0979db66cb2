/**
 * Compare two designs, A and B, on the same seeded traffic. The engine draws each client's
 * arrivals from its own seeded stream, so the same seed gives A and B the same arrivals (the
 * tests check it); the differences are the design's, not the dice's.
 */
import type { SimResult, SimulationOptions } from '../engine/types.ts';
import type { PriceTable } from '../model/kinds/pricing.ts';
import type { Scenario } from '../model/types.ts';
import { designCost, type Cost } from './cost.ts';
import { goodputRps } from './figures.ts';
import type { RunScenario } from './replications.ts';

export interface Delta {
  a: number;
  b: number;
  /** b - a */
  delta: number;
  /** (b - a) / |a|; null when a is 0. */
  relative: number | null;
}

const delta = (a: number, b: number): Delta => ({
  a,
  b,
  delta: b - a,
  relative: a === 0 ? null : (b - a) / Math.abs(a),
});

export interface Comparison {
  seed: { a: number; b: number; same: boolean };
  p50Ms: Delta;
  p99Ms: Delta;
  meanMs: Delta;
  throughputRps: Delta;
  goodputRps: Delta;
  errorRate: Delta;
  costPerHour: Delta;
  costPerMillionRequests: Delta | null;
  cost: { a: Cost; b: Cost };
  /** Plain sentences: p99, p50, throughput, error rate, cost (a fixed order, for display). */
  summary: string[];
}

function sentence(
  name: string,
  d: Delta,
  unit: string,
  lowerIsBetter: boolean,
  digits = 1,
): string {
  const dir = d.delta === 0 ? 'unchanged' : d.delta < 0 === lowerIsBetter ? 'better' : 'worse';
  const rel =
    d.relative === null ? '' : ` (${d.relative >= 0 ? '+' : ''}${(d.relative * 100).toFixed(0)} %)`;
  const f = (x: number): string => x.toFixed(digits);
  return `${name}: ${f(d.a)}${unit} → ${f(d.b)}${unit}${rel}, ${dir}`;
}

export function compareRuns(
  a: { doc: Scenario; result: SimResult },
  b: { doc: Scenario; result: SimResult },
  prices: PriceTable = {},
): Comparison {
  const ra = a.result;
  const rb = b.result;
  const cost = { a: designCost(a.doc, ra, prices), b: designCost(b.doc, rb, prices) };
  const pm =
    cost.a.perMillionRequests !== null && cost.b.perMillionRequests !== null
      ? delta(cost.a.perMillionRequests, cost.b.perMillionRequests)
      : null;
  const c: Omit<Comparison, 'summary'> = {
    seed: { a: ra.seed, b: rb.seed, same: ra.seed === rb.seed },
    p50Ms: delta(ra.latencyMs.p50, rb.latencyMs.p50),
    p99Ms: delta(ra.latencyMs.p99, rb.latencyMs.p99),
    meanMs: delta(ra.latencyMs.mean, rb.latencyMs.mean),
    throughputRps: delta(ra.throughputRps, rb.throughputRps),
    goodputRps: delta(goodputRps(ra), goodputRps(rb)),
    errorRate: delta(ra.errorRate, rb.errorRate),
    costPerHour: delta(cost.a.perHour, cost.b.perHour),
    costPerMillionRequests: pm,
    cost,
  };
  const pct = (d: Delta): Delta => ({ ...d, a: d.a * 100, b: d.b * 100, delta: d.delta * 100 });
  const summary = [
    sentence('p99', c.p99Ms, ' ms', true),
    sentence('p50', c.p50Ms, ' ms', true),
    sentence('throughput', c.throughputRps, ' rps', false),
    sentence('error rate', pct(c.errorRate), ' %', true, 2),
    sentence('cost', c.costPerHour, ' $/h', true, 3),
  ];
  if (!c.seed.same)
    summary.push(`warning: different seeds (${ra.seed} vs ${rb.seed}): the traffic differs too`);
  return { ...c, summary };
}

/** Runs A and B with the same seed and compares them. */
export function runCompare(
  docA: Scenario,
  docB: Scenario,
  run: RunScenario,
  opts: SimulationOptions = {},
): Comparison {
  const seed = opts.seed ?? docA.seed;
  return compareRuns(
    { doc: docA, result: run(docA, { ...opts, seed }) },
    { doc: docB, result: run(docB, { ...opts, seed }) },
  );
}
