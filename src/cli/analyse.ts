/**
 * The analysis side of `sim`: `--sweep FROM:TO:STEP [--base-rps N] [--slo-ms N] [--deadline-ms N]`,
 * `--sweep-param PATH=FROM:TO:STEP` (once or twice) and
 * `--replications N`, with `--workers N` threads (default one per core). The logic lives in
 * src/analysis; this file reads the document, starts the threads and prints. Returns null when
 * the arguments ask for no analysis, so `sim` goes on with a single run.
 */
import os from 'node:os';
import {
  formatReplicationsText,
  formatSweepText,
  runReplicationsCli,
  runSweepCli,
  type CliRunOptions,
} from '../analysis/cli.ts';
import { takeAnalysisArgs, wantsAnalysis } from '../analysis/cliArgs.ts';
import { DEFAULT_COMPARE_SEEDS, formatPairedText, runPairedCli } from '../analysis/pairedCli.ts';
import { formatParamSweepText, runParamSweepCli } from '../analysis/paramSweepCli.ts';
import { USAGE } from './args.ts';
import { loadDocumentFile, loadFromArgs, messageOf, type Io } from './loadArgs.ts';
import { createThreadPool } from './pool.ts';

export const ANALYSIS_USAGE =
  '       npm run --silent sim -- FILE --sweep FROM:TO:STEP [--base-rps N] [--slo-ms N] [--deadline-ms N] [--workers N] [--json] [--seed N] [--duration S]\n' +
  '       npm run --silent sim -- FILE --sweep-param PATH=FROM:TO:STEP [--sweep-param PATH=FROM:TO:STEP] [--sweep-seeds N] [--slo-ms N] [--workers N] [--json] [--seed N] [--duration S]\n' +
  '       npm run --silent sim -- FILE --replications N [--workers N] [--json] [--seed N] [--duration S]\n' +
  '       npm run --silent sim -- FILE --compare B.json [--replications N] [--workers N] [--json] [--seed N] [--duration S]\n' +
  '       npm run --silent sim -- FILE --theory [--json] [--seed N] [--duration S]';

export async function runAnalysisCommand(argv: readonly string[], io: Io): Promise<number | null> {
  let taken;
  try {
    taken = takeAnalysisArgs(argv);
  } catch (e) {
    io.err(`sim: ${messageOf(e)}\n${USAGE}\n${ANALYSIS_USAGE}`);
    return 1;
  }
  const { analysis, rest } = taken;
  if (!wantsAnalysis(analysis)) return null;
  const loaded = loadFromArgs(rest, io, `${USAGE}\n${ANALYSIS_USAGE}`);
  if (typeof loaded === 'number') return loaded;
  const { args, scenario } = loaded;
  const docB =
    analysis.compare === undefined
      ? undefined
      : loadDocumentFile(analysis.compare, io, args.strict);
  if (typeof docB === 'number') return docB;
  const compareSeeds = analysis.replications ?? DEFAULT_COMPARE_SEEDS;
  const jobs =
    analysis.sweep || analysis.sweepParams
      ? 0
      : docB
        ? 2 * compareSeeds
        : (analysis.replications ?? 1);
  const threads = Math.max(
    1,
    Math.min(analysis.workers ?? os.availableParallelism(), jobs || Infinity),
  );
  const pool = createThreadPool(threads);
  const opts: CliRunOptions = { sloMs: analysis.sloMs, runners: pool.runners };
  if (args.seed !== undefined) opts.seed = args.seed;
  if (args.durationS !== undefined) opts.durationS = args.durationS;
  if (analysis.deadlineMs !== undefined) opts.deadlineMs = analysis.deadlineMs;
  try {
    const json: Record<string, unknown> = {};
    const text: string[] = [];
    if (analysis.sweep) {
      const spec =
        analysis.baseRps === undefined
          ? analysis.sweep
          : { ...analysis.sweep, baseRps: analysis.baseRps };
      const r = await runSweepCli(scenario, spec, opts);
      json.sweep = r;
      text.push(formatSweepText(r));
    }
    if (analysis.sweepParams) {
      const r = await runParamSweepCli(
        scenario,
        analysis.sweepParams,
        analysis.sweepSeeds ?? 1,
        opts,
      );
      json.paramSweep = r;
      text.push(formatParamSweepText(r));
    }
    if (docB) {
      const r = await runPairedCli(scenario, docB, compareSeeds, opts);
      json.compare = r;
      text.push(formatPairedText(r));
    }
    // --theory alone: one run, with the theory rows (no intervals). With --compare, the
    // replications are the comparison's seeds.
    const seeds = docB ? undefined : (analysis.replications ?? (analysis.theory ? 1 : undefined));
    if (seeds !== undefined) {
      const r = await runReplicationsCli(scenario, seeds, opts);
      json.replications = r;
      text.push(formatReplicationsText(r));
    }
    // One JSON object: the report itself, or both under their names when both were asked for.
    const only = Object.values(json);
    const out = args.json ? JSON.stringify(only.length === 1 ? only[0] : json) : text.join('\n\n');
    io.out(out);
    return 0;
  } catch (e) {
    io.err(`sim: ${messageOf(e)}`);
    return 1;
  } finally {
    await pool.close();
  }
}
