/**
 * `npm run bench [-- --json] [-- --tracing]`: the standard scenarios, timed (`--tracing-cost`:
 * what tracing costs, src/cli/benchTracing.ts, and by process with `--processes`, or what it
 * costs when off with `--tracer-free`, src/cli/benchTracerFree.ts; `--against REF`: this engine against another commit's,
 * src/cli/benchAgainst.ts). It runs bundled into one file by esbuild
 * (dist-bench/bench.mjs), as Vite bundles the engine for its worker, not through tsx, whose
 * compiler would hold some 50 MB of the process's memory: the peak RSS is then the engine's and
 * Node's. Reports simulated requests per
 * wall second, events per second, peak resident memory, and how much of it the run added to what
 * Node and the bundle hold before any run, peak heap (sampled between chunks of 5 simulated seconds)
 * and, where the scenario has a hand-written reference loop of the same model
 * (bench/reference.ts), the engine's CPU time as a multiple of the loop's. The loop runs just
 * before and just after the engine in the same process, so the ratio holds on a loaded machine
 * where wall-clock figures do not; the load average is printed with the table. Timing is
 * measured here, never inside the engine.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { runReference, type ReferenceModel, type ReferenceResult } from '../../bench/reference.ts';
import { createSimulation, type SimResult } from '../engine/index.ts';
import { r4 } from '../engine/metrics/summary.ts';
import { TRACING_DEFAULTS, type Tracing } from '../model/tracing.ts';
import type { Scenario } from '../model/types.ts';
import { printAgainst } from './benchAgainst.ts';
import { benchScenarios } from './benchScenarios.ts';
import { printTracingCost } from './benchTracing.ts';
import { printTracerFree, printTracingCostByProcess } from './benchTracerFree.ts';

export interface BenchRow {
  scenario: string;
  requests: number;
  events: number;
  wallMs: number;
  requestsPerS: number;
  eventsPerS: number;
  peakRssMB: number;
  /** Peak RSS above the process's before any run (Node and the bundle, in `baselineRssMB`). */
  addedRssMB: number;
  /** Peak JavaScript heap plus typed-array memory: what the run holds, without Node. */
  peakHeapMB: number;
  /** The engine's CPU time (user + system) for the run. */
  cpuMs: number;
  /** The reference loop's CPU time (mean of a run before and one after the engine's). */
  referenceCpuMs?: number;
  /** cpuMs / referenceCpuMs. */
  cpuRatio?: number;
}

/** CPU time (user + system) spent by this process in `run`, in ms. */
function cpuMsOf(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external; // external includes the typed arrays
}

/** Resident memory before any run: Node and the loaded modules. */
const baselineRss = process.memoryUsage().rss;

function runEngine(doc: Scenario, tracing?: Tracing): { row: BenchRow; result: SimResult } {
  let peak = process.memoryUsage().rss;
  let peakHeap = heapBytes();
  let result: SimResult | null = null;
  let wallMs = 0;
  const cpuMs = cpuMsOf(() => {
    const t0 = performance.now();
    const opts = { eventBudget: 200_000_000, windows: false };
    const sim = createSimulation(doc, tracing ? { ...opts, tracing } : opts);
    for (let t = 5; ; t += 5) {
      const p = sim.runUntil(t);
      sim.drainTraces?.(p.done);
      peak = Math.max(peak, process.memoryUsage().rss);
      peakHeap = Math.max(peakHeap, heapBytes());
      if (p.done) break;
    }
    result = sim.snapshot();
    wallMs = performance.now() - t0;
  });
  const r: SimResult = result!;
  const row = {
    scenario: doc.name,
    requests: r.requests.total,
    events: r.events,
    wallMs: Math.round(wallMs),
    requestsPerS: Math.round((r.requests.total / wallMs) * 1000),
    eventsPerS: Math.round((r.events / wallMs) * 1000),
    peakRssMB: Math.round(peak / 1048576),
    addedRssMB: Math.round((peak - baselineRss) / 1048576),
    peakHeapMB: Math.round(peakHeap / 1048576),
    cpuMs: Math.round(cpuMs),
  };
  return { row, result: r };
}

/** The reference loop's CPU time and figures. */
function runReferenceTimed(m: ReferenceModel): { cpuMs: number; out: ReferenceResult } {
  let out: ReferenceResult | null = null;
  const cpuMs = cpuMsOf(() => (out = runReference(m)));
  return { cpuMs, out: out! };
}

/** `tracing`: record request traces with these settings (`--tracing`: the defaults). */
export function benchOne(doc: Scenario, reference?: ReferenceModel, tracing?: Tracing): BenchRow {
  if (reference === undefined) return runEngine(doc, tracing).row;
  const before = runReferenceTimed(reference);
  const { row, result } = runEngine(doc, tracing);
  const after = runReferenceTimed(reference);
  // Same requests and latencies, or it is not the same model and the ratio means nothing.
  const ref = after.out;
  if (
    ref.requests !== result.requests.total ||
    r4(ref.latencyMs.mean) !== result.latencyMs.mean ||
    r4(ref.latencyMs.quantile(0.99)) !== result.latencyMs.p99
  ) {
    throw new Error(`bench: the reference loop does not reproduce "${doc.name}"`);
  }
  const refMs = (before.cpuMs + after.cpuMs) / 2;
  return { ...row, referenceCpuMs: Math.round(refMs), cpuRatio: r4(row.cpuMs / refMs) };
}

function main(argv: string[]): void {
  const byProcess = argv.includes('--tracer-free') || argv.includes('--processes');
  if (argv.includes('--tracing-cost') && !byProcess) {
    return printTracingCost(argv.includes('--json'));
  }
  if (argv.includes('--against') || byProcess) {
    const run = argv.includes('--tracer-free')
      ? printTracerFree
      : argv.includes('--processes')
        ? printTracingCostByProcess
        : printAgainst;
    run(argv).catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
    return;
  }
  const tracing = argv.includes('--tracing') ? TRACING_DEFAULTS : undefined;
  const rows = benchScenarios().map((s) => benchOne(s.doc, s.reference, tracing));
  const load = loadavg().map((x) => Number(x.toFixed(2)));
  const baselineRssMB = Math.round(baselineRss / 1048576);
  if (argv.includes('--json')) {
    process.stdout.write(
      JSON.stringify({ loadAverage: load, baselineRssMB, rows }, null, 2) + '\n',
    );
    return;
  }
  const header = [
    'scenario',
    'requests',
    'events',
    'wall ms',
    'requests/s',
    'events/s',
    'peak RSS MB',
    'added RSS MB',
    'peak heap MB',
    'CPU ms',
    'ref CPU ms',
    'CPU × ref',
  ];
  const cells = rows.map((r) => [
    r.scenario,
    String(r.requests),
    String(r.events),
    String(r.wallMs),
    String(r.requestsPerS),
    String(r.eventsPerS),
    String(r.peakRssMB),
    String(r.addedRssMB),
    String(r.peakHeapMB),
    String(r.cpuMs),
    r.referenceCpuMs === undefined ? '-' : String(r.referenceCpuMs),
    r.cpuRatio === undefined ? '-' : r.cpuRatio.toFixed(2),
  ]);
  const all = [header, ...cells];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  for (const row of all) {
    process.stdout.write(
      row.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ') +
        '\n',
    );
  }
  process.stdout.write(
    `RSS before any run (Node, modules): ${baselineRssMB} MB; load average (1, 5, 15 min): ${load.join(', ')}\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
