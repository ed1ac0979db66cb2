/**
 * A call: one request travelling over one edge, and the callee's state while it handles it.
 * A client's root request is a call too (edge -1). Calls live in a pool and are recycled; the
 * generation `gen` changes on every recycle, so an event or a child that still names an old
 * call (id, gen) sees the mismatch and is ignored: this is how timeouts and killed work cancel
 * lazily, without searching the event list.
 */
import type { RelayFrame } from './relayFrames.ts';
import type { HopRow } from './tracing/hopStore.ts';

export class Call {
  gen = 0;
  // The root request, copied down every hop.
  rootT = 0;
  counted = false;
  key = 0;
  write = false;
  source = 0;
  /** Request class (src/engine/classes): an index into the kernel's class table, 0 without. */
  cls = 0;
  user = -1;
  hops = 0;
  // Who called whom over what.
  parent = -1;
  parentGen = 0;
  edge = -1;
  node = -1;
  /** Replica chosen at the callee (a load balancer may pin it before sending). */
  replica = -1;
  /** The caller's backend index (load balancers). */
  backend = -1;
  /** Retry attempt number, for policies (0 = first try). */
  attempt = 0;
  sendT = 0;
  arriveT = 0;
  /** Callee's progress: next outgoing edge (sequential), answers awaited (parallel). */
  next = 0;
  pending = 0;
  /** First failure among parallel answers, or the answer being carried back. */
  result = 0;
  /** Worker slot held at a service replica (-1 = none). */
  slot = -1;
  /** Node-specific scratch (e.g. cache: this read missed). */
  aux = 0;
  /** The caller stopped waiting (timeout): the callee's answer is dropped on return. */
  answered = false;
  /** Never reached the callee (loss, partition): only the caller's timer can answer. */
  lost = 0;
  /** Its replica crashed: it was answered 'unavailable' and its pending events are void. */
  killed = false;
  /**
   * Relayed (Kernel.forward): the fields above are the relayed hop's, and this frame
   * (src/engine/relayFrames.ts) holds the hop it was on before, until the answer comes back
   * (null: not relayed).
   */
  frame: RelayFrame | null = null;
  /** The first frame it was relayed with, kept for the next relay, in this life or another. */
  firstFrame: RelayFrame | null = null;
  /** Its hop's row in the tracer's store (src/engine/tracing), null: not traced. */
  span: HopRow | null = null;

  constructor(readonly id: number) {}
}

/** Back to a fresh call's state (not its identity fields: the sender sets those). */
export function clearState(c: Call): void {
  c.user = -1;
  c.arriveT = 0;
  c.next = 0;
  c.pending = 0;
  c.result = 0;
  c.slot = -1;
  c.aux = 0;
  c.answered = false;
  c.lost = 0;
  c.killed = false;
  c.frame = null;
  c.span = null;
}

export class CallPool {
  readonly calls: Call[] = [];
  private freeIds: number[] = [];
  /** Calls currently allocated. */
  live = 0;

  /**
   * A call with every field as a fresh call's, so no attribute of an earlier life (key, write
   * flag, source, hop count, replica, attempt, flags…) leaks into this one, whoever allocates
   * it (queue messages, cache background calls, retry tokens, roots): they set only what they
   * use.
   */
  alloc(): Call {
    const c = this.allocUnset();
    c.rootT = 0;
    c.counted = false;
    c.key = 0;
    c.write = false;
    c.source = 0;
    c.cls = 0;
    c.hops = 0;
    c.parent = -1;
    c.parentGen = 0;
    c.edge = -1;
    c.node = -1;
    c.replica = -1;
    c.backend = -1;
    c.attempt = 0;
    c.sendT = 0;
    clearState(c);
    return c;
  }

  /**
   * A call whose fields are left from its last life: only for a caller that sets every field
   * (the kernel's `send`, once per hop), which spares the hot path a reset it would overwrite.
   */
  allocUnset(): Call {
    const id = this.freeIds.pop();
    this.live++;
    if (id === undefined) {
      const c = new Call(this.calls.length);
      this.calls.push(c);
      return c;
    }
    return this.calls[id]!;
  }

  /** Recycle `c`: a new generation voids every event and child that still names it. */
  free(c: Call): void {
    c.gen++;
    this.live--;
    this.freeIds.push(c.id);
  }

  /** The call `id` if it is still the same one (generation `gen`) and not killed. */
  alive(id: number, gen: number): Call | null {
    const c = this.calls[id];
    return c !== undefined && c.gen === gen && !c.killed ? c : null;
  }
}
