/**
 * `sim A --compare B`: the same seeds for both, each figure's paired interval beside the
 * unpaired one, the verdict in words; a B that cannot be read or loaded is refused by name.
 * A is Little's law's M/M/1 (80 per s into 100 per s), B the same at 110 per s: the true mean
 * difference is 1/30 − 1/20 s = −16.7 ms (pairedEngine.test.ts checks the interval holds it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PairedReport } from '../../src/analysis/pairedCli.ts';
import { runAnalysisCommand } from '../../src/cli/analyse.ts';

const A = 'presets/littles-law.json';

function fasterB(): string {
  const doc = JSON.parse(readFileSync(A, 'utf8')) as {
    name: string;
    seed: number;
    nodes: Array<{ id: string; params: Record<string, unknown> }>;
  };
  doc.name = 'B';
  doc.seed = 999; // B's own seed must not give it other traffic
  doc.nodes.find((n) => n.id === 'server')!.params.serviceTimeMs = {
    dist: 'exponential',
    meanMs: 1000 / 110,
  };
  return JSON.stringify(doc);
}

function io(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      readFile: (f: string) => files[f] ?? readFileSync(f, 'utf8'),
    },
  };
}

describe('sim --compare', () => {
  it('runs A and B under the same seeds and reads the paired differences', async () => {
    const run = io({ 'b.json': fasterB() });
    const base = [A, '--compare', 'b.json', '--replications', '5', '--duration', '90'];
    expect(await runAnalysisCommand([...base, '--workers', '1', '--json'], run.io)).toBe(0);
    const r = JSON.parse(run.out[0]!) as PairedReport;
    expect(r.kind).toBe('compare');
    expect(r.seeds).toEqual([1, 2, 3, 4, 5]); // A's seed onward, for both
    const mean = r.figures.find((f) => f.figure === 'meanMs')!;
    expect(mean.delta).toBeLessThan(0);
    expect(mean.significant).toBe(true);
    // Common random numbers: the paired interval is the narrower one.
    expect(mean.halfWidth).toBeLessThan(mean.unpairedHalfWidth);
    expect(r.figures.find((f) => f.figure === 'costPerHour')!.delta).toBe(0);
    const text = io({ 'b.json': fasterB() });
    expect(await runAnalysisCommand([...base, '--workers', '1'], text.io)).toBe(0);
    expect(text.out[0]).toMatch(/^compare: A "Little's law.*" vs B "B", 5 seeds \(1, 2, 3, 4, 5\)/);
    expect(text.out[0]).toMatch(/B's mean latency is [\d.]+ ± [\d.]+ ms lower \(better\)\./);
  }, 60_000);

  it('refuses a B it cannot read, or one that does not load, naming the file and the field', async () => {
    const missing = io({});
    expect(await runAnalysisCommand([A, '--compare', '/nonexistent/b.json'], missing.io)).toBe(1);
    expect(missing.err.join('\n')).toContain('cannot read /nonexistent/b.json');
    const bad = io({ 'b.json': JSON.stringify({ version: 1, nodes: [], edges: [], seed: -1 }) });
    expect(await runAnalysisCommand([A, '--compare', 'b.json'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/^sim: b\.json: seed: must be an integer .*got -1/);
    const none = io({});
    expect(await runAnalysisCommand([A, '--compare'], none.io)).toBe(1);
    expect(none.err.join('\n')).toContain('--compare: expected the file of design B');
  });
});
