/**
 * Every preset runs clean on the real engine: it loads without warnings, the run reaches its
 * end (not truncated), and some requests succeed. A preset using a kind the engine does not
 * support yet is skipped with the engine's own reason (UnsupportedKindError), so the skip
 * disappears by itself once the kind lands; nothing here lists kinds by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, UnsupportedKindError } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/model/load.ts';

const DIR = join(import.meta.dirname, '../../presets');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('every preset runs clean', () => {
  it('there are at least 17 presets', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(17);
  });

  it.for(FILES)('%s', (file, ctx) => {
    const loaded = loadScenario(readFileSync(join(DIR, file), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.warnings).toEqual([]);
    let sim;
    try {
      sim = createSimulation(loaded.scenario, { eventBudget: 20_000_000 });
    } catch (e) {
      if (e instanceof UnsupportedKindError) return ctx.skip(e.message);
      throw e;
    }
    sim.runUntil(Infinity);
    const r = sim.snapshot();
    expect(r.truncated).toBeUndefined();
    expect(sim.nowS).toBe(loaded.scenario.durationS);
    expect(r.requests.total).toBeGreaterThan(0);
    expect(r.requests.ok).toBeGreaterThan(0);
  });
});
