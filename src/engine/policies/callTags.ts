/**
 * A one-bit mark on live calls (a breaker's probe, a degraded answer) without a field on
 * `Call`: slot `id` holds the generation it was marked in, plus one. A recycled call has a new
 * generation, so old marks lapse by themselves and nothing needs clearing on free. Grows by
 * doubling with the call pool, so the hot path allocates only while the pool itself grows.
 */
import type { Call } from '../call.ts';

export class CallTags {
  private gens = new Float64Array(1024);

  mark(c: Call): void {
    if (c.id >= this.gens.length) {
      const next = new Float64Array(Math.max(c.id + 1, this.gens.length * 2));
      next.set(this.gens);
      this.gens = next;
    }
    this.gens[c.id] = c.gen + 1;
  }

  has(c: Call): boolean {
    return c.id < this.gens.length && this.gens[c.id] === c.gen + 1;
  }
}
