/**
 * Actions (src/model/actions.ts): param edits and operator actions at a simulated time,
 * scheduled as faults are, with sequence keys derived from the action's place in the list and
 * below every fault's, so an action at t runs before anything else at t. An action given by
 * `act()` while the run goes on and the same action written in the document replay identically.
 *
 * A param edit applies its `set` to the target's current params (defaults filled by the kind's
 * schema) and hands the whole new params to the behaviour's `retune`; an edge's fields go to
 * the edge and to the caller policies.
 *
 * One choice is made once, when the engine is built, from the document's actions: a service's
 * replica slots (and so its balancers' backends) are sized for the most replicas an action asks
 * for. An action given live that would have changed it cannot join the run (`buildShape`
 * differs): the run is rebuilt from the new document instead. The caller policies are installed
 * when an action touches an edge; installed without any policy on any edge they answer exactly
 * as no policy does, so `act()` may install them late.
 */
import { applySet, isEdit } from '../model/actions.ts';
import { alertResponses } from '../model/objectives.ts';
import { edgeSchema } from '../model/kinds/edge.ts';
import { paramsSchemaOf } from '../model/kinds/index.ts';
import { replicaSlots } from './autoscale/replicaSlots.ts';
import type { Action, Scenario, ScenarioEdge, ScenarioNode } from '../model/types.ts';
import { EV_ACTION, type Kernel } from './kernel.ts';
import { ResiliencePolicy } from './policies/resilience.ts';

const ACTION_SEQ_BASE = -2e15;

/** By node index: the most replicas any action sets on it (0: none). */
export function plannedReplicas(doc: Scenario): number[] {
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  const most = doc.nodes.map(() => 0);
  // An alert's response may scale a service too, at a time only the run will tell.
  for (const a of [...(doc.actions ?? []), ...alertResponses(doc)]) {
    const n = index.get(a.target);
    const r = 'set' in a ? a.set['replicas'] : undefined;
    if (n !== undefined && typeof r === 'number') most[n] = Math.max(most[n]!, r);
  }
  return most;
}

/** Some action changes an edge's fields or acts on its breaker: the caller policies are needed. */
export function actionsTouchEdges(doc: Scenario): boolean {
  const edges = new Set(doc.edges.map((e) => e.id));
  return [...(doc.actions ?? []), ...alertResponses(doc)].some((a) => edges.has(a.target));
}

/** The build-time choices actions decide (see the file comment), as a comparable text. */
export function buildShape(doc: Scenario): string {
  const planned = plannedReplicas(doc);
  const slots = doc.nodes.map((n, i) =>
    n.type === 'service' ? replicaSlots(n.params, planned[i]) : 0,
  );
  return slots.join(',');
}

export class Actions {
  readonly list: Action[] = [];
  /** Each node's params and each edge's fields as the actions so far left them. */
  private readonly params: Array<ScenarioNode['params']>;
  private readonly edgeDocs: ScenarioEdge[];

  constructor(
    private readonly k: Kernel,
    private readonly doc: Scenario,
    private readonly nodeIndex: Map<string, number>,
    private readonly edgeIndex: Map<string, number>,
  ) {
    this.params = doc.nodes.map((n) => n.params);
    this.edgeDocs = doc.edges.slice();
  }

  add(a: Action): void {
    if (!this.nodeIndex.has(a.target) && !this.edgeIndex.has(a.target)) {
      throw new Error(`action: target "${a.target}" is neither a node nor an edge`);
    }
    const i = this.list.length;
    this.list.push(a);
    this.k.queue.pushWithSeq(a.atS, ACTION_SEQ_BASE + i, EV_ACTION, i, 0, 0);
  }

  onEvent(i: number): void {
    const a = this.list[i]!;
    const n = this.nodeIndex.get(a.target);
    if (n !== undefined) {
      const node = this.k.nodes[n]!;
      if (isEdit(a)) {
        const schema = paramsSchemaOf(this.doc.nodes[n]!.type);
        const next = schema.parse(applySet(this.params[n]!, a.set)) as ScenarioNode['params'];
        this.params[n] = next;
        node.retune?.(next);
      } else if (a.op === 'drain') node.drain?.(a.replica ?? -1);
      else if (a.op === 'promote') node.promote?.();
      return;
    }
    const e = this.edgeIndex.get(a.target)!;
    const edge = this.k.edges[e]!;
    const policy = this.k.policy;
    if (isEdit(a)) {
      const next = edgeSchema.parse(applySet(this.edgeDocs[e]!, a.set)) as ScenarioEdge;
      this.edgeDocs[e] = next;
      edge.retune(next);
      if (policy instanceof ResiliencePolicy) policy.retuneEdge(edge);
    } else if (policy instanceof ResiliencePolicy) {
      policy.forceBreaker(e, a.op === 'openBreaker');
    }
  }
}
