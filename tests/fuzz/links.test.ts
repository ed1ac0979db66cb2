/**
 * Link fuzzer: random, truncated and garbled `#s=` fragments through the share-link codec.
 * Decoding never throws; it either refuses with a message or yields a whole document (one that
 * serializes and loads again to itself); a link cut short is refused or is the original.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioOrThrow, type LoadResult } from '../../src/model/load.ts';
import { decodeShareLink, encodeShareLink } from '../../src/model/shareLink.ts';
import { contractDocument } from '../model/fixtures.ts';
import { runs, timeoutMs } from './runs.ts';

const ORIGINAL = loadScenarioOrThrow(contractDocument());
const VALID = encodeShareLink(ORIGINAL);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A refusal with a message, or a complete document that survives its own round trip. */
function wholeOrRefused(r: LoadResult): boolean {
  if (!r.ok) return r.error.length > 0;
  const again = decodeShareLink(encodeShareLink(r.scenario));
  expect(again.ok && again.scenario).toEqual(r.scenario);
  return true;
}

describe('link fuzzer', () => {
  it(
    'random text, with and without the #s= prefix',
    () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 400 }), fc.boolean(), (s, prefix) =>
          wholeOrRefused(decodeShareLink(prefix ? `#s=${s}` : s)),
        ),
        { numRuns: runs(500) },
      );
      fc.assert(
        fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{0,300}$/), (s) =>
          wholeOrRefused(decodeShareLink(s)),
        ),
        { numRuns: runs(300) },
      );
    },
    timeoutMs,
  );

  it(
    'a valid link cut short is refused, never half a document',
    () => {
      fc.assert(
        fc.property(fc.nat({ max: VALID.length - 1 }), (cut) => {
          const r = decodeShareLink(VALID.slice(0, cut));
          if (r.ok) expect(r.scenario).toEqual(ORIGINAL);
          return true;
        }),
        { numRuns: runs(200) },
      );
    },
    timeoutMs,
  );

  it(
    'a valid link garbled (flips, insertions, deletions, whitespace): whole or refused',
    () => {
      const edit = fc.record({
        at: fc.nat({ max: VALID.length - 1 }),
        ch: fc.constantFrom(...B64, '%', ' ', '\t', '=', '+', '/'),
        op: fc.constantFrom('flip', 'insert', 'delete'),
      });
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
          let s = VALID;
          for (const { at, ch, op } of edits) {
            const i = Math.min(at, s.length);
            if (op === 'flip') s = s.slice(0, i) + ch + s.slice(i + 1);
            else if (op === 'insert') s = s.slice(0, i) + ch + s.slice(i);
            else s = s.slice(0, i) + s.slice(i + 1);
          }
          return wholeOrRefused(decodeShareLink(`#s=${s}`));
        }),
        { numRuns: runs(500) },
      );
    },
    timeoutMs,
  );
});
