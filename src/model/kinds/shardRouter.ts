/** `shardRouter`: sends each request to one of its outgoing edges (the shards) by its key. */
import * as z from 'zod';
import type { ShardRouterParams, ShardStrategy } from '../types.ts';
import { int, oneOf } from './common.ts';
import type { KindDescription } from './describe.ts';
import type { FigureDescriptor } from './figures.ts';

export const SHARD_STRATEGIES = [
  'hash',
  'range',
  'consistentHash',
] as const satisfies readonly ShardStrategy[];

export const SHARD_ROUTER_DEFAULTS: ShardRouterParams = { strategy: 'hash', virtualNodes: 100 };

export const shardRouterParamsSchema = z.strictObject({
  strategy: oneOf(SHARD_STRATEGIES).default(SHARD_ROUTER_DEFAULTS.strategy),
  virtualNodes: int(1, 10_000).default(SHARD_ROUTER_DEFAULTS.virtualNodes),
});

/** The shardRouter's own figures, beyond the common ones. */
const SHARD_ROUTER_FIGURES: readonly FigureDescriptor[] = [
  {
    key: 'shardCalls',
    label: 'Calls per shard',
    unit: 'calls',
    help: "Calls sent to each shard over the run (per window: the edges' calls).",
    nature: 'byName',
    where: 'result',
  },
];

export const SHARD_ROUTER_DESCRIPTION: KindDescription = {
  type: 'shardRouter',
  figures: SHARD_ROUTER_FIGURES,
  label: 'Shard router',
  icon: '🔀',
  summary: 'Splits requests over its shards (outgoing edges) by key hash or key range.',
  params: [
    {
      key: 'strategy',
      label: 'Strategy',
      help: 'hash: key mod shards; range: contiguous key ranges (hot ranges stay hot); consistentHash: a ring of virtual nodes.',
      control: 'select',
      options: SHARD_STRATEGIES,
    },
    {
      key: 'virtualNodes',
      label: 'Virtual nodes',
      help: 'Points per shard on the ring, for consistentHash (default 100).',
      control: 'integer',
      min: 1,
      max: 10_000,
    },
  ],
};
