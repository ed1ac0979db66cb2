/**
 * How each fault kind is described to the fault timeline and checked against its target. Which
 * kinds a node fault may hit is read from the kinds' descriptions (`refusesCalls` for a crash,
 * `faults` for the rest); the fields' limits and defaults are read from the fault's schema.
 */
import type { Fault, FaultKind, NodeType } from '../types.ts';
import type { FaultKindDescription, KindFault } from './describe.ts';
import { faultSchema } from './fault.ts';
import { FAULT_TARGETS } from './faultDefaults.ts';
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

const times = (x: number | undefined) => `×${x ?? ''}`;
const percent = (x: number | undefined) => `${+((x ?? 0) * 100).toPrecision(3)}%`;
const none = () => '';
/** Seconds, short: "6 min", "1 h", "30 d". */
function duration(s: number | undefined): string {
  if (s === undefined) return '';
  if (s >= 86_400) return `${+(s / 86_400).toPrecision(3)} d`;
  if (s >= 3600) return `${+(s / 3600).toPrecision(3)} h`;
  if (s >= 60) return `${+(s / 60).toPrecision(3)} min`;
  return `${+s.toPrecision(3)} s`;
}

export const FAULT_KINDS: Record<FaultKind, FaultKindDescription> = {
  crash: {
    kind: 'crash',
    target: FAULT_TARGETS.crash,
    colour: '#d64545',
    amount: (f: Fault) => (f.replicas === undefined ? 'all' : `×${f.replicas}`),
    label: 'Crash',
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
    target: FAULT_TARGETS.slow,
    colour: '#e08a00',
    amount: (f: Fault) => times(f.factor),
    label: 'Slow down',
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
  cpu: {
    kind: 'cpu',
    target: FAULT_TARGETS.cpu,
    colour: '#c2410c',
    amount: (f: Fault) => `−${percent(f.share)}`,
    label: 'CPU loss',
    help: 'The node loses a share of its CPU (a noisy neighbour, throttling): its work runs at (1 − share) speed, so utilization rises from ρ to ρ / (1 − share).',
    get nodeTypes() {
      return kindsTaking('cpu');
    },
    fields: fields('cpu', at, forS, {
      key: 'share',
      label: 'Share lost',
      help: 'Share of the capacity lost.',
      step: 0.05,
    }),
  },
  error: {
    kind: 'error',
    target: FAULT_TARGETS.error,
    colour: '#b4235a',
    amount: (f: Fault) => percent(f.probability),
    label: 'Errors',
    help: 'A share of the requests reaching the node fail at once (a bad deploy, a poisoned dependency): fast failures a balancer may prefer.',
    get nodeTypes() {
      return kindsTaking('error');
    },
    fields: fields('error', at, forS, {
      key: 'probability',
      label: 'Share failing',
      help: 'Share of arrivals answered with an error.',
      step: 0.05,
    }),
  },
  pause: {
    kind: 'pause',
    target: FAULT_TARGETS.pause,
    colour: '#4d7c0f',
    amount: (f: Fault) =>
      `${f.pauseMs ?? ''}${f.perRequestMs ? ` + ${f.perRequestMs}·n` : ''} ms/${f.everyS ?? ''} s`,
    label: 'GC pauses',
    help: 'Stop-the-world pauses: every so often the node stops for a while; work in service makes no progress and arrivals wait. The first pause starts with the fault.',
    get nodeTypes() {
      return kindsTaking('pause');
    },
    fields: fields(
      'pause',
      at,
      forS,
      { key: 'everyS', label: 'Every', help: 'Time from one pause’s start to the next.' },
      { key: 'pauseMs', label: 'Pause', help: 'How long each pause stops the node.' },
      {
        key: 'perRequestMs',
        label: 'Plus per request',
        help: 'Each pause is longer by this for every request present at the node (waiting or in service) when it starts: a collector tracing a heap that grows with the backlog. Empty = fixed pauses.',
      },
    ),
  },
  partition: {
    kind: 'partition',
    target: FAULT_TARGETS.partition,
    colour: '#7c3aed',
    amount: none,
    label: 'Partition',
    edgeKinds: ['call', 'replication', 'deadLetter'],
    help: 'The link is cut: every call over it fails after its timeout (or hangs without one).',
    fields: fields('partition', at, forS),
  },
  loss: {
    kind: 'loss',
    target: FAULT_TARGETS.loss,
    colour: '#c026d3',
    amount: (f: Fault) => percent(f.probability),
    label: 'Packet loss',
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
    target: FAULT_TARGETS.latency,
    colour: '#0ea5a4',
    amount: (f: Fault) => `+${f.addMs ?? ''} ms`,
    label: 'Added latency',
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
    target: FAULT_TARGETS.flush,
    colour: '#2f7dd1',
    amount: none,
    label: 'Flush cache',
    get nodeTypes() {
      return kindsTaking('flush');
    },
    help: 'The cache loses every entry at once (a restart, a deploy): watch the backing store.',
    fields: fields('flush', at),
  },
  spike: {
    kind: 'spike',
    target: FAULT_TARGETS.spike,
    colour: '#b7791f',
    amount: (f: Fault) => times(f.multiplier),
    label: 'Traffic spike',
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
    target: FAULT_TARGETS.lag,
    colour: '#64748b',
    amount: (f: Fault) => `+${f.addMs ?? ''} ms`,
    label: 'Replication lag',
    edgeKinds: ['replication'],
    help: 'The replica falls behind: reads from it get staler, a failover loses more writes.',
    fields: fields('lag', at, forS, {
      key: 'addMs',
      label: 'Added lag',
      help: 'Milliseconds of extra lag.',
    }),
  },
  failures: {
    kind: 'failures',
    target: FAULT_TARGETS.failures,
    colour: '#9f1239',
    amount: (f: Fault) => `MTBF ${duration(f.mtbfS)} · MTTR ${duration(f.mttrS)}`,
    label: 'Random failures',
    help: 'Each replica fails at random (up for a draw of MTBF, exponential) and is repaired (down for a draw of MTTR): the node reports its availability, nines, downtime per month and incidents.',
    get nodeTypes() {
      return callableNodeTypes();
    },
    fields: fields(
      'failures',
      at,
      forS,
      { key: 'mtbfS', label: 'MTBF', help: 'Mean time between failures of one replica.' },
      { key: 'mttrS', label: 'MTTR', help: 'Mean time to repair a failed replica.' },
      {
        key: 'minUp',
        label: 'Up when',
        help: 'The node counts as available while at least this many replicas are up.',
      },
      {
        key: 'zoneMtbfS',
        label: 'Zone MTBF',
        help: 'Mean time between outages of the whole zone, taking every replica down at once (correlated failures). Empty = none.',
      },
      {
        key: 'zoneMttrS',
        label: 'Zone MTTR',
        help: 'Mean time a zone outage lasts. Empty = the MTTR.',
      },
    ),
  },
  regionDown: {
    kind: 'regionDown',
    target: FAULT_TARGETS.regionDown,
    colour: '#991b1b',
    amount: none,
    label: 'Region down',
    help: 'A regional outage: every node in the region crashes but its clients (users) and global routers (nearest or failover balancers: DNS lives outside regions).',
    fields: fields('regionDown', at, forS),
  },
  regionPartition: {
    kind: 'regionPartition',
    target: FAULT_TARGETS.regionPartition,
    colour: '#5b21b6',
    amount: none,
    label: 'Region cut off',
    help: 'Every edge between the region and the others is cut: calls across fail after their timeout, replication across waits for the heal.',
    fields: fields('regionPartition', at, forS),
  },
};
