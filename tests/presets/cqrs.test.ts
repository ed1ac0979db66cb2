/**
 * CQRS keeps two clients apart: commands (all writes) and queries (all reads). A query must
 * never be taken for a write, or the read model would count writes nobody made and the read
 * cache would be invalidated by reads (a recycled request once carried the last write flag).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';

const doc = loadScenarioOrThrow(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../presets/cqrs.json'), 'utf8')),
);

it('queries stay reads: the read model is written only by the projector', () => {
  const sim = createSimulation(doc, { durationS: 40 });
  sim.runUntil(Infinity);
  const r = sim.snapshot();
  const writeDb = r.nodes['writeDb']!;
  const readDb = r.nodes['readDb']!;
  const cache = r.nodes['readCache']!;
  // Equal but for the few events still between the queue and the projector at the end.
  expect(readDb['writes']).toBeLessThanOrEqual(writeDb['writes'] as number);
  expect(readDb['writes']).toBeGreaterThan((writeDb['writes'] as number) - 20);
  expect(readDb.arrivals).toBeLessThan(cache.arrivals);
  expect(cache.hitRatio).toBeGreaterThan(0.3);
});
