/**
 * Defaults shared by node kinds: a down flag that answers 'unavailable', a slow factor, and
 * edge choice by weight. Kinds override what they need.
 */
import type { NodeType } from '../../model/types.ts';
import type { Call } from '../call.ts';
import type { Kernel } from '../kernel.ts';
import { UNAVAILABLE } from '../reasons.ts';
import type { Rng } from '../rng.ts';
import { NodeStats } from '../metrics/nodeStats.ts';
import { ClassStats } from '../classes/classStats.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import type { NodeBehaviour, NodeContext } from './types.ts';

export abstract class BaseNode implements NodeBehaviour {
  readonly index: number;
  readonly id: string;
  readonly type: NodeType;
  readonly stats: NodeStats;
  readonly out: readonly number[];
  protected readonly k: Kernel;
  protected down = false;
  protected slow = 1;
  /** Cumulative edge weights, for choosing one outgoing edge by weight. */
  private readonly cumWeights: Float64Array;

  constructor(ctx: NodeContext) {
    this.k = ctx.kernel;
    this.stats = new NodeStats(ctx.kernel, ctx.kernel.liveWindows);
    const classes = ctx.kernel.classes.count;
    // Every class of the document, in its order; a client keeps its own (see client.ts).
    if (classes > 0)
      this.stats.byClass = new ClassStats(
        ctx.kernel,
        Array.from({ length: classes }, (_, i) => i),
        false,
      );
    this.index = ctx.index;
    this.id = ctx.node.id;
    this.type = ctx.node.type;
    this.out = ctx.out;
    this.cumWeights = new Float64Array(ctx.out.length);
    let acc = 0;
    ctx.out.forEach((e, i) => {
      acc += Math.max(0, ctx.kernel.edges[e]!.weight);
      this.cumWeights[i] = acc;
    });
  }

  start(): void {}
  abstract arrive(call: Call): void;
  onAnswer(_parent: Call, _child: Call, _reason: number): void {}
  onEvent(_sub: number, _a: number, _b: number): void {}
  setDown(replicasDown: number): void {
    this.down = replicasDown > 0;
  }
  setSlow(factor: number): void {
    this.slow = factor;
  }
  setSpike(_multiplier: number): void {}
  flush(): void {}
  describe(_out: NodeResult | NodeWindow, _window: boolean): void {}

  /**
   * A crash loses the calls in service (`held`) and those waiting: each answers 'unavailable'.
   * The kind has already taken them off its own books (queue drained, busy count zeroed), so an
   * answer that comes straight back in finds the node empty.
   */
  protected failCrashed(held: readonly number[], waiting: readonly number[]): void {
    const k = this.k;
    this.stats.addQueue(k.now, -waiting.length);
    this.stats.addBusy(k.now, -held.length);
    for (const id of held) {
      const c = k.pool.calls[id]!;
      c.slot = -1;
      c.killed = true;
      k.respond(c, UNAVAILABLE);
    }
    for (const id of waiting) k.respond(k.pool.calls[id]!, UNAVAILABLE);
  }

  /** One outgoing edge index, chosen with probability proportional to its weight. */
  protected pickEdgeByWeight(rng: Rng = this.k.rng): number {
    const n = this.out.length;
    if (n === 1) return this.out[0]!;
    const cw = this.cumWeights;
    const total = cw[n - 1]!;
    const u = rng.next() * total;
    for (let i = 0; i < n; i++) if (u < cw[i]!) return this.out[i]!;
    return this.out[n - 1]!;
  }
}
