/**
 * Headless runner: `npm run --silent sim -- FILE [--json] [--check] [--seed N] [--duration S]
 * [--traces OUT.json]`.
 * Exit 0 on a run, 2 on a document that breaks the contract (message on stderr), 1 otherwise;
 * with `--check`, 3 when the run misses an objective of the document (design CI).
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { allMet, grade } from '../analysis/objectives.ts';
import {
  createSimulation,
  HEADLESS_CLOCK_CHECK_EVENTS,
  HEADLESS_EVENT_BUDGET,
  HEADLESS_TIME_LIMIT_S,
} from '../engine/index.ts';
import type { SimResult, SimulationOptions } from '../engine/types.ts';
import { tracingOf } from '../model/tracing.ts';
import { runAnalysisCommand } from './analyse.ts';
import { USAGE } from './args.ts';
import { formatSummary } from './format.ts';
import { formatObjectives } from './formatObjectives.ts';
import { loadFromArgs, messageOf, processIo, type Io } from './loadArgs.ts';
import { TraceCollector } from './traces.ts';

export type { Io };

/**
 * `now`: the wall clock in ms (tests pass a fake one). The run stops HEADLESS_TIME_LIMIT_S after
 * `startMs` (by default when main starts; the command passes 0, the process's start, so that
 * start-up counts too), looked at every HEADLESS_CLOCK_CHECK_EVENTS events, as at the event
 * budget: a warning, `truncated` in the result, exit 0.
 */
export function main(
  argv: readonly string[],
  io: Io = processIo,
  now: () => number = () => performance.now(),
  startMs: number = now(),
): number {
  const loaded = loadFromArgs(argv, io, USAGE);
  if (typeof loaded === 'number') return loaded;
  const { args, scenario } = loaded;
  let result: SimResult;
  try {
    const opts: SimulationOptions = { eventBudget: HEADLESS_EVENT_BUDGET, windows: false };
    if (args.seed !== undefined) opts.seed = args.seed;
    if (args.durationS !== undefined) opts.durationS = args.durationS;
    if (args.traces !== undefined) opts.tracing = tracingOf(scenario);
    const traces = new TraceCollector(opts.tracing);
    const t0 = now();
    const sim = createSimulation(scenario, opts);
    for (;;) {
      const done = sim.runUntil(Infinity, HEADLESS_CLOCK_CHECK_EVENTS).done;
      traces.add(sim.drainTraces?.(done));
      if (done) break;
      if (now() - startMs > HEADLESS_TIME_LIMIT_S * 1000)
        sim.stopAtTimeLimit(HEADLESS_TIME_LIMIT_S);
    }
    result = sim.snapshot();
    result.wallMs = Math.round(now() - t0);
    if (args.traces !== undefined) {
      (io.writeFile ?? writeFileSync)(args.traces, traces.otlp(scenario));
      io.err(`sim: ${traces.summary(args.traces)}`);
    }
  } catch (e) {
    io.err(`sim: ${messageOf(e)}`);
    return 1;
  }
  if (result.truncated) io.err(`sim: warning: ${result.truncated.message}`);
  const objectives = scenario.objectives ?? [];
  if (objectives.length > 0) result.objectives = grade(objectives, result, scenario);
  const text = args.json
    ? JSON.stringify(result)
    : [formatSummary(result), ...formatObjectives(result)].join('\n');
  io.out(text);
  if (!args.check) return 0;
  if (objectives.length === 0) {
    io.err(`sim: ${args.file}: --check: the document has no "objectives" to check`);
    return 0;
  }
  const graded = result.objectives ?? [];
  if (allMet(graded)) return 0;
  const missed = graded.filter((g) => !g.met).map((g) => g.id);
  io.err(
    `sim: ${args.file}: missed ${missed.length} of ${graded.length} objectives: ${missed.join(', ')}`,
  );
  return 3;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // --sweep / --replications run the what-if analyses (src/cli/analyse.ts); else a single run.
  const argv = process.argv.slice(2);
  // performance.now() counts from the process's start: the time limit includes start-up.
  process.exitCode =
    (await runAnalysisCommand(argv, processIo)) ??
    main(argv, processIo, () => performance.now(), 0);
}
