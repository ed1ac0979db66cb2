/**
 * The five distributions of the contract, compiled once into samplers (so the hot path does a
 * switch on a small integer, with no allocation and no closure made per event).
 */
import type { Dist } from '../model/types.ts';
import type { Rng } from './rng.ts';

const CONSTANT = 0;
const EXPONENTIAL = 1;
const UNIFORM = 2;
const LOGNORMAL = 3;
const ERLANG = 4;

export class Sampler {
  /** Mean in ms, for analytic use (autoscalers, tests, docs). */
  readonly meanMs: number;
  private readonly kind: number;
  private readonly a: number;
  private readonly b: number;
  private readonly k: number;

  constructor(
    dist: Dist,
    private readonly rng: Rng,
  ) {
    switch (dist.dist) {
      case 'constant':
        this.kind = CONSTANT;
        this.a = dist.ms;
        this.b = 0;
        this.k = 0;
        this.meanMs = dist.ms;
        break;
      case 'exponential':
        this.kind = EXPONENTIAL;
        this.a = dist.meanMs;
        this.b = 0;
        this.k = 0;
        this.meanMs = dist.meanMs;
        break;
      case 'uniform':
        this.kind = UNIFORM;
        this.a = dist.minMs;
        this.b = dist.maxMs - dist.minMs;
        this.k = 0;
        this.meanMs = (dist.minMs + dist.maxMs) / 2;
        break;
      case 'lognormal': {
        // From mean m and cv: sigma^2 = ln(1 + cv^2), mu = ln(m) - sigma^2 / 2.
        const s2 = Math.log(1 + dist.cv * dist.cv);
        this.kind = LOGNORMAL;
        this.a = Math.log(dist.meanMs) - s2 / 2;
        this.b = Math.sqrt(s2);
        this.k = 0;
        this.meanMs = dist.meanMs;
        break;
      }
      case 'erlang':
        this.kind = ERLANG;
        this.a = dist.meanMs / dist.k; // mean of each exponential phase
        this.b = 0;
        this.k = Math.max(1, Math.round(dist.k));
        this.meanMs = dist.meanMs;
        break;
    }
  }

  /** True when every draw is exactly zero: callers may then skip scheduling an event. */
  get isZero(): boolean {
    return this.kind === CONSTANT && this.a === 0;
  }

  /**
   * One draw, in ms. The exponential, the usual service time, is drawn here, the others out of
   * line: a body this small is inlined where it is called (a service's start of work), where
   * the whole switch was a call of its own, its draw returned in a box.
   */
  sample(): number {
    if (this.kind === EXPONENTIAL) return -this.a * Math.log(1 - this.rng.next());
    return this.sampleOther();
  }

  private sampleOther(): number {
    const rng = this.rng;
    switch (this.kind) {
      case CONSTANT:
        return this.a;
      case UNIFORM:
        return this.a + this.b * rng.next();
      case LOGNORMAL:
        return Math.exp(this.a + this.b * rng.normal());
      default: {
        // Erlang: the sum of k exponentials. A product of uniforms needs one log, but can
        // underflow for large k, so take logs in blocks of 16.
        let total = 0;
        let prod = 1;
        for (let i = 0; i < this.k; i++) {
          prod *= 1 - rng.next();
          if ((i & 15) === 15) {
            total -= Math.log(prod);
            prod = 1;
          }
        }
        total -= Math.log(prod);
        return this.a * total;
      }
    }
  }
}
