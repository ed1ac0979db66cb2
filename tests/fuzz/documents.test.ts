/**
 * Document fuzzer: random and mutated documents through the model's loader and the engine.
 * The loader never throws, and every refusal starts with the path it names (`document:` for the
 * whole).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { NODE_TYPES } from '../../src/model/kinds/index.ts';
import { loadScenario, type LoadResult } from '../../src/model/load.ts';
import { validateParams } from '../../src/model/validateParams.ts';
import { contractDocument } from '../model/fixtures.ts';
import { runs, timeoutMs } from './runs.ts';

/** A refusal's message starts with its path (or `document`), then `: ` and a reason. */
function namesItsPath(r: LoadResult): boolean {
  if (r.ok) return true;
  return r.error.startsWith(`${r.path || 'document'}: `) && r.error.length > r.path.length + 3;
}

const json = fc.jsonValue({ maxDepth: 4 });
describe('document fuzzer', () => {
  it(
    'random JSON, text and documents with one random part: never a throw, the path named',
    () => {
      fc.assert(
        fc.property(json, (v) => namesItsPath(loadScenario(v))),
        { numRuns: runs(300) },
      );
      fc.assert(
        fc.property(fc.string(), (s) => namesItsPath(loadScenario(s))),
        { numRuns: runs(200) },
      );
      const keys = ['nodes', 'edges', 'faults', 'seed', 'durationS', 'warmupS', 'name'] as const;
      fc.assert(
        fc.property(fc.constantFrom(...keys), json, (k, v) =>
          namesItsPath(loadScenario({ ...contractDocument(), [k]: v })),
        ),
        { numRuns: runs(300) },
      );
    },
    timeoutMs,
  );

  it(
    'random params for every node kind: a result, never a throw',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...NODE_TYPES),
          fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
          (t, p) => {
            const r = validateParams(t, p);
            return r.ok || r.error.length > 0;
          },
        ),
        { numRuns: runs(300) },
      );
    },
    timeoutMs,
  );
});
