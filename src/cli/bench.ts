/**
 * `npm run bench [-- --json]`: the standard scenarios, timed. Reports simulated requests per
 * wall second, events per second and peak resident memory (sampled between chunks of 5
 * simulated seconds). Wall-clock time is measured here, never inside the engine.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createSimulation } from '../engine/index.ts';
import type { Scenario } from '../model/types.ts';
import { benchScenarios } from './benchScenarios.ts';

export interface BenchRow {
  scenario: string;
  requests: number;
  events: number;
  wallMs: number;
  requestsPerS: number;
  eventsPerS: number;
  peakRssMB: number;
}

export function benchOne(doc: Scenario): BenchRow {
  let peak = process.memoryUsage().rss;
  const t0 = performance.now();
  const sim = createSimulation(doc, { eventBudget: 200_000_000 });
  for (let t = 5; ; t += 5) {
    const p = sim.runUntil(t);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (p.done) break;
  }
  const wallMs = performance.now() - t0;
  const r = sim.snapshot();
  return {
    scenario: doc.name,
    requests: r.requests.total,
    events: r.events,
    wallMs: Math.round(wallMs),
    requestsPerS: Math.round((r.requests.total / wallMs) * 1000),
    eventsPerS: Math.round((r.events / wallMs) * 1000),
    peakRssMB: Math.round(peak / 1048576),
  };
}

function main(argv: string[]): void {
  const rows = benchScenarios().map(benchOne);
  if (argv.includes('--json')) {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
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
  ];
  const cells = rows.map((r) => [
    r.scenario,
    String(r.requests),
    String(r.events),
    String(r.wallMs),
    String(r.requestsPerS),
    String(r.eventsPerS),
    String(r.peakRssMB),
  ]);
  const all = [header, ...cells];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  for (const row of all) {
    process.stdout.write(
      row.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ') +
        '\n',
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
