/** The analyses through the real `sim` command, worker threads included. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runAnalysisCommand } from '../../src/cli/analyse.ts';

const fixture = 'tests/analysis/fixtures/ten-services.json';

describe('sim --sweep / --replications', () => {
  it('sweeps and replicates across two worker threads, one JSON object for both', async () => {
    const args = ['tsx', 'src/cli/sim.ts', fixture, '--sweep', '50:150:50', '--replications', '3'];
    const { stdout } = await promisify(execFile)('npx', [
      ...args,
      '--duration',
      '3',
      '--workers',
      '2',
      '--json',
    ]);
    const r = JSON.parse(stdout) as {
      sweep: { kind: string; workers: number; points: Array<{ offeredRps: number }> };
      replications: { seeds: number[]; sentences: string[] };
    };
    expect(r.sweep.kind).toBe('sweep');
    expect(r.sweep.workers).toBe(2);
    expect(r.sweep.points.map((p) => p.offeredRps)).toEqual([2500, 5000, 7500]);
    expect(r.replications.seeds).toEqual([42, 43, 44]);
    expect(r.replications.sentences[1]).toMatch(/^p99 is .* ms ± .* ms \(95 % CI, 3 seeds/);
  }, 30_000);

  it('exits 1 with a message on a malformed sweep; no analysis flags → null (a single run)', async () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (t: string) => err.push(t), readFile: () => '{ not json' };
    expect(await runAnalysisCommand([fixture, '--sweep', '10:x'], io)).toBe(1);
    expect(err[0]).toMatch(/--sweep: expected FROM:TO:STEP/);
    expect(await runAnalysisCommand([fixture, '--json'], io)).toBeNull();
    expect(await runAnalysisCommand([fixture, '--replications', '2'], io)).toBe(2); // not a scenario
  });
});
