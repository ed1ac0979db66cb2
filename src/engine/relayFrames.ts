/**
 * Relay frames (Kernel.forward). A relayed call goes on over the next hop itself instead of
 * through a child call: the hop it was on (its sender's: node, edge, replica, backend, attempt,
 * hop count, trace row, send and arrival times) is saved in a frame and restored when the
 * relayed hop's answer comes back. A call relayed again (a client's request through a balancer
 * to a service, a balancer behind a balancer) saves another frame above the last. Frames stay
 * with their call when it is recycled, so relays allocate nothing once a call has been relayed
 * as deep before; they are objects, not typed arrays, so saving a hop is a few stores to one
 * place, as the call's own fields are.
 */
import type { Call } from './call.ts';
import type { HopRow } from './tracing/hopStore.ts';

export class RelayFrame {
  node = -1;
  edge = -1;
  replica = -1;
  backend = -1;
  attempt = 0;
  hops = 0;
  span: HopRow | null = null;
  sendT = 0;
  arriveT = 0;
  /** The frame saved next when the call is relayed again (kept for reuse). */
  above: RelayFrame | null = null;

  /** `below`: the frame saved before this one (null: the call's first). */
  constructor(readonly below: RelayFrame | null) {}
}

export class RelayFrames {
  /**
   * The hop `pop` just ended: its backend (a balancer's index) and send time, for the sender's
   * `onRelayAnswer` (fields, not arguments: V8 boxes a number passed to a call it does not
   * inline).
   */
  poppedBackend = -1;
  poppedSendT = 0;
  /** Scratch for `swapFirst`. */
  private readonly held = new RelayFrame(null);

  /** Save `c`'s hop in a frame above its others (`c.frame`). */
  push(c: Call): void {
    const top = c.frame;
    const f =
      top === null ? (c.firstFrame ??= new RelayFrame(null)) : (top.above ??= new RelayFrame(top));
    save(f, c);
    c.frame = f;
  }

  /** Back to the hop saved last; the hop left is in `poppedBackend` and `poppedSendT`. */
  pop(c: Call): void {
    const f = c.frame!;
    this.poppedBackend = c.backend;
    this.poppedSendT = c.sendT;
    load(f, c);
    c.frame = f.below;
  }

  /**
   * Exchange `c`'s hop with its first frame's, the hop it was called over before any relay:
   * that hop's caller timer fired while relayed hops go on (call again to swap back).
   */
  swapFirst(c: Call): void {
    const f = c.firstFrame!;
    save(this.held, c);
    load(f, c);
    copy(this.held, f);
  }
}

// Three copies of a hop's fields, each between two fixed classes, so that every access stays
// monomorphic where they are inlined.

function save(f: RelayFrame, c: Call): void {
  f.node = c.node;
  f.edge = c.edge;
  f.replica = c.replica;
  f.backend = c.backend;
  f.attempt = c.attempt;
  f.hops = c.hops;
  f.span = c.span;
  f.sendT = c.sendT;
  f.arriveT = c.arriveT;
}

function load(f: RelayFrame, c: Call): void {
  c.node = f.node;
  c.edge = f.edge;
  c.replica = f.replica;
  c.backend = f.backend;
  c.attempt = f.attempt;
  c.hops = f.hops;
  c.span = f.span;
  c.sendT = f.sendT;
  c.arriveT = f.arriveT;
}

function copy(from: RelayFrame, to: RelayFrame): void {
  to.node = from.node;
  to.edge = from.edge;
  to.replica = from.replica;
  to.backend = from.backend;
  to.attempt = from.attempt;
  to.hops = from.hops;
  to.span = from.span;
  to.sendT = from.sendT;
  to.arriveT = from.arriveT;
}
