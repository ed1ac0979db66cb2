/**
 * The engine's xoroshiro128+ step (src/engine/rng.ts) is pure-rand's, draw for draw: the same
 * seed gives the same stream as before it was written out, so every run's numbers stay.
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.ts';

/** The library's generator on the state Rng expands a seed into (splitmix32, four words). */
function library(seed: number) {
  let x = seed >>> 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    words.push(z ^ (z >>> 16));
  }
  const gen = xoroshiro128plusFromState(words);
  return () => ((gen.next() >>> 5) * 67108864 + (gen.next() >>> 6)) / 9007199254740992;
}

describe('Rng', () => {
  it.each([0, 1, 7, 42, 0xffffffff, 123456789])(
    'seed %i: the library stream, bit for bit',
    (seed) => {
      const ours = new Rng(seed);
      const theirs = library(seed);
      for (let i = 0; i < 100_000; i++) {
        const a = ours.next();
        const b = theirs();
        if (a !== b) expect({ i, a }).toEqual({ i, a: b });
      }
    },
  );
  it('skip() advances the stream exactly as one next() does', () => {
    const skipping = new Rng(42);
    const reading = new Rng(42);
    for (let i = 0; i < 1000; i++) {
      if (i % 3 === 0) {
        skipping.skip();
        reading.next();
      } else expect(skipping.next()).toBe(reading.next());
    }
  });
});
