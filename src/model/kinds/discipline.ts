/**
 * How a service's or a database's waiting line is served, shared by both kinds: first in first
 * out, last in first out, LIFO only while the line is long (adaptive LIFO), CoDel (drop what
 * waited too long while the line has stood above its target delay for an interval), and
 * dropping, unserved, the work whose caller has already given up. The engine's side is
 * src/engine/overload/discipline.ts.
 */
import * as z from 'zod';
import { bool, int, MAX_COUNT, MAX_MS, oneOf, positive } from './common.ts';
import type { Exact, ParamDescriptor } from './describe.ts';
import type { FigureDescriptor } from './figures.ts';
import { describeFields } from './schemaInfo.ts';

export const disciplineSchema = z.strictObject({
  order: oneOf(['fifo', 'lifo', 'adaptiveLifo']).default('fifo'),
  lifoAbove: int(0, MAX_COUNT).default(10),
  codelTargetMs: positive(MAX_MS, 'ms').optional(),
  codelIntervalMs: positive(MAX_MS, 'ms').default(100),
  dropAbandoned: bool().default(true),
});

export type Discipline = Exact<z.output<typeof disciplineSchema>>;

/** A line served first in, first out, every request served: what the theory's models assume. */
export function isPlainFifo(d: Discipline | undefined): boolean {
  return d === undefined || (d.order === 'fifo' && d.codelTargetMs === undefined);
}

export const DISCIPLINE_PARAM: ParamDescriptor = {
  key: 'discipline',
  label: 'Queue discipline',
  help: 'Which waiting request is served next, and which are dropped unserved. Off = first in, first out, every request served.',
  control: 'group',
  optional: true,
  defaults: disciplineSchema.parse({}),
  fields: describeFields(disciplineSchema, [
    {
      key: 'order',
      label: 'Order',
      help: 'fifo: oldest first; lifo: newest first (the freshest request still has a caller waiting); adaptiveLifo: newest first only while the line is long.',
    },
    {
      key: 'lifoAbove',
      label: 'LIFO above',
      help: 'adaptiveLifo: serve newest first while more than this many wait.',
    },
    {
      key: 'codelTargetMs',
      label: 'CoDel target',
      help: 'CoDel: when even the shortest wait over an interval stayed above this, the line is standing: drop each request that waited over twice this. Empty = no CoDel.',
    },
    {
      key: 'codelIntervalMs',
      label: 'CoDel interval',
      help: 'CoDel: the interval over which the shortest wait is taken.',
    },
    {
      key: 'dropAbandoned',
      label: 'Drop abandoned work',
      help: 'Before serving a request, drop it if its caller (or a caller above it) has given up: its timeout fired. Work nobody waits for is not done.',
    },
  ]),
};

/** The figure a node with a discipline reports. */
export const DROPPED_FIGURE = {
  key: 'dropped',
  label: 'Dropped unserved',
  unit: 'requests',
  help: 'With a queue discipline: waiting requests dropped instead of served (CoDel, or their caller had given up).',
  nature: 'count',
  where: 'both',
  optional: true,
  chart: { group: 'dropped unserved', style: 'line', overview: 'varying' },
} as const satisfies FigureDescriptor;
