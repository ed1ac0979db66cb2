/**
 * The engine's one source of randomness: a seeded xoroshiro128+ stream.
 *
 * Why xoroshiro128+: it is fast (a handful of 32-bit integer operations per draw, no BigInt),
 * it passes BigCrush apart from the lowest bits (which we discard), and it is specified bit for
 * bit, so a seed gives the same stream in Node, in every browser, and in a Web Worker. We build
 * a 53-bit double from two 32-bit outputs so that `-ln(1 - u)` never sees a zero and tails are
 * resolved to 2^-53.
 *
 * The step is pure-rand's `xoroshiro128plus` (v8), written out here with the state in four
 * integer fields of this class: one small method V8 inlines into its callers, where calling the
 * library's generator object twice per draw was a call it did not inline, each returning a
 * boxed double. tests/engine/rng.test.ts checks, draw for draw, that the outputs are the
 * library's.
 *
 * pure-rand's own `xoroshiro128plus(seed)` puts the seed straight into the state, and its first
 * outputs are then close to 1 for every small seed (a poorly mixed start). We expand the seed
 * with splitmix32 into four well-mixed state words instead.
 */
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

export class Rng {
  // xoroshiro128+ state: two 64-bit words as four signed 32-bit halves (pure-rand's names).
  // Initialised here, not only in the constructor: under ES2022 class fields a field declared
  // without a value starts as `undefined` (tsconfig's useDefineForClassFields is now off for
  // every class, for this reason), so V8 keeps it as a tagged value, and in Chromium (pointer compression: small
  // integers are 31 bits) about half of the halves are not small integers, so each store
  // allocated a number: the step was a fifth of the worker's time, the headless run in a
  // Chromium worker 0.7 × Node's. Started as 0, the fields hold their numbers in place.
  private s01 = 0;
  private s00 = 0;
  private s11 = 0;
  private s10 = 0;
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
    this.s01 = words[0]!;
    this.s00 = words[1]!;
    this.s11 = words[2]!;
    this.s10 = words[3]!;
  }

  /** A double uniform in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.step() >>> 5; // 27 bits
    const lo = this.step() >>> 6; // 26 bits
    return (hi * TWO_POW_26 + lo) / TWO_POW_53;
  }

  /**
   * Advance the stream by one `next()` whose value is not needed (a draw whose outcome is
   * known), so what follows is drawn as if it had been read; nothing is returned to box.
   */
  skip(): void {
    this.step();
    this.step();
  }

  /** One xoroshiro128+ output (a signed 32-bit integer), advancing the state. */
  private step(): number {
    const s00 = this.s00;
    const s01 = this.s01;
    const s10 = this.s10;
    const s11 = this.s11;
    const out = (s00 + s10) | 0;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    this.s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    this.s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    this.s10 = (a1 << 5) ^ (a0 >>> 27);
    this.s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
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
