/**
 * The engine's one source of randomness: a seeded xoroshiro128+ stream.
 *
 * Why pure-rand's xoroshiro128plus: it is fast (a handful of 32-bit integer operations per
 * draw, no BigInt), its `next()` mutates in place (no allocation per draw, unlike the pure
 * `generate` API), it passes BigCrush apart from the lowest bits (which we discard), and it is
 * specified bit for bit, so a seed gives the same stream in Node, in every browser, and in a
 * Web Worker. We build a 53-bit double from two 32-bit outputs so that `-ln(1 - u)` never
 * sees a zero and tails are resolved to 2^-53.
 *
 * pure-rand's own `xoroshiro128plus(seed)` puts the seed straight into the state, and its first
 * outputs are then close to 1 for every small seed (a poorly mixed start). We expand the seed
 * with splitmix32 into four well-mixed state words instead.
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

export class Rng {
  private readonly gen: RandomGenerator;
  /** Box-Muller gives two normals per pair of uniforms; the second is kept for the next call. */
  private spareNormal = 0;
  private hasSpare = false;

  /** The seed this stream was built from. */
  readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    let x = seed >>> 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      words.push(z ^ (z >>> 16));
    }
    this.gen = xoroshiro128plusFromState(words);
  }

  /** A double uniform in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.gen.next() >>> 5; // 27 bits
    const lo = this.gen.next() >>> 6; // 26 bits
    return (hi * TWO_POW_26 + lo) / TWO_POW_53;
  }

  /** An integer uniform in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A standard normal variate (Box-Muller, polar-free form). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    const u1 = 1 - this.next(); // (0, 1]: log is finite
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spareNormal = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }
}

/**
 * The seed of an independent stream `stream` of a run seeded `seed` (a murmur3-style mix). Each
 * client draws its arrivals from its own stream, so two designs run with the same seed get the
 * same arrivals whatever happens downstream (what-if compare relies on it).
 */
export function streamSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
