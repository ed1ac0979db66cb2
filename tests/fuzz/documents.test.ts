/**
 * Document fuzzer: random and mutated documents through the model's loader and the engine.
 * The loader never throws, and every refusal starts with the path it names (`document:` for the
 * whole); whatever loads runs in the engine without throwing and loads again unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import { NODE_TYPES } from '../../src/model/kinds/index.ts';
import { loadScenario, type LoadResult } from '../../src/model/load.ts';
import { decodeShareLink, encodeShareLink } from '../../src/model/shareLink.ts';
import { validateParams } from '../../src/model/validateParams.ts';
import { contractDocument } from '../model/fixtures.ts';
import { runs, timeoutMs } from './runs.ts';

/** A refusal's message starts with its path (or `document`), then `: ` and a reason. */
function namesItsPath(r: LoadResult): boolean {
  if (r.ok) return true;
  return r.error.startsWith(`${r.path || 'document'}: `) && r.error.length > r.path.length + 3;
}

const json = fc.jsonValue({ maxDepth: 4 });
const ID = ['a', 'b', 'c', 'd'] as const;

/** Mostly sensible values, sometimes anything: so many documents load and reach the engine. */
const paramValue = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(1e7, 1e9, -3, 0.5, 'x', true, null) },
  { weight: 1, arbitrary: json },
);
const PARAM_KEYS = [
  'workers',
  'replicas',
  'capacity',
  'queueCapacity',
  'shedQueueLength',
  'wrokers',
];

/** Plausible documents: nodes of real kinds with random params, edges among them. */
const shapedDocument = fc
  .record({
    version: fc.oneof(
      { weight: 9, arbitrary: fc.constant(1) },
      { weight: 1, arbitrary: fc.constantFrom(0, 2, '1') },
    ),
    durationS: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(1, 5, 60) },
      { weight: 1, arbitrary: fc.double({ min: -1, max: 5, noNaN: true }) },
    ),
    types: fc.array(
      fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...NODE_TYPES) },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      ),
      { minLength: 1, maxLength: ID.length },
    ),
    params: fc.array(fc.dictionary(fc.constantFrom(...PARAM_KEYS), paramValue, { maxKeys: 2 }), {
      minLength: ID.length,
      maxLength: ID.length,
    }),
    edges: fc.array(
      fc.record({
        source: fc.nat({ max: ID.length - 1 }),
        target: fc.nat({ max: ID.length - 1 }),
        kind: fc.oneof(
          { weight: 6, arbitrary: fc.constant('call') },
          { weight: 1, arbitrary: fc.constantFrom('replication', 'deadLetter', 'rpc') },
        ),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ version, durationS, types, params, edges }) => ({
    version,
    durationS,
    nodes: types.map((type, i) => ({ id: ID[i], type, params: params[i] })),
    // Ends among the nodes there are, so edges are judged by the connection rules.
    edges: edges.map((e, i) => ({
      id: `e${i}`,
      kind: e.kind,
      source: ID[e.source % types.length],
      target: ID[e.target % types.length],
    })),
  }));

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

  it(
    'shaped documents: a refusal names its path; what loads runs and loads again unchanged',
    () => {
      let loaded = 0;
      fc.assert(
        fc.property(shapedDocument, (doc) => {
          const r = loadScenario(doc);
          if (!r.ok) return namesItsPath(r);
          loaded += 1;
          const again = decodeShareLink(encodeShareLink(r.scenario));
          expect(again.ok && again.scenario).toEqual(r.scenario);
          // A small event budget keeps a document with 10^7 rps as quick as any other.
          const sim = createSimulation(r.scenario, { durationS: 2, eventBudget: 20_000 });
          sim.runUntil(Infinity);
          expect(sim.snapshot().durationS).toBe(2);
          return true;
        }),
        { numRuns: runs(300) },
      );
      // The generator must reach the engine, or this test checks only refusals.
      expect(loaded).toBeGreaterThan(runs(300) / 20);
    },
    timeoutMs,
  );
});
