/**
 * What every node kind implements. A kind is one file in this folder plus one line in
 * `registry.ts`; the kernel knows nothing kind-specific.
 */
import type { NodeType, ScenarioNode } from '../../model/types.ts';
import type { Call } from '../call.ts';
import type { Kernel } from '../kernel.ts';
import type { NodeStats } from '../metrics/nodeStats.ts';
import type { NodeResult, NodeWindow } from '../types.ts';

export interface NodeBehaviour {
  readonly index: number;
  readonly id: string;
  readonly type: NodeType;
  readonly stats: NodeStats;
  /** Indices of the outgoing edges (kind 'call' unless the kind reads others). */
  readonly out: readonly number[];
  /** Schedule the first events (clients' arrivals). Called once before the run. */
  start(): void;
  /** A call reached this node; the kernel has already counted the arrival. */
  arrive(call: Call): void;
  /** A call this node made has an answer (reason 0 = ok). */
  onAnswer(parent: Call, child: Call, reason: number): void;
  /**
   * A call this node relayed (`kernel.forward`) has its answer: `call` is this node's call
   * again; `kernel.frames.poppedBackend` and `poppedSendT` are the relayed hop's backend and
   * send time.
   */
  onRelayAnswer?(call: Call, reason: number): void;
  /** An event this node scheduled with `kernel.scheduleNode(delayS, this.index, sub, a, b)`. */
  onEvent(sub: number, a: number, b: number): void;
  /** Faults: the combined state of all active faults on this node (0 down = healthy). */
  setDown(replicasDown: number): void;
  setSlow(factor: number): void;
  setSpike(multiplier: number): void;
  flush(): void;
  /** The error fault: this share of arrivals fails at once (kinds that list `error`). */
  setErrorShare?(share: number): void;
  /** The pause fault: stop the world for `pauseS` every `everyS` from now (0: stop pausing). */
  setPause?(everyS: number, pauseS: number, perRequestS: number): void;
  /** Kind-specific figures (hitRatio, replicas, …) for the results and the windows. */
  describe(out: NodeResult | NodeWindow, window: boolean): void;
  /** An action changed live params (src/engine/actions.ts): the whole params, defaults filled. */
  retune?(params: ScenarioNode['params']): void;
  /** Operator action: replica r takes no new work and stops when done (-1: the highest serving). */
  drain?(replica: number): void;
  /** Operator action: this replica becomes a primary. */
  promote?(): void;
  /** An edge it starts healed from a partition (a database resends its replication stream). */
  healed?(edge: number): void;
}

export interface NodeContext {
  kernel: Kernel;
  node: ScenarioNode;
  index: number;
  out: number[];
  /** Every node of the document, by index (e.g. a balancer reads its services' replicas). */
  targets: readonly ScenarioNode[];
  /** By node index: the most replicas the document's actions give it (0: none), so that replica
   *  arrays (a service's slots, a balancer's backends) are sized for them from the start. */
  plannedReplicas?: readonly number[];
}

export type NodeFactory = (ctx: NodeContext) => NodeBehaviour;
