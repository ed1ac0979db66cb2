/**
 * Every node kind, in the order the contract (src/model/types.ts) declares them. Keyed by
 * NodeType, so the compiler refuses a list that misses or invents a kind. Messages that list kinds
 * ("a crash fault applies to service, loadBalancer, …") use this order; the palette has its own
 * (NODE_TYPES in ./index.ts).
 */
import type { NodeType } from '../types.ts';

const DECLARED: Record<NodeType, true> = {
  client: true,
  service: true,
  loadBalancer: true,
  cache: true,
  database: true,
  shardRouter: true,
  queue: true,
  rateLimiter: true,
};

export const ALL_NODE_TYPES = Object.keys(DECLARED) as readonly NodeType[];

/** The kinds that answer calls, and so can be called or crash: all but the client. */
export const CALLABLE_NODE_TYPES: readonly NodeType[] = ALL_NODE_TYPES.filter(
  (t) => t !== 'client',
);
