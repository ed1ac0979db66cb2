/**
 * Load balancer: no workers of its own; it forwards each call to one backend, pinned to a
 * replica, and relays the answer. Backends are the replicas of the services behind its
 * outgoing edges (a non-service target is one backend). Without health checks it keeps
 * sending to crashed replicas, which answer 'unavailable': that is the lesson health checks
 * teach. With `healthCheck` or `outlierDetection`, `health` (src/engine/health) takes
 * backends out of rotation through `backends.setHealthy`.
 */
import type { LoadBalancerParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import { replicaSlots } from '../autoscale/replicaSlots.ts';
import { BackendHealth } from '../health/backendHealth.ts';
import { UNAVAILABLE } from '../reasons.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import { BaseNode } from './base.ts';
import { ServiceNode } from './service.ts';
import { Connections } from './lbConnections.ts';
import { ClassRoutes } from './lbRoutes.ts';
import { Backends, pickBackend } from './lbStrategies.ts';
import type { NodeContext } from './types.ts';

/** The balancer's own work on a request is done (a = call id, b = its generation). */
const SUB_ROUTE = 8;

export class LoadBalancerNode extends BaseNode {
  params: LoadBalancerParams;
  readonly backends: Backends;
  readonly health: BackendHealth | null;
  /** Layer 7 with `routes`: each routed class's own backends. */
  private readonly routes: ClassRoutes | null;
  /** Layer 4: a backend per connection, not per request. */
  private readonly connections: Connections | null;

  constructor(ctx: NodeContext) {
    super(ctx);
    if (ctx.node.type !== 'loadBalancer') throw new Error('balancer behaviour on another kind');
    this.params = ctx.node.params;
    const doc = ctx.kernel;
    const list: Array<{ edge: number; replica: number; weight: number }> = [];
    for (const e of ctx.out) {
      const edge = doc.edges[e]!;
      const target = ctx.targets[edge.target]!;
      const planned = ctx.plannedReplicas?.[edge.target] ?? 0;
      const replicas = target.type === 'service' ? replicaSlots(target.params, planned) : 0;
      if (replicas === 0) list.push({ edge: e, replica: -1, weight: edge.weight });
      for (let r = 0; r < replicas; r++) list.push({ edge: e, replica: r, weight: edge.weight });
    }
    this.backends = new Backends(list);
    // nearest: an edge's mean one-way latency, with the regions' between its ends.
    this.backends.distanceMs = (e) => {
      const edge = ctx.kernel.edges[e]!;
      return edge.latency.meanMs + (edge.region?.meanMs ?? 0);
    };
    const { healthCheck, outlierDetection } = this.params;
    this.health =
      healthCheck !== undefined || outlierDetection !== undefined
        ? new BackendHealth(ctx.kernel, ctx.index, this.backends, healthCheck, outlierDetection)
        : null;
    this.routes =
      this.params.routes === undefined || this.params.layer === 'l4'
        ? null
        : new ClassRoutes(ctx.kernel, ctx.node.id, ctx.targets, this.backends, this.params.routes);
    this.connections = this.params.layer === 'l4' ? new Connections(this.backends) : null;
  }

  /** Per backend: the service whose replica slot it is (null for other targets). */
  private slotsOf: Array<ServiceNode | null> = [];

  override start(): void {
    this.slotsOf = Array.from(this.backends.edge, (e) => {
      const node = this.k.nodes[this.k.edges[e]!.target];
      return node instanceof ServiceNode ? node : null;
    });
    this.health?.start();
  }

  /**
   * Is backend b a replica that exists now? An autoscaled service's slot that is off, starting
   * or draining is not listed by service discovery: it is neither in rotation nor ejected.
   */
  listed(b: number): boolean {
    const svc = this.slotsOf[b];
    const r = this.backends.replica[b]!;
    return svc === null || svc === undefined || r < 0 || svc.slots.isActive(r);
  }

  override onEvent(sub: number, a: number, b: number): void {
    if (sub !== SUB_ROUTE) return this.health?.onEvent(sub, a, b);
    const c = this.k.pool.alive(a, b);
    if (c !== null) this.route(c);
  }

  retune(params: LoadBalancerParams): void {
    this.params = params; // the strategy is read per call
  }

  arrive(c: Call): void {
    if (this.down) return this.k.respond(c, UNAVAILABLE);
    const cost = this.params.overheadMs;
    if (cost > 0) this.k.scheduleNode(cost / 1000, this.index, SUB_ROUTE, c.id, c.gen);
    else this.route(c);
  }

  /** Choose `c`'s backend: by connection (Layer 4), by its class's route, or by strategy. */
  private route(c: Call): void {
    const strategy = this.params.strategy;
    const rng = this.k.rng;
    const routes = this.routes;
    let b: number;
    if (this.connections !== null) b = this.connections.pick(c.source, strategy, rng);
    else if (routes !== null && routes.routed(c.cls))
      b = routes.pick(c.cls, strategy, rng, c.source);
    else b = pickBackend(this.backends, strategy, rng, c.source);
    if (b < 0) return this.k.respond(c, UNAVAILABLE);
    this.backends.connect(b);
    this.k.forward(c, this.backends.edge[b]!, this.backends.replica[b]!, b);
  }

  override onAnswer(parent: Call, child: Call, reason: number): void {
    this.backends.responseS = reason === 0 ? this.k.now - child.sendT : NaN;
    this.answered(child.backend, child.cls, reason);
    this.k.respond(parent, reason);
  }

  onRelayAnswer(c: Call, reason: number): void {
    const hop = this.k.frames;
    this.backends.responseS = reason === 0 ? this.k.now - hop.poppedSendT : NaN;
    this.answered(hop.poppedBackend, c.cls, reason);
    this.k.respond(c, reason);
  }

  /** Backend b answered a call of class `cls` (its response time in `backends.responseS`). */
  private answered(b: number, cls: number, reason: number): void {
    this.backends.release(b);
    this.routes?.release(cls, b, this.backends);
    this.health?.onAnswer(b, reason);
  }

  override describe(out: NodeResult | NodeWindow, window: boolean): void {
    this.health?.describe(out, window);
    if (!window) {
      if (this.connections !== null) (out as NodeResult).connections = this.connections.opened;
      return;
    }
    let h = 0;
    for (let i = 0; i < this.backends.n; i++) if (this.listed(i)) h += this.backends.healthy[i]!;
    (out as NodeWindow).healthyReplicas = h;
  }
}
