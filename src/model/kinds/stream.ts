/**
 * `stream`: a partitioned log (Kafka-style). Producers get an acknowledgement after `ackMs`; a
 * message goes to the partition its key hashes to; each outgoing call edge is a consumer group
 * (a service), which gets every message, one at a time per partition (order per key), from the
 * replica that owns the partition. The engine's side is src/engine/nodes/stream.ts.
 */
import * as z from 'zod';
import { constant, distSchema, idSchema, int, MAX_MS, num, positive } from './common.ts';
import { defineKind } from './define.ts';
import type { TableShape } from './describe.ts';
import { num as short } from './lineText.ts';
import { describeFields } from './schemaInfo.ts';

export const MAX_PARTITIONS = 64;
/** Replays per stream: each is a line of the "lag by group" chart's replaying side. */
const MAX_REPLAYS = 4;
/** Longest run the document allows, for a replay's start (a year of simulated seconds). */
const MAX_START_S = 31_536_000;

const replaySchema = z.strictObject({
  groups: z
    .array(idSchema, { error: 'must be a list of node ids' })
    .min(1, { error: 'must name at least one consumer group' }),
  atS: num(0, MAX_START_S, 's').default(60),
});

export const streamParamsSchema = z.strictObject({
  partitions: int(1, MAX_PARTITIONS).default(6),
  ackMs: distSchema.default(constant(2)),
  // Per partition. The simulation holds every retained message (about 24 bytes each), so the
  // bound keeps a long run's memory in check: 64 partitions × 2 million ≈ 3 GB at the very most.
  retentionMessages: int(1, 2_000_000).default(100_000),
  retentionS: positive(MAX_START_S, 's').optional(),
  rebalanceMs: num(0, MAX_MS, 'ms').default(3000),
  replays: z
    .array(replaySchema, { error: 'must be a list of replays' })
    .max(MAX_REPLAYS, { error: `must list at most ${MAX_REPLAYS} replays` })
    .optional(),
});

const REPLAYS_TABLE: TableShape = {
  rows: 'list',
  item: 'Replay',
  maxRows: MAX_REPLAYS,
  blank: { atS: 60 },
  columns: describeFields(replaySchema, [
    {
      key: 'groups',
      label: 'Groups',
      help: 'Consumer groups that replay.',
      control: 'backends',
    },
    {
      key: 'atS',
      label: 'Starts at',
      help: 'When they join.',
    },
  ]),
};

export const STREAM_DESCRIPTION = defineKind({
  type: 'stream',
  label: 'Stream',
  icon: '📜',
  // A log of three partitions, appended on the right.
  glyph: [
    ['path', 'M2 3.5h9M2 8h11M2 12.5h7'],
    ['path', 'M12 2.5v2M14 7v2M10 11.5v2'],
  ],
  colour: '#7c3aed',
  summary: 'A partitioned log (Kafka-style): consumer groups read every message, in order per key.',
  schema: streamParamsSchema,
  params: describeFields(streamParamsSchema, [
    {
      key: 'partitions',
      label: 'Partitions',
      help: 'A key hashes to a partition; a group reads each one a message at a time, on the replica owning it. Extra replicas idle.',
    },
    {
      key: 'ackMs',
      label: 'Ack time',
      help: 'The producer waits only for the append.',
      unit: 'ms',
    },
    {
      key: 'retentionMessages',
      label: 'Retention (messages)',
      help: 'Messages kept per partition.',
    },
    {
      key: 'retentionS',
      label: 'Retention (time)',
      help: 'Older messages go too. Empty = by count only.',
    },
    {
      key: 'rebalanceMs',
      label: 'Rebalance pause',
      help: 'A group stops this long when a replica joins or leaves.',
    },
    {
      key: 'replays',
      label: 'Replays',
      help: 'Groups that join late and read from the oldest message (rebuilding a read model).',
      control: 'table',
      table: REPLAYS_TABLE,
    },
  ]),
  line: (p) =>
    `${short(p.partitions)} partitions` +
    (p.replays ? ` · replay at ${short(p.replays[0]!.atS)} s` : ''),
  flow: () => ({ split: 'every' }),
  // Ordered per partition, one in flight per partition per group: no stationary model of the
  // whole (tests/engine/stream checks each partition against M/M/1 instead).
  theory: () => ({ as: 'none' }),
  faults: ['slow'],
  // A three-broker cluster of Amazon MSK kafka.m5.large at $0.21 an hour each.
  price: { usd: 0.63, per: 'instance-hour' },
  live: ['ackMs', 'rebalanceMs'],
  reads: () => ({ key: true }),
  edges: {
    call: {
      targets: ['service'],
      why: "a stream's consumer groups are services",
      min: {
        count: 1,
        warning: 'has no consumer group',
        problem: 'Nothing consumes this stream: connect it to a service.',
      },
    },
  },
});
