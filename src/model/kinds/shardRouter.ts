/** `shardRouter`: sends each request to one of its outgoing edges (the shards) by its key. */
import * as z from 'zod';
import { int, oneOf } from './common.ts';
import { defineKind } from './define.ts';
import { describeFields } from './schemaInfo.ts';

export const shardRouterParamsSchema = z.strictObject({
  strategy: oneOf(['hash', 'range', 'consistentHash']).default('hash'),
  virtualNodes: int(1, 10_000).default(100),
});

export const SHARD_ROUTER_DESCRIPTION = defineKind({
  type: 'shardRouter',
  label: 'Shard router',
  icon: '🔀',
  // One line branching into three shards.
  glyph: [
    ['path', 'M1.5 8h4'],
    ['path', 'M5.5 8C8 8 8 3.5 10.5 3.5M5.5 8h5M5.5 8c2.5 0 2.5 4.5 5 4.5'],
    ['circle', 12.5, 3.5, 1.5],
    ['circle', 12.5, 8, 1.5],
    ['circle', 12.5, 12.5, 1.5],
  ],
  colour: '#14a06f',
  summary: 'Splits requests over its shards (outgoing edges) by key hash or key range.',
  schema: shardRouterParamsSchema,
  params: describeFields(shardRouterParamsSchema, [
    {
      key: 'strategy',
      label: 'Strategy',
      help: 'hash: key mod shards; range: contiguous key ranges (hot ranges stay hot); consistentHash: a ring of virtual nodes.',
    },
    {
      key: 'virtualNodes',
      label: 'Virtual nodes',
      help: 'Points per shard on the ring, for consistentHash.',
    },
  ]),
  line: (p) => `${p.strategy} sharding`,
  flow: () => ({ split: 'keys' }),
  theory: () => ({ as: 'router' }),
  faults: [],
  price: { usd: 0.05, per: 'instance-hour' },
  edges: {
    call: {
      targets: ['database', 'service', 'cache', 'loadBalancer'],
      why: 'the shards behind a shard router are databases, services, caches or load balancers',
      min: {
        count: 1,
        warning: 'has no shards: every request fails',
        problem:
          'This shard router has no shards: connect it to the databases or services behind it.',
      },
    },
  },
  reads: () => ({ key: true }),
});
