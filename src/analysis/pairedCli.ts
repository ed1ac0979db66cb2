/**
 * `sim A.json --compare B.json --replications N`: A and B run under the same N seeds (common
 * random numbers: each client draws its arrivals from its own seeded stream, so both designs
 * see the same traffic), and each figure's mean difference B − A comes with its paired 95 %
 * interval, the unpaired (Welch) one over the same runs beside it, and a verdict in words.
 */
import { inThread, simOptions, withDuration, type CliRunOptions } from './cli.ts';
import { pairedComparison, type PairedComparison } from './paired.ts';
import { runPool } from './pool.ts';
import { replicationJobs } from './run.ts';
import type { Scenario } from '../model/types.ts';

/** Seeds when `--replications` is not given: enough for a t interval to mean something. */
export const DEFAULT_COMPARE_SEEDS = 5;

export interface PairedReport extends PairedComparison {
  kind: 'compare';
  a: string;
  b: string;
  durationS: number;
  workers: number;
  wallMs: number;
}

export async function runPairedCli(
  docA: Scenario,
  docB: Scenario,
  seeds: number,
  o: CliRunOptions,
): Promise<PairedReport> {
  const started = performance.now();
  const runners = o.runners ?? [inThread];
  const a = withDuration(docA, o.durationS);
  const b = withDuration(docB, o.durationS);
  // A's seeds for both: B's own `seed` field must not give it other traffic.
  const opts = { ...simOptions(o), seed: o.seed ?? a.seed };
  const jobs = [...replicationJobs(a, seeds, opts), ...replicationJobs(b, seeds, opts)];
  const results = await runPool(jobs, runners, o.onProgress ? { onProgress: o.onProgress } : {});
  return {
    kind: 'compare',
    a: docA.name,
    b: docB.name,
    durationS: a.durationS,
    workers: runners.length,
    wallMs: Math.round(performance.now() - started),
    ...pairedComparison(a, b, results.slice(0, seeds), results.slice(seeds)),
  };
}

/** Four significant digits; rounding noise (a cost's 1e-17 spread) reads 0. */
const num = (x: number): string =>
  !Number.isFinite(x) ? '—' : Math.abs(x) < 1e-9 ? '0' : String(Number(x.toPrecision(4)));

export function formatPairedText(r: PairedReport): string {
  const rows = r.figures.map(
    (f) =>
      `  ${f.label.padEnd(12)} ${num(f.meanA).padStart(10)} ${num(f.meanB).padStart(10)} ${num(f.delta).padStart(10)} ± ${num(f.halfWidth).padEnd(8)} (unpaired ± ${num(f.unpairedHalfWidth)})  ${f.verdict}`,
  );
  return [
    `compare: A "${r.a}" vs B "${r.b}", ${r.seeds.length} seeds (${r.seeds.join(', ')}), the same for both, ${r.durationS} s each`,
    `  ${'figure'.padEnd(12)} ${'mean A'.padStart(10)} ${'mean B'.padStart(10)} ${'B − A'.padStart(10)}   paired 95 %`,
    ...rows,
    ...r.figures.filter((f) => f.significant).map((f) => `${f.sentence}.`),
    r.figures.some((f) => f.significant) ? '' : 'no significant difference at 95 %.',
  ]
    .filter((l) => l !== '')
    .join('\n');
}
