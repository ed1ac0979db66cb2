/**
 * A Layer-4 balancer's connections: it sees connections, not requests, so it chooses a backend
 * once per connection (a client address, the request's `source`) with its strategy, and every
 * request on that connection goes there: long-lived connections (HTTP/2, gRPC channels) pin
 * their whole stream to one backend. A connection whose backend leaves rotation is reset and
 * chooses again on its next request.
 */
import type { LoadBalancerParams } from '../../model/types.ts';
import type { Rng } from '../rng.ts';
import { type Backends, pickBackend } from './lbStrategies.ts';

export class Connections {
  /** Per source address: its backend + 1 (0: no connection yet). */
  private pinned = new Int32Array(64);
  /** Connections opened (counted from the start). */
  opened = 0;

  constructor(private readonly backends: Backends) {}

  /** The backend of `source`'s connection, opening one if it has none in rotation; -1: none. */
  pick(source: number, strategy: LoadBalancerParams['strategy'], rng: Rng): number {
    if (source >= this.pinned.length) {
      const grown = new Int32Array(Math.max(source + 1, this.pinned.length * 2));
      grown.set(this.pinned);
      this.pinned = grown;
    }
    const b = this.pinned[source]! - 1;
    if (b >= 0 && this.backends.healthy[b] === 1) return b;
    const chosen = pickBackend(this.backends, strategy, rng, source);
    this.pinned[source] = chosen + 1;
    if (chosen >= 0) this.opened++;
    return chosen;
  }
}
