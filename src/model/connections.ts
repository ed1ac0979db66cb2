/**
 * The one place that says which node may connect to which, over which kind of edge. The loader
 * refuses documents that break these rules and the editor refuses the connection, saying why.
 */
import { CALLABLE_NODE_TYPES } from './kinds/nodeTypes.ts';
import type { EdgeKind, NodeType } from './types.ts';

export type ConnectResult = { ok: true } | { ok: false; reason: string };

/** For call edges: the targets each kind may call, and why when it may not. */
const CALL_TARGETS: Record<NodeType, { targets: readonly NodeType[]; why: string }> = {
  client: { targets: CALLABLE_NODE_TYPES, why: '' },
  service: { targets: CALLABLE_NODE_TYPES, why: '' },
  rateLimiter: { targets: CALLABLE_NODE_TYPES, why: '' },
  loadBalancer: {
    // Databases and caches behind a balancer are one backend each: read replicas behind a
    // balancer is the textbook read-scaling picture.
    targets: ['service', 'database', 'cache'],
    why: "a load balancer's backends are the replicas of services, or databases and caches",
  },
  cache: {
    targets: ['service', 'loadBalancer', 'database', 'shardRouter', 'cache'],
    why: "a cache's backing store is a service, a load balancer, a database, a shard router or another cache",
  },
  shardRouter: {
    targets: ['database', 'service', 'cache', 'loadBalancer'],
    why: 'the shards behind a shard router are databases, services, caches or load balancers',
  },
  queue: {
    targets: ['service', 'loadBalancer'],
    why: "a queue's consumers are services (or a load balancer in front of them)",
  },
  database: {
    targets: [],
    why: 'a database answers queries and calls nothing; connect replicas with a replication edge',
  },
};

export function canConnect(
  sourceType: NodeType,
  targetType: NodeType,
  kind: EdgeKind,
): ConnectResult {
  if (kind === 'replication') {
    return sourceType === 'database' && targetType === 'database'
      ? { ok: true }
      : no('replication edges only link a database (primary) to a database (replica)');
  }
  if (kind === 'deadLetter') {
    if (sourceType !== 'queue') return no('only a queue has a dead-letter edge');
    return targetType === 'queue' || targetType === 'service'
      ? { ok: true }
      : no("a queue's dead letters go to another queue or to a service");
  }
  if (targetType === 'client') return no('nothing calls into a client: it only sends traffic');
  const rule = CALL_TARGETS[sourceType];
  return rule.targets.includes(targetType) ? { ok: true } : no(rule.why);
}

/** Limits on how many outgoing edges of a kind a node may have, checked over the whole graph. */
export interface DegreeRule {
  type: NodeType;
  kind: EdgeKind;
  /** Fewer is allowed while editing, but the loader warns: the node cannot do its job. */
  min?: { count: number; warning: string };
  /** More is refused. */
  max?: { count: number; reason: string };
}

export const DEGREE_RULES: readonly DegreeRule[] = [
  {
    type: 'client',
    kind: 'call',
    min: { count: 1, warning: 'has no outgoing edge: its requests go nowhere' },
  },
  {
    type: 'cache',
    kind: 'call',
    min: { count: 1, warning: 'has no backing store: every miss fails' },
    max: { count: 1, reason: 'a cache has exactly one outgoing call edge: its backing store' },
  },
  {
    type: 'loadBalancer',
    kind: 'call',
    min: { count: 1, warning: 'has no backends: every request fails' },
  },
  {
    type: 'shardRouter',
    kind: 'call',
    min: { count: 1, warning: 'has no shards: every request fails' },
  },
  {
    type: 'queue',
    kind: 'call',
    min: { count: 1, warning: 'has no consumer: messages pile up' },
  },
  {
    type: 'rateLimiter',
    kind: 'call',
    min: { count: 1, warning: 'calls nothing: what it lets through goes nowhere' },
  },
  {
    type: 'queue',
    kind: 'deadLetter',
    max: { count: 1, reason: 'a queue has at most one dead-letter edge' },
  },
];

function no(reason: string): ConnectResult {
  return { ok: false, reason };
}
