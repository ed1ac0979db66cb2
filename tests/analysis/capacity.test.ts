import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { saturationPoints } from '../../src/analysis/capacity.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import { design } from './helpers.ts';

describe('saturationPoints', () => {
  it('ten services of 8 workers × 10 ms behind round robin saturate together at 8,000 rps', () => {
    const doc = loadScenarioOrThrow(
      readFileSync(new URL('./fixtures/ten-services.json', import.meta.url), 'utf8'),
    );
    const s = saturationPoints(doc);
    expect(s).toHaveLength(10);
    for (const p of s) {
      expect(p.saturatesAtRps).toBeCloseTo(8000, 6);
      expect(p.utilization).toBeCloseTo(0.625, 9);
    }
  });
  it('names the first to saturate, and marks a blocking caller as an upper bound', () => {
    const doc = design(
      [
        {
          id: 'c',
          type: 'client',
          params: { arrival: { process: 'poisson', rps: 100 }, writeRatio: 0.5 },
        },
        { id: 'api', type: 'service', params: { workers: 4, serviceTimeMs: 10 } },
        { id: 'db', type: 'database', params: { connections: 2, readTimeMs: 4, writeTimeMs: 12 } },
      ],
      [
        ['c', 'api'],
        ['api', 'db'],
      ],
    );
    const [first, second] = saturationPoints(doc);
    // db: 100 rps × mean 8 ms / 2 connections = 40 % busy → 250 rps; api: 25 % → 400 rps (at most).
    expect(first).toMatchObject({ nodeId: 'db', atMost: false });
    expect(first?.saturatesAtRps).toBeCloseTo(250, 9);
    expect(second).toMatchObject({ nodeId: 'api', atMost: true });
    expect(second?.saturatesAtRps).toBeCloseTo(400, 9);
  });
});
