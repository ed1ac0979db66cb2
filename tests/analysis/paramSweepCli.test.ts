/** `sim --sweep-param` through the real command: worker threads, JSON and text, refusals. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runAnalysisCommand } from '../../src/cli/analyse.ts';

const preset = 'presets/capacity-planning.json';

describe('sim --sweep-param', () => {
  it('sweeps two params across two worker threads into one JSON report', async () => {
    const { stdout } = await promisify(execFile)('npx', [
      'tsx',
      'src/cli/sim.ts',
      preset,
      '--sweep-param',
      'nodes.api.params.replicas=2:3:1',
      '--sweep-param=edges.e-lb-api.latencyMs.ms=1:5:4',
      '--duration',
      '4',
      '--workers',
      '2',
      '--slo-ms',
      '150',
      '--json',
    ]);
    const r = JSON.parse(stdout) as {
      kind: string;
      workers: number;
      axes: Array<{ path: string; values: number[] }>;
      points: Array<{ values: number[]; costPerHour: number; meetsSlo: boolean }>;
      pareto: number[];
    };
    expect(r.kind).toBe('paramSweep');
    expect(r.workers).toBe(2);
    expect(r.axes.map((a) => a.values)).toEqual([
      [2, 3],
      [1, 5],
    ]);
    expect(r.points.map((p) => p.values)).toEqual([
      [2, 1],
      [2, 5],
      [3, 1],
      [3, 5],
    ]);
    expect(r.points[2]!.costPerHour).toBeGreaterThan(r.points[0]!.costPerHour);
    expect(r.pareto.length).toBeGreaterThan(0);
  }, 60_000);

  it('prints a table for one param; refuses a range outside the limits with path and value', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      readFile: (f: string) => readFileSync(f, 'utf8'),
    };
    const base = [preset, '--duration', '2', '--workers', '1'];
    expect(
      await runAnalysisCommand([...base, '--sweep-param', 'nodes.api.params.workers=0:4:2'], io),
    ).toBe(1);
    expect(err.join('\n')).toContain('nodes.api.params.workers: must be from 1 to 10000, got 0');
    expect(
      await runAnalysisCommand([...base, '--sweep-param', 'nodes.api.params.replicas'], io),
    ).toBe(1);
    expect(err.join('\n')).toContain('expected PATH=FROM:TO:STEP');
    expect(
      await runAnalysisCommand([...base, '--sweep-param', 'nodes.api.params.replicas=2:3:1'], io),
    ).toBe(0);
    expect(out[0]).toMatch(/value +p50 ms +p99 ms/);
    // The preset is a graded challenge: its objectives, not the default p99 SLO, decide a pass.
    expect(out[0]).toMatch(/cheapest meeting the design's objectives: replicas = \d/);
  }, 60_000);
});
