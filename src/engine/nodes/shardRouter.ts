/**
 * Shard router: sends each request to one shard (an outgoing call edge) chosen from its key, by
 * `hash` (mix32(key) mod N), `range` (the key space split evenly over the edges, in order) or
 * `consistentHash` (a ring with `virtualNodes` points per shard, named by the shard node's id).
 * It does no work of its own and relays the answer. The load per shard is visible as each
 * edge's calls in the windows, each shard node's own figures, and `shardCalls` here.
 */
import type { ShardRouterParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import { UNAVAILABLE } from '../reasons.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import { BaseNode } from './base.ts';
import { HashRing, modShard, rangeShard } from './consistentHash.ts';
import { keySpaceOf } from './replication.ts';
import type { NodeContext } from './types.ts';

const HASH = 0;
const RANGE = 1;
const RING = 2;

export class ShardRouterNode extends BaseNode {
  readonly params: ShardRouterParams;
  private readonly mode: number;
  private readonly ring: HashRing | null;
  private readonly keySpace: number;
  /** Counted calls per shard (by position in `out`). */
  private readonly perShard: Float64Array;
  private readonly shardNames: string[];

  constructor(ctx: NodeContext) {
    super(ctx);
    if (ctx.node.type !== 'shardRouter') throw new Error('shard router behaviour on another kind');
    this.params = ctx.node.params;
    const s = this.params.strategy;
    this.mode = s === 'range' ? RANGE : s === 'consistentHash' ? RING : HASH;
    this.shardNames = ctx.out.map((e) => ctx.targets[this.k.edges[e]!.target]!.id);
    this.ring = this.mode === RING ? new HashRing(this.shardNames, this.params.virtualNodes) : null;
    // Every client's keys (not bounded: range splits the whole key space).
    let keys = 1;
    for (const n of ctx.targets)
      if (n.type === 'client') keys = Math.max(keys, n.params.keys.count);
    this.keySpace = Math.max(keys, keySpaceOf(ctx.targets));
    this.perShard = new Float64Array(ctx.out.length);
  }

  /** The shard (position among outgoing edges) that owns `key`. */
  shardOf(key: number): number {
    const n = this.out.length;
    if (this.mode === RING) return this.ring!.shardOf(key);
    if (this.mode === RANGE) return rangeShard(key, n, this.keySpace);
    return modShard(key, n);
  }

  arrive(c: Call): void {
    if (this.down || this.out.length === 0) return this.k.respond(c, UNAVAILABLE);
    const s = this.shardOf(c.key);
    if (c.counted) this.perShard[s]!++;
    this.k.send(c, this.out[s]!);
  }

  override onAnswer(parent: Call, _child: Call, reason: number): void {
    this.k.respond(parent, reason);
  }

  override describe(out: NodeResult | NodeWindow, window: boolean): void {
    if (window) return; // per-shard load per window: the edges' `calls`
    const shardCalls: Record<string, number> = {};
    this.shardNames.forEach((name, i) => (shardCalls[name] = this.perShard[i]!));
    out.shardCalls = shardCalls;
  }
}
