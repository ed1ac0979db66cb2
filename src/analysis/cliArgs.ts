/**
 * The analysis flags of the headless runner, parsed apart from the runner's own flags:
 * `--sweep FROM:TO:STEP` (percent of the document's client rates, or of `--base-rps N`),
 * `--slo-ms N` (p99 SLO for the capacity, default 200), `--deadline-ms N` (goodput counts only
 * answers within it),
 * `--compare B.json` (a paired comparison of the document with B over `--replications N` seeds),
 * `--sweep-param PATH=FROM:TO:STEP` (once or twice: a param sweep, `--sweep-seeds N` seeds a
 * point), `--replications N` (seeds doc.seed .. doc.seed+N-1), `--workers N` (threads; default one per
 * core), `--theory` (queueing theory beside the measurement; implied by --replications, else
 * on one run). `takeAnalysisArgs` removes what it recognises and returns the rest untouched.
 */
import { parseAxis, type ParamAxis } from './paramSweep.ts';
import type { SweepSpec } from './sweep.ts';

export interface AnalysisArgs {
  sweep?: SweepSpec;
  /** `--sweep-param PATH=FROM:TO:STEP`, given once or twice. */
  sweepParams?: ParamAxis[];
  /** `--sweep-seeds N`: seeds per point of a param sweep (default 1). */
  sweepSeeds?: number;
  /** 100 % of the sweep, rps; default the document's own client rates. */
  baseRps?: number;
  sloMs: number;
  deadlineMs?: number;
  replications?: number;
  /** `--compare B.json`: B's file, compared with the document over the same seeds. */
  compare?: string;
  workers?: number;
  theory?: boolean;
}

export const DEFAULT_SLO_MS = 200;

/** `10:150:10` → { fromPct: 10, toPct: 150, stepPct: 10 }. */
export function parseSweepSpec(text: string): SweepSpec {
  const parts = text.split(':').map((p) => Number(p));
  const [from, to, step] = parts;
  if (
    parts.length !== 3 ||
    from === undefined ||
    to === undefined ||
    step === undefined ||
    parts.some((p) => !Number.isFinite(p))
  ) {
    throw new Error(`--sweep: expected FROM:TO:STEP in percent, e.g. 10:150:10 (got "${text}")`);
  }
  if (!(from > 0) || to < from || !(step > 0)) {
    throw new Error(`--sweep: need 0 < FROM <= TO and STEP > 0 (got "${text}")`);
  }
  if ((to - from) / step > 1000) throw new Error('--sweep: at most 1001 points');
  return { fromPct: from, toPct: to, stepPct: step };
}

function positive(flag: string, value: string | undefined, integer: boolean): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new Error(
      `${flag}: expected a positive ${integer ? 'integer' : 'number'} (got "${value ?? ''}")`,
    );
  }
  return n;
}

/** Takes the analysis flags out of `argv` (both `--flag value` and `--flag=value`). */
export function takeAnalysisArgs(argv: readonly string[]): {
  analysis: AnalysisArgs;
  rest: string[];
} {
  const analysis: AnalysisArgs = { sloMs: DEFAULT_SLO_MS };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (arg === '--theory') {
      analysis.theory = true;
      continue;
    }
    const known = [
      '--sweep',
      '--base-rps',
      '--slo-ms',
      '--deadline-ms',
      '--replications',
      '--workers',
      '--sweep-param',
      '--sweep-seeds',
      '--compare',
    ];
    if (!known.includes(flag)) {
      rest.push(arg);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (flag === '--sweep') analysis.sweep = parseSweepSpec(value ?? '');
    else if (flag === '--sweep-param') {
      analysis.sweepParams = [...(analysis.sweepParams ?? []), parseAxis(value ?? '')];
      if (analysis.sweepParams.length > 2) throw new Error('--sweep-param: at most two params');
    } else if (flag === '--sweep-seeds') {
      analysis.sweepSeeds = positive(flag, value, true);
      if (analysis.sweepSeeds > 100) throw new Error('--sweep-seeds: at most 100');
    } else if (flag === '--base-rps') analysis.baseRps = positive(flag, value, false);
    else if (flag === '--slo-ms') analysis.sloMs = positive(flag, value, false);
    else if (flag === '--deadline-ms') analysis.deadlineMs = positive(flag, value, false);
    else if (flag === '--compare') {
      if (!value) throw new Error('--compare: expected the file of design B');
      analysis.compare = value;
    } else if (flag === '--replications') {
      analysis.replications = positive(flag, value, true);
      if (analysis.replications > 1000) throw new Error('--replications: at most 1000');
    } else analysis.workers = positive(flag, value, true);
  }
  return { analysis, rest };
}

/** True when the flags ask for an analysis rather than a single run. */
export const wantsAnalysis = (a: AnalysisArgs): boolean =>
  a.sweep !== undefined ||
  a.sweepParams !== undefined ||
  a.replications !== undefined ||
  a.compare !== undefined ||
  a.theory === true;
