/**
 * `npm run bench -- --tracing-cost`: what request tracing costs the engine. Each standard
 * scenario runs with tracing off, with head sampling alone (the default rate, no tail capture)
 * and with the defaults (head sampling plus tail capture), interleaved over `ROUNDS` rounds in
 * one process; the least CPU time of each is quoted as a multiple of "off". Interleaving and the
 * least of several runs keep the ratio honest on a loaded machine, where one run's CPU time
 * wanders by a tenth or more. Each traced run must give the untraced run's figures exactly:
 * tracing that changed the simulation would make the comparison meaningless.
 */
import { loadavg } from 'node:os';
import { createSimulation, type SimResult } from '../engine/index.ts';
import { TRACING_DEFAULTS, type Tracing } from '../model/tracing.ts';
import type { Scenario } from '../model/types.ts';
import { benchScenarios } from './benchScenarios.ts';

const ROUNDS = 3;

export const MODES: { name: string; tracing?: Tracing }[] = [
  { name: 'off' },
  { name: 'head', tracing: { ...TRACING_DEFAULTS, slowestPerWindow: 0, failed: false } },
  { name: 'defaults', tracing: TRACING_DEFAULTS },
];

export interface TracingCostRow {
  scenario: string;
  /** Least CPU ms over the rounds, per mode (off, head, defaults). */
  cpuMs: Record<string, number>;
  /** cpuMs of each mode / cpuMs off. */
  ratio: Record<string, number>;
  /** Traces kept by the defaults run. */
  kept: number;
}

export function timedRun(
  doc: Scenario,
  tracing?: Tracing,
): { cpuMs: number; r: SimResult; kept: number } {
  const before = process.cpuUsage();
  const opts = { eventBudget: 200_000_000, windows: false };
  const sim = createSimulation(doc, tracing ? { ...opts, tracing } : opts);
  let kept = 0;
  for (let t = 5; ; t += 5) {
    const p = sim.runUntil(t);
    kept += sim.drainTraces?.(p.done)?.length ?? 0;
    if (p.done) break;
  }
  const r = sim.snapshot();
  const d = process.cpuUsage(before);
  return { cpuMs: (d.user + d.system) / 1000, r, kept };
}

export const figures = (r: SimResult): string =>
  JSON.stringify([r.requests, r.latencyMs, r.events, r.nodes]);

export function tracingCost(rounds = ROUNDS): TracingCostRow[] {
  return benchScenarios().map(({ doc }) => {
    const best: Record<string, number> = {};
    let kept = 0;
    let off = '';
    for (let i = 0; i < rounds; i++) {
      for (const m of MODES) {
        const run = timedRun(doc, m.tracing);
        const f = figures(run.r);
        if (m.tracing === undefined) off = f;
        else if (f !== off) throw new Error(`bench: tracing "${m.name}" changed "${doc.name}"`);
        if (m.name === 'defaults') kept = run.kept;
        best[m.name] = Math.min(best[m.name] ?? Infinity, run.cpuMs);
      }
    }
    const ratio: Record<string, number> = {};
    for (const m of MODES) ratio[m.name] = best[m.name]! / best.off!;
    return { scenario: doc.name, cpuMs: best, ratio, kept };
  });
}

export function printTracingCost(json: boolean): void {
  const rows = tracingCost();
  const load = loadavg().map((x) => Number(x.toFixed(2)));
  if (json) {
    process.stdout.write(JSON.stringify({ loadAverage: load, rows }, null, 2) + '\n');
    return;
  }
  for (const r of rows) {
    const parts = MODES.map(
      (m) => `${m.name} ${Math.round(r.cpuMs[m.name]!)} ms (${r.ratio[m.name]!.toFixed(3)} ×)`,
    );
    process.stdout.write(`${r.scenario}\n  ${parts.join(', ')}; ${r.kept} traces kept\n`);
  }
  process.stdout.write(
    `least CPU of ${ROUNDS} interleaved runs each; load average (1, 5, 15 min): ${load.join(', ')}\n`,
  );
}
