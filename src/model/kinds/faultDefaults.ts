/**
 * The fault kinds, each with what it targets, and the default strengths of faults, in a file of
 * their own (no zod) so the engine can read the same values the loader fills in: a fault
 * injected straight into the engine means the same as one loaded from a document. This is the
 * one list of fault kinds: the `FaultKind` type, the schema's message, the engine's node/edge
 * / region split and the descriptions' order (src/model/kinds/faultKinds.ts) all come from it.
 */
export const FAULT_TARGETS = {
  crash: 'node',
  slow: 'node',
  cpu: 'node',
  error: 'node',
  pause: 'node',
  partition: 'edge',
  loss: 'edge',
  latency: 'edge',
  flush: 'node',
  spike: 'node',
  lag: 'edge',
  failures: 'node',
  regionDown: 'region',
  regionPartition: 'region',
} as const;

export type FaultKind = keyof typeof FAULT_TARGETS;

/** The fault kinds that hit a node. */
export type NodeFaultKind = {
  [K in FaultKind]: (typeof FAULT_TARGETS)[K] extends 'node' ? K : never;
}[FaultKind];

export const FAULT_KIND_NAMES = Object.keys(FAULT_TARGETS) as FaultKind[];

export const FAULT_DEFAULTS = {
  factor: 5,
  probability: 0.1,
  latencyAddMs: 200,
  lagAddMs: 2000,
  multiplier: 5,
  cpuShare: 0.5,
  errorProbability: 0.1,
  pauseEveryS: 10,
  pauseMs: 500,
  /** Random failures: a server failing about once a month, repaired in an hour. */
  mtbfS: 30 * 86_400,
  mttrS: 3600,
} as const;
