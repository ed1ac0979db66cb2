/**
 * Design CI: `sim FILE --check` exits 3 when an objective is missed, 0 when all are met; the
 * JSON lists every objective graded. The capacity-planning preset with the lesson's objective
 * (p99 ≤ 150 ms as the traffic grows to 600 rps): 3 replicas hold it, 2 do not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/sim.ts';

const preset = JSON.parse(readFileSync('presets/capacity-planning.json', 'utf8')) as {
  nodes: Array<{ id: string; params: Record<string, unknown> }>;
};

function design(replicas: number, objectives: unknown[]): string {
  return JSON.stringify({
    ...preset,
    nodes: preset.nodes.map((n) =>
      n.id === 'api' ? { ...n, params: { ...n.params, replicas } } : n,
    ),
    objectives,
  });
}

function sim(argv: string[], text: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), readFile: () => text };
  const code = main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const p99 = { id: 'fast', metric: 'p99Ms', max: 150 };

describe('sim --check', () => {
  it('exits 0 when the capacity-planning design with 3 replicas holds p99 ≤ 150 ms', () => {
    const r = sim(['cap.json', '--check', '--json'], design(3, [p99]));
    expect(r.code).toBe(0);
    const graded = JSON.parse(r.out).objectives;
    expect(graded).toHaveLength(1);
    expect(graded[0]).toMatchObject({
      id: 'fast',
      metric: 'p99Ms',
      target: { max: 150 },
      met: true,
    });
    // The lesson's figure: p99 78-80 ms all year.
    expect(graded[0].value).toBeGreaterThan(70);
    expect(graded[0].value).toBeLessThan(90);
    expect(graded[0].margin).toBeCloseTo(150 - graded[0].value, 6);
  });

  it('exits 3 with 2 replicas, and says which objective was missed', () => {
    const r = sim(
      ['cap.json', '--check'],
      design(2, [p99, { id: 'up', metric: 'availability', min: 0.99 }]),
    );
    expect(r.code).toBe(3);
    expect(r.err).toContain('cap.json: missed 1 of 2 objectives: fast');
    expect(r.out).toMatch(/MISSED fast: p99 latency .* \(target ≤ 150 ms; .* over\)/);
    expect(r.out).toMatch(/MET {4}up: Availability 100 %/);
  });

  it('without --check a missed objective still exits 0; 2 and 1 keep their meaning', () => {
    expect(sim(['cap.json'], design(2, [p99])).code).toBe(0);
    const bad = sim(['cap.json', '--check'], design(2, [{ id: 'x', metric: 'p99', max: 1 }]));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('objectives[0].metric: is not a metric; did you mean "p99Ms"?');
    expect(sim(['cap.json', '--check', '--seed', 'x'], design(3, [p99])).code).toBe(1);
  });
});
