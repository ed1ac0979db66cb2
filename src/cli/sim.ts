/**
 * Headless runner: `npm run --silent sim -- FILE [--json] [--seed N] [--duration S]`.
 * Exit 0 on a run, 2 on a document that breaks the contract (message on stderr), 1 otherwise.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createSimulation, HEADLESS_EVENT_BUDGET } from '../engine/index.ts';
import type { SimResult, SimulationOptions } from '../engine/types.ts';
import { loadScenario } from '../model/load.ts';
import { runAnalysisCommand } from './analyse.ts';
import { parseSimArgs, USAGE } from './args.ts';
import { formatSummary } from './format.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  readFile: (p) => readFileSync(p, 'utf8'),
};

export function main(argv: readonly string[], io: Io = processIo): number {
  const parsed = parseSimArgs(argv);
  if (!parsed.ok) {
    io.err(`sim: ${parsed.error}\n${USAGE}`);
    return 1;
  }
  const args = parsed.args;
  let text: string;
  try {
    text = io.readFile(args.file);
  } catch (e) {
    io.err(`sim: cannot read ${args.file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const loaded = loadScenario(text);
  if (!loaded.ok) {
    io.err(`sim: ${args.file}: ${loaded.error}`);
    return 2;
  }
  let result: SimResult;
  try {
    const opts: SimulationOptions = { eventBudget: HEADLESS_EVENT_BUDGET };
    if (args.seed !== undefined) opts.seed = args.seed;
    if (args.durationS !== undefined) opts.durationS = args.durationS;
    const t0 = performance.now();
    const sim = createSimulation(loaded.scenario, opts);
    sim.runUntil(Infinity);
    result = sim.snapshot();
    result.wallMs = Math.round(performance.now() - t0);
  } catch (e) {
    io.err(`sim: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  if (result.truncated) io.err(`sim: warning: ${result.truncated.message}`);
  io.out(args.json ? JSON.stringify(result) : formatSummary(result));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // --sweep / --replications run the what-if analyses (src/cli/analyse.ts); else a single run.
  const argv = process.argv.slice(2);
  process.exitCode = (await runAnalysisCommand(argv, processIo)) ?? main(argv);
}
