/**
 * Node kinds → behaviours. Adding a kind is one file in this folder and one line here.
 * Kinds without a behaviour yet make `createSimulation` throw a clear error rather than run a
 * document whose numbers would mean nothing.
 */
import type { NodeType } from '../../model/types.ts';
import { CacheNode } from './cache.ts';
import { ClientNode } from './client.ts';
import { DatabaseNode } from './database.ts';
import { LoadBalancerNode } from './loadBalancer.ts';
import { QueueNode } from './queue.ts';
import { RateLimiterNode } from './rateLimiter.ts';
import { ServiceNode } from './service.ts';
import { ShardRouterNode } from './shardRouter.ts';
import { StreamNode } from './stream.ts';
import type { NodeFactory } from './types.ts';

export const nodeRegistry: Record<NodeType, NodeFactory | null> = {
  client: (ctx) => new ClientNode(ctx),
  service: (ctx) => new ServiceNode(ctx),
  loadBalancer: (ctx) => new LoadBalancerNode(ctx),
  cache: (ctx) => new CacheNode(ctx),
  database: (ctx) => new DatabaseNode(ctx),
  shardRouter: (ctx) => new ShardRouterNode(ctx),
  queue: (ctx) => new QueueNode(ctx),
  stream: (ctx) => new StreamNode(ctx),
  rateLimiter: (ctx) => new RateLimiterNode(ctx),
};

/** Adds a kind's behaviour at run time (a test's toy kind, beside `registerKind` in the model). */
export function registerBehaviour(type: string, factory: NodeFactory): void {
  (nodeRegistry as Record<string, NodeFactory | null>)[type] = factory;
}

export class UnsupportedKindError extends Error {
  constructor(nodeId: string, type: NodeType) {
    super(`node "${nodeId}": kind "${type}" is not yet supported by the engine`);
    this.name = 'UnsupportedKindError';
  }
}
