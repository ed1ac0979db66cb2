/**
 * The data-tier kinds keep the engine's promise: the same document and seed give the same
 * numbers to the last digit, and a fault injected at run time replays exactly as if written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { loadScenarioOrThrow } from '../../../src/model/load.ts';

const load = (name: string): Scenario =>
  loadScenarioOrThrow(
    JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')),
  );

const runJson = (doc: Scenario, seed?: number): string => {
  const sim = createSimulation(doc, seed === undefined ? {} : { seed });
  sim.runUntil(Infinity);
  return JSON.stringify(sim.snapshot());
};

describe('data tier: determinism', () => {
  for (const name of ['read-replicas-failover', 'sharding-hot-key', 'queue-dead-letters']) {
    it(`${name}: same seed, same JSON; another seed, other numbers`, () => {
      const doc = { ...load(name), durationS: 80 };
      const a = runJson(doc);
      expect(runJson(doc)).toBe(a);
      expect(runJson(doc, 999)).not.toBe(a);
    });
  }

  it('a primary crash injected at 60 s equals the same crash written in the document', () => {
    const written = load('read-replicas-failover');
    const bare: Scenario = { ...written, faults: [] };
    const sim = createSimulation(bare);
    sim.runUntil(60);
    sim.inject({ atS: 60, kind: 'crash', target: 'primary' });
    sim.runUntil(Infinity);
    const injected = sim.snapshot();
    const scheduled = createSimulation(written);
    scheduled.runUntil(Infinity);
    expect(JSON.stringify(injected.nodes)).toBe(JSON.stringify(scheduled.snapshot().nodes));
  });
});
