/**
 * One timed run in a process of its own, for the benches that compare by process
 * (src/cli/benchTracerFree.ts): `node BUNDLE INDEX MODE` runs standard scenario INDEX with
 * tracing MODE (off, head, defaults: benchTracing's) and prints its CPU ms, figures and traces
 * kept as JSON. Bundled by esbuild like the bench. A run in a fresh process pays for its own
 * compilation, as a page's worker does; runs in one process share what V8 compiled and learnt,
 * so one mode's run shapes the next one's code.
 */
import { pathToFileURL } from 'node:url';
import { benchScenarios } from './benchScenarios.ts';
import { figures, MODES, timedRun } from './benchTracing.ts';

export interface ProcessRun {
  cpuMs: number;
  figures: string;
  kept: number;
}

function main(argv: string[]): void {
  const doc = benchScenarios()[Number(argv[0])]?.doc;
  const mode = MODES.find((m) => m.name === argv[1]);
  if (doc === undefined || mode === undefined) {
    throw new Error(`bench: no scenario ${argv[0]} or tracing mode ${argv[1]}`);
  }
  const run = timedRun(doc, mode.tracing);
  const out: ProcessRun = { cpuMs: run.cpuMs, figures: figures(run.r), kept: run.kept };
  process.stdout.write(JSON.stringify(out) + '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
