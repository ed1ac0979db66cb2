/** How each fault kind is described to the fault timeline and checked against its target. */
import type { FaultKind } from '../types.ts';
import type { FaultKindDescription } from './describe.ts';
import { callableNodeTypes } from './index.ts';
import { MAX_REPLICAS } from './service.ts';

const at = {
  key: 'atS',
  label: 'At',
  help: 'When it starts.',
  unit: 's',
  control: 'number',
  min: 0,
} as const;
const forS = {
  key: 'forS',
  label: 'For',
  help: 'How long it lasts. Empty = to the end of the run.',
  unit: 's',
  control: 'number',
  min: 0,
  optional: true,
} as const;

export const FAULT_KINDS: Record<FaultKind, FaultKindDescription> = {
  crash: {
    kind: 'crash',
    label: 'Crash',
    target: 'node',
    help: 'The node stops answering: calls to it fail. On a service, only some replicas may crash.',
    // Read when asked: a kind registered at run time is callable too.
    get nodeTypes() {
      return callableNodeTypes();
    },
    fields: [
      at,
      forS,
      {
        key: 'replicas',
        label: 'Replicas',
        help: 'How many replicas crash. Empty = all.',
        control: 'integer',
        min: 1,
        max: MAX_REPLICAS,
        optional: true,
      },
    ],
  },
  slow: {
    kind: 'slow',
    label: 'Slow down',
    target: 'node',
    help: 'Service times are multiplied by a factor (a noisy neighbour, a GC storm).',
    nodeTypes: ['service', 'cache', 'database', 'queue'],
    fields: [
      at,
      forS,
      {
        key: 'factor',
        label: 'Factor',
        help: 'Service times multiplied by this (default 5).',
        control: 'number',
        min: 0,
        max: 1000,
      },
    ],
  },
  partition: {
    kind: 'partition',
    label: 'Partition',
    target: 'edge',
    edgeKinds: ['call', 'replication', 'deadLetter'],
    help: 'The link is cut: every call over it fails after its timeout (or hangs without one).',
    fields: [at, forS],
  },
  loss: {
    kind: 'loss',
    label: 'Packet loss',
    target: 'edge',
    edgeKinds: ['call', 'replication', 'deadLetter'],
    help: 'A share of calls over the edge is dropped and fails after the timeout.',
    fields: [
      at,
      forS,
      {
        key: 'probability',
        label: 'Probability',
        help: 'Share of calls dropped (default 0.1).',
        control: 'number',
        min: 0,
        max: 1,
        step: 0.05,
      },
    ],
  },
  latency: {
    kind: 'latency',
    label: 'Added latency',
    target: 'edge',
    edgeKinds: ['call', 'replication', 'deadLetter'],
    help: 'Extra one-way delay on the edge.',
    fields: [
      at,
      forS,
      {
        key: 'addMs',
        label: 'Added',
        help: 'Milliseconds added each way (default 200).',
        unit: 'ms',
        control: 'number',
        min: 0,
      },
    ],
  },
  flush: {
    kind: 'flush',
    label: 'Flush cache',
    target: 'node',
    nodeTypes: ['cache'],
    help: 'The cache loses every entry at once (a restart, a deploy): watch the backing store.',
    fields: [at],
  },
  spike: {
    kind: 'spike',
    label: 'Traffic spike',
    target: 'node',
    nodeTypes: ['client'],
    help: "The client's rate is multiplied for a while.",
    fields: [
      at,
      forS,
      {
        key: 'multiplier',
        label: 'Multiplier',
        help: 'Rate multiplied by this (default 5).',
        control: 'number',
        min: 0,
        max: 1000,
      },
    ],
  },
  lag: {
    kind: 'lag',
    label: 'Replication lag',
    target: 'edge',
    edgeKinds: ['replication'],
    help: 'The replica falls behind: reads from it get staler, a failover loses more writes.',
    fields: [
      at,
      forS,
      {
        key: 'addMs',
        label: 'Added lag',
        help: 'Milliseconds of extra lag (default 2000).',
        unit: 'ms',
        control: 'number',
        min: 0,
      },
    ],
  },
};
