/**
 * Tracing's cost measured by process (`npm run bench -- --tracing-cost` with `--processes` or
 * `--tracer-free`, and `--rounds N`, default 6): every run is a process of its own
 * (src/cli/benchProcess.ts, bundled to dist-bench/processes), the two sides alternately, and the
 * least CPU time of each and the median of the rounds' paired ratios are quoted.
 *
 * - `--processes`: head sampling and the defaults against tracing off. In one process (the
 *   plain `--tracing-cost`) the modes share what V8 compiled and learnt, so one mode's run
 *   shapes the next one's code; here each run compiles its own, as a page's worker does.
 * - `--tracer-free`: tracing off against this engine bundled without its tracer's call sites:
 *   every line that names the tracer or a call's trace row (`.span`, `.tracer`) taken out of the
 *   engine outside src/engine/tracing (no hook, no null check, no row field on calls and relay
 *   frames), as if the tracer had never been written. Both must give the same results. The
 *   bundles run under cachegrind for instruction counts: see README § Benchmark.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { ProcessRun } from './benchProcess.ts';
import { benchScenarios } from './benchScenarios.ts';

/** A line of the engine that records a trace: a call's row, or the kernel's tracer. */
const TRACER_LINE = /\w\.span\b|\bspan: HopRow\b|\bsenderSpan\b|\w\.tracer\b|\btracer: Tracer\b/;
/** The engine's files (esbuild's filters have no lookahead: the tracer's own are let through). */
const ENGINE_FILE = /[\\/]src[\\/]engine[\\/].*\.ts$/;
/** The tracer itself, left whole: the tracer-free engine never calls it. */
const TRACER_FILE = /[\\/]src[\\/]engine[\\/]tracing[\\/]/;

/** `source` without its tracer lines, and how many were taken out. */
export function withoutTracer(source: string): { code: string; removed: number } {
  let removed = 0;
  const lines = source.split('\n').map((line) => {
    if (!TRACER_LINE.test(line)) return line;
    // Only whole statements and fields: a line that opens or closes a block would leave the
    // file broken (and the build would say so), never silently changed.
    if (!/;\s*$/.test(line)) throw new Error(`bench: tracer line is not a statement: ${line}`);
    removed++;
    return '';
  });
  return { code: lines.join('\n'), removed };
}

/**
 * Bundle this engine (from `entry`, the engine's index by default) without its tracer's call
 * sites to `outfile`; the lines taken out, by file (an engine whose tracer moved would otherwise
 * be compared with itself).
 */
export async function buildTracerFree(
  outfile: string,
  entry = 'src/engine/index.ts',
): Promise<Map<string, number>> {
  const removed = new Map<string, number>();
  const { build } = await import('esbuild');
  await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    plugins: [
      {
        name: 'tracer-free',
        setup(b) {
          b.onLoad({ filter: ENGINE_FILE }, (args) => {
            if (TRACER_FILE.test(args.path)) return undefined;
            const { code, removed: n } = withoutTracer(readFileSync(args.path, 'utf8'));
            if (n > 0) removed.set(args.path.replace(/.*[\\/]src[\\/]/, 'src/'), n);
            return { contents: code, loader: 'ts' };
          });
        },
      },
    ],
  });
  // The hooks of kernel.ts (a request's start, its hops and its end) must be among them.
  if ((removed.get('src/engine/kernel.ts') ?? 0) < 3) {
    throw new Error('bench: the tracer-free build found no tracer calls in src/engine/kernel.ts');
  }
  return removed;
}

/** Least of each, and the median of the rounds' ratios of `b` to `a`. */
interface Pair {
  a: number;
  b: number;
  median: number;
  same: boolean;
}

/**
 * `rounds` runs of scenario `index` in bundle `a` with mode `ma` and in bundle `b` with mode
 * `mb`, each in a process of its own, alternately (each round alternates which goes first).
 */
function compare(
  index: number,
  rounds: number,
  a: string,
  ma: string,
  b: string,
  mb: string,
): Pair {
  const run = (file: string, mode: string): ProcessRun =>
    JSON.parse(
      execFileSync(process.execPath, [file, String(index), mode], { encoding: 'utf8' }),
    ) as ProcessRun;
  let least = { a: Infinity, b: Infinity };
  let same = true;
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const first = r % 2 === 0;
    const ra = first ? run(a, ma) : null;
    const rb = run(b, mb);
    const ra2 = ra ?? run(a, ma);
    least = { a: Math.min(least.a, ra2.cpuMs), b: Math.min(least.b, rb.cpuMs) };
    ratios.push(rb.cpuMs / ra2.cpuMs);
    same &&= ra2.figures === rb.figures;
  }
  ratios.sort((x, y) => x - y);
  return { ...least, median: ratios[ratios.length >> 1]!, same };
}

function roundsOf(argv: string[]): number {
  const at = argv.indexOf('--rounds');
  const rounds = at >= 0 ? Number(argv[at + 1]) : 6;
  if (!(Number.isInteger(rounds) && rounds >= 2)) {
    throw new Error(`bench: --rounds must be a whole number of at least 2, not ${argv[at + 1]}`);
  }
  return rounds;
}

const DIR = resolve('dist-bench', 'processes');
const TRACED = join(DIR, 'traced.mjs');
const RUNNER = 'src/cli/benchProcess.ts';

async function buildTraced(): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [resolve(RUNNER)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: TRACED,
    logLevel: 'warning',
  });
}

const loadLine = (): string =>
  `load average (1, 5, 15 min): ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`;

const out = (s: string): boolean => process.stdout.write(s + '\n');

const pairLine = (name: string, p: Pair): string =>
  `${name.split(':')[0]}: A ${p.a.toFixed(0)} ms, B ${p.b.toFixed(0)} ms, B/A ` +
  `${(p.b / p.a).toFixed(3)} (paired median ${p.median.toFixed(3)}); ` +
  `same results: ${p.same ? 'yes' : 'NO'}`;

/** `--tracing-cost --tracer-free`: tracing off (B) against the engine without its tracer (A). */
export async function printTracerFree(argv: string[]): Promise<void> {
  const rounds = roundsOf(argv);
  const free = join(DIR, 'free.mjs');
  await buildTraced();
  const removed = await buildTracerFree(free, RUNNER);
  const lines = [...removed].map(([f, n]) => `${f} ${n}`).join(', ');
  out(`tracing off (B) against the engine without its tracer (A: ${lines} lines taken out)`);
  out(`least CPU ms of ${rounds} runs each, one a process, alternately (${DIR})`);
  benchScenarios().forEach(({ doc }, i) =>
    out(pairLine(doc.name, compare(i, rounds, free, 'off', TRACED, 'off'))),
  );
  out(loadLine());
}

/** `--tracing-cost --processes`: each tracing mode (B) against tracing off (A), by process. */
export async function printTracingCostByProcess(argv: string[]): Promise<void> {
  const rounds = roundsOf(argv);
  await buildTraced();
  out(`each tracing mode (B) against tracing off (A): least CPU ms of ${rounds} runs each,`);
  out(`one a process, alternately (${TRACED})`);
  benchScenarios().forEach(({ doc }, i) => {
    for (const m of ['head', 'defaults']) {
      out(`${m.padEnd(8)} ${pairLine(doc.name, compare(i, rounds, TRACED, 'off', TRACED, m))}`);
    }
  });
  out(loadLine());
}
