/** Fully-defaulted documents for the data-tier kinds (engine tests bypass the loader). */
import type {
  DatabaseParams,
  QueueParams,
  RateLimiterParams,
  ScenarioNode,
  ShardRouterParams,
} from '../../../src/model/types.ts';
import { constant, exp } from '../harness.ts';

const at = { x: 0, y: 0 };

export function rateLimiter(id: string, p: Partial<RateLimiterParams> = {}): ScenarioNode {
  return {
    id,
    type: 'rateLimiter',
    label: id,
    position: at,
    params: { rps: 100, burst: 20, ...p },
  };
}

export function database(id: string, p: Partial<DatabaseParams> = {}): ScenarioNode {
  return {
    id,
    type: 'database',
    label: id,
    position: at,
    params: {
      readTimeMs: exp(5),
      writeTimeMs: exp(15),
      connections: 20,
      multiPrimary: false,
      ...p,
    },
  };
}

export function shardRouter(id: string, p: Partial<ShardRouterParams> = {}): ScenarioNode {
  return {
    id,
    type: 'shardRouter',
    label: id,
    position: at,
    params: { strategy: 'hash', virtualNodes: 100, ...p },
  };
}

export function queue(id: string, p: Partial<QueueParams> = {}): ScenarioNode {
  return {
    id,
    type: 'queue',
    label: id,
    position: at,
    params: {
      delivery: 'pointToPoint',
      priorities: 1,
      maxDeliveries: 3,
      ackMs: constant(1),
      ...p,
    },
  };
}
