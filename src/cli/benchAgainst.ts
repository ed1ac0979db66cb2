/**
 * `npm run bench -- --against REF [--rounds N]`: this engine against the one at git REF (a
 * commit, a branch, a tag), on the scenarios that have a reference loop. REF's `src` is
 * extracted under dist-bench/against and bundled by esbuild, as this bench is, and both engines
 * run in this process, interleaved (each round alternates which goes first), N rounds each
 * (default 8). Quoted: the least CPU time of each, its ratio, the median of the rounds' paired
 * ratios, and each engine's least as a multiple of the reference loop's. On this shared 2-core
 * machine one run's CPU time wanders by a tenth and more with the load, and the same engine
 * against itself reads 0.95-1.05x: a change smaller than that cannot be shown this way.
 * Both engines must give the same results unless the change means them to differ: the table
 * says whether they do.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runReference } from '../../bench/reference.ts';
import { createSimulation } from '../engine/index.ts';
import type { Scenario } from '../model/types.ts';
import { benchScenarios } from './benchScenarios.ts';

type Create = typeof createSimulation;

/** REF's engine, bundled and loaded. */
async function engineAt(ref: string): Promise<Create> {
  const dir = resolve('dist-bench', 'against');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // REF's tsconfig too: esbuild compiles class fields as the nearest one says (9508703 changed
  // how), and without it REF's engine would be compiled as this one's config says.
  const tar = execFileSync('git', ['archive', '--format=tar', ref, 'src', 'tsconfig.json'], {
    maxBuffer: 1 << 28,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  const outfile = join(dir, 'engine.mjs');
  // Loaded only here, so that the plain bench's memory figures do not include it.
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(dir, 'src/engine/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  const mod = (await import(pathToFileURL(outfile).href)) as { createSimulation: Create };
  return mod.createSimulation;
}

/** CPU ms of one headless run, and its result without the wall time. */
function timed(create: Create, doc: Scenario): { cpuMs: number; json: string } {
  const before = process.cpuUsage();
  const sim = create(doc, { eventBudget: 200_000_000, windows: false });
  while (!sim.runUntil(Infinity, 1_000_000).done);
  const { wallMs: _, ...result } = sim.snapshot();
  const d = process.cpuUsage(before);
  return { cpuMs: (d.user + d.system) / 1000, json: JSON.stringify(result) };
}

function cpuMsOf(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

export async function printAgainst(argv: string[]): Promise<void> {
  const ref = argv[argv.indexOf('--against') + 1];
  if (ref === undefined || ref.startsWith('--')) throw new Error('bench: --against needs a REF');
  const at = argv.indexOf('--rounds');
  const rounds = at >= 0 ? Number(argv[at + 1]) : 8;
  if (!(Number.isInteger(rounds) && rounds >= 2)) {
    throw new Error(`bench: --rounds must be a whole number of at least 2, not ${argv[at + 1]}`);
  }
  const old = await engineAt(ref);
  const out = (s: string): boolean => process.stdout.write(s + '\n');
  out(`this engine (B) against ${ref} (A): least CPU ms of ${rounds} interleaved runs each`);
  for (const { doc, reference } of benchScenarios()) {
    if (reference === undefined) continue;
    let a = Infinity;
    let b = Infinity;
    let loop = Infinity;
    let same = true;
    const paired: number[] = [];
    for (let r = 0; r < rounds; r++) {
      loop = Math.min(
        loop,
        cpuMsOf(() => runReference(reference)),
      );
      const first = r % 2 === 0;
      const ra = first ? timed(old, doc) : null;
      const rb = timed(createSimulation, doc);
      const ra2 = ra ?? timed(old, doc);
      a = Math.min(a, ra2.cpuMs);
      b = Math.min(b, rb.cpuMs);
      paired.push(rb.cpuMs / ra2.cpuMs);
      same &&= ra2.json === rb.json;
    }
    paired.sort((x, y) => x - y);
    const median = paired[paired.length >> 1]!;
    out(
      `${doc.name.split(':')[0]}: A ${a.toFixed(0)} ms, B ${b.toFixed(0)} ms, B/A ${(b / a).toFixed(3)} ` +
        `(paired median ${median.toFixed(3)}); × the loop (${loop.toFixed(0)} ms): ` +
        `A ${(a / loop).toFixed(2)}, B ${(b / loop).toFixed(2)}; same results: ${same ? 'yes' : 'NO'}`,
    );
  }
  out(
    `load average (1, 5, 15 min): ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
}
