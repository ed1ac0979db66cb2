/** Untrusted input never throws: random strings, mutated links and random JSON-ish values. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioOrThrow } from '../../src/model/load.ts';
import { decodeShareLink, encodeShareLink } from '../../src/model/shareLink.ts';
import { validateParams } from '../../src/model/validateParams.ts';
import { NODE_TYPES } from '../../src/model/kinds/index.ts';
import { contractDocument } from './fixtures.ts';

const VALID = encodeShareLink(loadScenarioOrThrow(contractDocument()));
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function isResult(r: { ok: boolean; error?: string }): boolean {
  return r.ok || (typeof r.error === 'string' && r.error.length > 0);
}

describe('never throws on untrusted input', () => {
  it('random strings as share links', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => isResult(decodeShareLink(s))),
      { numRuns: 3000 },
    );
  });

  it('mutated valid links (flips, cuts, insertions)', () => {
    const mutation = fc.record({
      at: fc.nat({ max: VALID.length - 1 }),
      cut: fc.nat({ max: VALID.length }),
      ch: fc.constantFrom(...B64),
      op: fc.constantFrom('flip', 'cut', 'insert'),
    });
    fc.assert(
      fc.property(mutation, ({ at, cut, ch, op }) => {
        const mutated =
          op === 'flip'
            ? VALID.slice(0, at) + ch + VALID.slice(at + 1)
            : op === 'cut'
              ? VALID.slice(0, cut)
              : VALID.slice(0, at) + ch + VALID.slice(at);
        return isResult(decodeShareLink(mutated));
      }),
      { numRuns: 2000 },
    );
  });

  it('random JSON-ish values as documents and as documents with random parts', () => {
    const json = fc.jsonValue({ maxDepth: 5 });
    fc.assert(
      fc.property(json, (v) => isResult(loadScenario(v))),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => isResult(loadScenario(s))),
      { numRuns: 1000 },
    );
    const keys = ['nodes', 'edges', 'faults', 'seed', 'durationS', 'warmupS', 'name'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), json, (k, v) =>
        isResult(loadScenario({ ...contractDocument(), [k]: v })),
      ),
      { numRuns: 2000 },
    );
  });

  it('random params for every node kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NODE_TYPES),
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
        (t, p) => isResult(validateParams(t, p)),
      ),
      { numRuns: 2000 },
    );
  });

  it('whatever loads, serializes and loads again to the same scenario', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NODE_TYPES), fc.jsonValue({ maxDepth: 3 }), (t, p) => {
        const r = loadScenario({ version: 1, nodes: [{ id: 'n', type: t, params: p }] });
        if (!r.ok) return true;
        const again = decodeShareLink(encodeShareLink(r.scenario));
        expect(again.ok && again.scenario).toEqual(r.scenario);
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});
