/**
 * The figures each lesson quotes are the figures the engine gives. Every claim (in ./claims,
 * one file per topic) names its preset, the lesson's "Try this" edit if any, the figure read
 * from the run and the figure in the text; runs are deterministic per seed, so the tolerance
 * only covers the rounding in the text. When the engine changes a figure on purpose, this
 * fails until the lesson (and its claim here) say the new figure.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMS } from './claims/index.ts';
import { allowedError, runClaim } from './claims/harness.ts';

const PRESETS = readdirSync(join(import.meta.dirname, '../../presets'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

it('every preset has its lesson figures checked', () => {
  const checked = new Set(CLAIMS.map((c) => c.preset));
  expect(PRESETS.filter((p) => !checked.has(p))).toEqual([]);
});

describe.each(PRESETS)('%s', (preset) => {
  const claims = CLAIMS.filter((c) => c.preset === preset);
  it.for(claims.map((c) => [c.claim, c] as const))('%s', ([, c]) => {
    const measured = c.metric(runClaim(c));
    const off = Math.abs(measured - c.expected);
    expect(off, `measured ${measured}, the lesson says ${c.expected}`).toBeLessThanOrEqual(
      allowedError(c),
    );
  });
});
