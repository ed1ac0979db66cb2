/**
 * Rate limiter: a token bucket of `burst` tokens refilled at `rps` per second. A request that
 * finds a whole token takes it and passes on to an outgoing edge (chosen by weight); one that
 * finds none fails at once with 'rateLimited'. The bucket is refilled lazily on each arrival
 * (tokens = min(burst, tokens + elapsed × rps)), so the limiter costs no events of its own.
 * Over any interval of length T it lets through at most rps × T + burst requests.
 */
import type { RateLimiterParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import { RATE_LIMITED, UNAVAILABLE } from '../reasons.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import { BaseNode } from './base.ts';
import type { NodeContext } from './types.ts';

export class RateLimiterNode extends BaseNode {
  private rps: number;
  private burst: number;
  private tokens: number;
  private lastT = 0;
  /** Requests refused for want of a token: over the run, and in the current window. */
  limited = 0;
  private wLimited = 0;
  passed = 0;

  constructor(ctx: NodeContext) {
    super(ctx);
    if (ctx.node.type !== 'rateLimiter') throw new Error('rate limiter behaviour on another kind');
    const p: RateLimiterParams = ctx.node.params;
    this.rps = p.rps;
    this.burst = Math.max(1, p.burst);
    this.tokens = this.burst; // a bucket starts full
  }

  /** Live params (src/engine/actions.ts): the bucket fills at the old rate until now. */
  retune(p: RateLimiterParams): void {
    const now = this.k.now;
    this.tokens = Math.min(this.burst, this.tokens + (now - this.lastT) * this.rps);
    this.lastT = now;
    this.rps = p.rps;
    this.burst = Math.max(1, p.burst);
    if (this.tokens > this.burst) this.tokens = this.burst;
  }

  arrive(c: Call): void {
    if (this.down) return this.k.respond(c, UNAVAILABLE);
    const now = this.k.now;
    const t = this.tokens + (now - this.lastT) * this.rps;
    this.tokens = t < this.burst ? t : this.burst;
    this.lastT = now;
    if (this.tokens < 1) {
      this.wLimited++;
      if (c.counted) this.limited++;
      return this.k.respond(c, RATE_LIMITED);
    }
    this.tokens -= 1;
    if (c.counted) this.passed++;
    if (this.out.length === 0) return this.k.respond(c, 0);
    this.k.send(c, this.pickEdgeByWeight());
  }

  override onAnswer(parent: Call, _child: Call, reason: number): void {
    this.k.respond(parent, reason);
  }

  override describe(out: NodeResult | NodeWindow, window: boolean): void {
    if (window) {
      out.rateLimited = this.wLimited;
      this.wLimited = 0;
      (out as NodeWindow).tokens = Math.floor(this.tokens);
    } else {
      out.rateLimited = this.limited;
      out.passed = this.passed;
    }
  }
}
