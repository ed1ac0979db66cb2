/**
 * Every node kind in one table: its params schema, its defaults and its description. The loader,
 * the palette and the inspector all read from here, so a new kind is one file plus one row.
 */
import type * as z from 'zod';
import type { NodeType, ParamsByType, Position, ScenarioNode, ScenarioNodeOf } from '../types.ts';
import { CACHE_DEFAULTS, CACHE_DESCRIPTION, cacheParamsSchema } from './cache.ts';
import { CLIENT_DEFAULTS, CLIENT_DESCRIPTION, clientParamsSchema } from './client.ts';
import { DATABASE_DEFAULTS, DATABASE_DESCRIPTION, databaseParamsSchema } from './database.ts';
import { typed } from './common.ts';
import type { KindDescription } from './describe.ts';
import {
  LOAD_BALANCER_DEFAULTS,
  LOAD_BALANCER_DESCRIPTION,
  loadBalancerParamsSchema,
} from './loadBalancer.ts';
import { QUEUE_DEFAULTS, QUEUE_DESCRIPTION, queueParamsSchema } from './queue.ts';
import {
  RATE_LIMITER_DEFAULTS,
  RATE_LIMITER_DESCRIPTION,
  rateLimiterParamsSchema,
} from './rateLimiter.ts';
import { SERVICE_DEFAULTS, SERVICE_DESCRIPTION, serviceParamsSchema } from './service.ts';
import {
  SHARD_ROUTER_DEFAULTS,
  SHARD_ROUTER_DESCRIPTION,
  shardRouterParamsSchema,
} from './shardRouter.ts';

export type {
  FaultKindDescription,
  KindDescription,
  ParamControl,
  ParamDescriptor,
  VariantCase,
} from './describe.ts';
export { EDGE_KINDS, EDGE_PARAMS, BREAKER_DEFAULTS, RETRY_DEFAULTS } from './edge.ts';
export { FAULT_KINDS, FAULT_DEFAULTS } from './fault.ts';

/** Palette order: traffic enters on the left, data lives on the right. */
export const NODE_TYPES: readonly NodeType[] = [
  'client',
  'loadBalancer',
  'rateLimiter',
  'service',
  'cache',
  'queue',
  'shardRouter',
  'database',
];

export const KIND_DESCRIPTIONS: Record<NodeType, KindDescription> = {
  client: CLIENT_DESCRIPTION,
  service: SERVICE_DESCRIPTION,
  loadBalancer: LOAD_BALANCER_DESCRIPTION,
  cache: CACHE_DESCRIPTION,
  database: DATABASE_DESCRIPTION,
  shardRouter: SHARD_ROUTER_DESCRIPTION,
  queue: QUEUE_DESCRIPTION,
  rateLimiter: RATE_LIMITER_DESCRIPTION,
};

/** The params schema of each kind: reads a partial params object and fills the defaults. */
export const PARAMS_SCHEMAS: { [T in NodeType]: z.ZodType<ParamsByType[T], object> } = {
  client: typed<ParamsByType['client']>(clientParamsSchema),
  service: typed<ParamsByType['service']>(serviceParamsSchema),
  loadBalancer: typed<ParamsByType['loadBalancer']>(loadBalancerParamsSchema),
  cache: typed<ParamsByType['cache']>(cacheParamsSchema),
  database: typed<ParamsByType['database']>(databaseParamsSchema),
  shardRouter: typed<ParamsByType['shardRouter']>(shardRouterParamsSchema),
  queue: typed<ParamsByType['queue']>(queueParamsSchema),
  rateLimiter: typed<ParamsByType['rateLimiter']>(rateLimiterParamsSchema),
};

const DEFAULTS: ParamsByType = {
  client: CLIENT_DEFAULTS,
  service: SERVICE_DEFAULTS,
  loadBalancer: LOAD_BALANCER_DEFAULTS,
  cache: CACHE_DEFAULTS,
  database: DATABASE_DEFAULTS,
  shardRouter: SHARD_ROUTER_DEFAULTS,
  queue: QUEUE_DEFAULTS,
  rateLimiter: RATE_LIMITER_DEFAULTS,
};

/** A fresh copy of a kind's default params (safe to mutate). */
export function defaultParams<T extends NodeType>(type: T): ParamsByType[T] {
  return structuredClone(DEFAULTS[type]);
}

/** A node of `type` with its kind's defaults and `params` on top: the one way code builds one. */
export function nodeWithDefaults<T extends NodeType>(
  type: T,
  id: string,
  params: Partial<ParamsByType[T]> = {},
  position: Position = { x: 0, y: 0 },
  label: string = id,
): ScenarioNode {
  const node: ScenarioNodeOf<T> = {
    id,
    type,
    label,
    position,
    params: { ...defaultParams(type), ...params },
  };
  return node as ScenarioNode;
}

export function isNodeType(v: unknown): v is NodeType {
  return typeof v === 'string' && Object.hasOwn(KIND_DESCRIPTIONS, v);
}
