/**
 * The param sweep for the headless runner: `--sweep-param PATH=FROM:TO:STEP` (once or twice),
 * `--sweep-seeds N`, `--slo-ms N`. One JSON-ready report (docs/analysis.md) and its text form:
 * a table for one param, a grid of p99 for two, the cheapest point meeting the SLO and the
 * cost–latency frontier.
 */
import type { Scenario } from '../model/types.ts';
import type { CliRunOptions } from './cli.ts';
import { paramSweepJobs, planParamSweep, type ParamAxis } from './paramSweep.ts';
import {
  analyseParamSweep,
  type ParamPointSummary,
  type ParamSweepAnalysis,
} from './paramSweepAnalysis.ts';
import { runPool } from './pool.ts';
import type { JobRunner } from './run.ts';
import { runToEnd } from './runToEnd.ts';

export interface ParamSweepReport extends ParamSweepAnalysis {
  kind: 'paramSweep';
  name: string;
  durationS: number;
  workers: number;
  wallMs: number;
}

const inThread: JobRunner = { run: async (job) => runToEnd(job.doc, job.opts) };

export async function runParamSweepCli(
  doc: Scenario,
  axes: readonly ParamAxis[],
  seeds: number,
  o: CliRunOptions,
): Promise<ParamSweepReport> {
  const started = performance.now();
  const runners = o.runners ?? [inThread];
  const d =
    o.durationS === undefined
      ? doc
      : { ...doc, durationS: o.durationS, warmupS: Math.min(doc.warmupS, o.durationS / 2) };
  const plan = planParamSweep(d, axes, seeds, o.seed ?? d.seed);
  const pool = o.onProgress ? { onProgress: o.onProgress } : {};
  const results = await runPool(paramSweepJobs(plan), runners, pool);
  return {
    kind: 'paramSweep',
    name: doc.name,
    durationS: d.durationS,
    workers: runners.length,
    wallMs: Math.round(performance.now() - started),
    ...analyseParamSweep(plan, results, { sloP99Ms: o.sloMs }),
  };
}

const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—');
const money = (x: number): string => `$${x.toFixed(3)}`;
const pm = (hw: number): string => (Number.isFinite(hw) ? ` ± ${f1(hw)}` : '');
const at = (r: ParamSweepReport, p: ParamPointSummary): string =>
  r.axes.map((a, i) => `${a.path.split('.').at(-1)} = ${p.values[i]}`).join(', ');

export function formatParamSweepText(r: ParamSweepReport): string {
  const seeds = r.seeds.length === 1 ? `seed ${r.seeds[0]}` : `${r.seeds.length} seeds`;
  const head = `${r.name}: sweep of ${r.axes.map((a) => `${a.label} (${a.path})`).join(' × ')}: ${r.points.length} points, ${r.durationS} s each, ${seeds}, ${r.workers} workers, ${r.wallMs} ms`;
  const lines = [head];
  const goal =
    r.passBy === 'objectives'
      ? "the design's objectives"
      : `p99 ≤ ${r.sloP99Ms} ms and errors ≤ ${r.maxErrorRate * 100} %`;
  if (r.axes.length === 1) {
    lines.push('  value        p50 ms          p99 ms   errors    $/hour   p99 ≤ SLO');
    for (const p of r.points)
      lines.push(
        `  ${String(p.values[0]).padStart(5)}  ${f1(p.p50Ms).padStart(12)}  ${(f1(p.p99Ms) + pm(p.p99HalfWidthMs)).padStart(14)}  ${(p.errorRate * 100).toFixed(2).padStart(5)} %  ${money(p.costPerHour).padStart(8)}   ${p.meetsSlo ? 'yes' : 'no'}`,
      );
  } else {
    const [a, b] = r.axes as [ParamSweepReport['axes'][0], ParamSweepReport['axes'][0]];
    lines.push(`  p99 ms (✓ meets the SLO); rows ${a.path}, columns ${b.path}`);
    lines.push(`  ${''.padStart(8)}${b.values.map((v) => String(v).padStart(11)).join('')}`);
    a.values.forEach((va, i) => {
      const row = r.points.slice(i * b.values.length, (i + 1) * b.values.length);
      lines.push(
        `  ${String(va).padStart(8)}${row.map((p) => `${f1(p.p99Ms)}${p.meetsSlo ? '✓' : ' '}`.padStart(11)).join('')}`,
      );
    });
  }
  lines.push(
    r.best
      ? `cheapest meeting ${goal}: ${at(r, r.best)} (${money(r.best.costPerHour)}/hour, p99 ${f1(r.best.p99Ms)} ms)`
      : `no point meets ${goal}`,
    `cost–latency frontier: ${r.pareto.map((i) => `${at(r, r.points[i]!)} (${money(r.points[i]!.costPerHour)}, ${f1(r.points[i]!.p99Ms)} ms)`).join('; ') || '—'}`,
  );
  return lines.join('\n');
}
