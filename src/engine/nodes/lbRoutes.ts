/**
 * A Layer-7 balancer's routes by request class (`routes`: class → the nodes that serve it): each
 * routed class balances over its own backends (the replicas behind those nodes) with the
 * balancer's strategy and its own cursor and counts; a class without a route uses every backend.
 * Health is the balancer's: a backend taken out of rotation is out of every route that has it.
 */
import type { LoadBalancerParams, ScenarioNode } from '../../model/types.ts';
import type { Kernel } from '../kernel.ts';
import type { Rng } from '../rng.ts';
import { Backends, pickBackend } from './lbStrategies.ts';

interface Route {
  readonly backends: Backends;
  /** Route backend j is the balancer's backend `global[j]`; and back (-1: not in the route). */
  readonly global: Int32Array;
  readonly local: Int32Array;
}

export class ClassRoutes {
  /** Per class index: its route, or null (every backend). */
  private readonly byClass: Array<Route | null>;

  constructor(
    k: Kernel,
    lbId: string,
    nodes: readonly ScenarioNode[],
    all: Backends,
    routes: LoadBalancerParams['routes'],
  ) {
    const routeOf = new Map<string, Route>();
    for (const [name, ids] of Object.entries(routes ?? {})) {
      if (k.classes.indexOf(name) < 0)
        throw new Error(`node "${lbId}": routes.${name}: no client sends the class "${name}"`);
      const picked: number[] = [];
      for (const id of ids) {
        const before = picked.length;
        for (let b = 0; b < all.n; b++)
          if (nodes[k.edges[all.edge[b]!]!.target]!.id === id) picked.push(b);
        if (picked.length === before)
          throw new Error(`node "${lbId}": routes.${name}: "${id}" is not behind this balancer`);
      }
      const global = Int32Array.from(picked);
      const local = new Int32Array(all.n).fill(-1);
      global.forEach((b, j) => (local[b] = j));
      const backends = new Backends(
        picked.map((b) => ({
          edge: all.edge[b]!,
          replica: all.replica[b]!,
          weight: all.weight[b]!,
        })),
      );
      routeOf.set(name, { backends, global, local });
    }
    this.byClass = k.classes.names.map((name) => routeOf.get(name) ?? null);
    all.onHealth = (b, healthy) => {
      for (const r of routeOf.values()) {
        const j = r.local[b]!;
        if (j >= 0) r.backends.setHealthy(j, healthy);
      }
    };
  }

  /** Whether class `cls` has a route of its own. */
  routed(cls: number): boolean {
    return this.byClass[cls] !== null;
  }

  /** A backend (the balancer's index) for a call of class `cls`, which has a route; -1: none. */
  pick(cls: number, strategy: LoadBalancerParams['strategy'], rng: Rng, source: number): number {
    const r = this.byClass[cls]!;
    const j = pickBackend(r.backends, strategy, rng, source);
    if (j < 0) return -1;
    r.backends.connect(j);
    return r.global[j]!;
  }

  /** The call of class `cls` sent to backend b has its answer (after `all.responseS`). */
  release(cls: number, b: number, all: Backends): void {
    const r = this.byClass[cls];
    if (r === null || r === undefined) return;
    r.backends.responseS = all.responseS;
    r.backends.release(r.local[b]!);
  }
}
