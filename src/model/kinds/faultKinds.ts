/**
 * How each fault kind is described to the fault timeline and checked against its target. Which
 * kinds a node fault may hit is read from the kinds' descriptions (`refusesCalls` for a crash,
 * `faults` for the rest); the fields' limits and defaults are read from the fault's schema.
 */
import type { FaultKind, NodeType } from '../types.ts';
import type { FaultKindDescription, KindFault } from './describe.ts';
import { faultSchema } from './fault.ts';
import { callableNodeTypes, KIND_DESCRIPTIONS, NODE_TYPES } from './index.ts';
import { describeFields, type FieldWords } from './schemaInfo.ts';

/** The kinds whose description says their behaviour honours `fault`, in palette order. */
function kindsTaking(fault: KindFault): NodeType[] {
  return NODE_TYPES.filter((t) => KIND_DESCRIPTIONS[t].faults.includes(fault));
}

/** The schema of one fault kind: the member of the union whose `kind` is `kind`. */
function schemaOf(kind: FaultKind): object {
  const found = faultSchema.options.find((o) => o.shape.kind.value === kind);
  if (!found) throw new Error(`the fault schema has no kind "${kind}"`);
  return found;
}

const at: FieldWords = { key: 'atS', label: 'At', help: 'When it starts.' };
const forS: FieldWords = {
  key: 'forS',
  label: 'For',
  help: 'How long it lasts. Empty = to the end of the run.',
};

/** The fault's fields: its words here, its limits and defaults from its schema. */
const fields = (kind: FaultKind, ...words: FieldWords[]) => describeFields(schemaOf(kind), words);

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
    fields: fields('crash', at, forS, {
      key: 'replicas',
      label: 'Replicas',
      help: 'How many replicas crash. Empty = all.',
    }),
  },
  slow: {
    kind: 'slow',
    label: 'Slow down',
    target: 'node',
    help: 'Service times are multiplied by a factor (a noisy neighbour, a GC storm).',
    get nodeTypes() {
      return kindsTaking('slow');
    },
    fields: fields('slow', at, forS, {
      key: 'factor',
      label: 'Factor',
      help: 'Service times multiplied by this.',
    }),
  },
  partition: {
    kind: 'partition',
    label: 'Partition',
    target: 'edge',
    edgeKinds: ['call', 'replication', 'deadLetter'],
    help: 'The link is cut: every call over it fails after its timeout (or hangs without one).',
    fields: fields('partition', at, forS),
  },
  loss: {
    kind: 'loss',
    label: 'Packet loss',
    target: 'edge',
    edgeKinds: ['call', 'replication', 'deadLetter'],
    help: 'A share of calls over the edge is dropped and fails after the timeout.',
    fields: fields('loss', at, forS, {
      key: 'probability',
      label: 'Probability',
      help: 'Share of calls dropped.',
      step: 0.05,
    }),
  },
  latency: {
    kind: 'latency',
    label: 'Added latency',
    target: 'edge',
    edgeKinds: ['call', 'replication', 'deadLetter'],
    help: 'Extra one-way delay on the edge.',
    fields: fields('latency', at, forS, {
      key: 'addMs',
      label: 'Added',
      help: 'Milliseconds added each way.',
    }),
  },
  flush: {
    kind: 'flush',
    label: 'Flush cache',
    target: 'node',
    get nodeTypes() {
      return kindsTaking('flush');
    },
    help: 'The cache loses every entry at once (a restart, a deploy): watch the backing store.',
    fields: fields('flush', at),
  },
  spike: {
    kind: 'spike',
    label: 'Traffic spike',
    target: 'node',
    get nodeTypes() {
      return kindsTaking('spike');
    },
    help: "The client's rate is multiplied for a while.",
    fields: fields('spike', at, forS, {
      key: 'multiplier',
      label: 'Multiplier',
      help: 'Rate multiplied by this.',
    }),
  },
  lag: {
    kind: 'lag',
    label: 'Replication lag',
    target: 'edge',
    edgeKinds: ['replication'],
    help: 'The replica falls behind: reads from it get staler, a failover loses more writes.',
    fields: fields('lag', at, forS, {
      key: 'addMs',
      label: 'Added lag',
      help: 'Milliseconds of extra lag.',
    }),
  },
};
