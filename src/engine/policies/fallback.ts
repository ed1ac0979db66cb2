/**
 * Graceful degradation and goodput. An edge with `fallback` answers its caller OK-with-fallback
 * (a default, a stale value) when a call failed for good (after its retries, or refused by the
 * breaker). Such an answer is "degraded": the mark travels up with every OK answer to the
 * root, so the client's view can tell degraded answers from real ones.
 *
 * Goodput counts root answers that are OK, not degraded, and within the client's deadline: the
 * largest `timeoutMs` on the client's outgoing edges (none = no deadline). With retries an OK
 * answer can arrive later than one attempt's timeout; it then counts in throughput, not goodput.
 */
import type { Call } from '../call.ts';
import type { Kernel } from '../kernel.ts';
import { CallTags } from './callTags.ts';

export class Degradation {
  readonly fallback: Uint8Array;
  private readonly degraded = new CallTags();
  /** Per node: a client's deadline in seconds (Infinity = none). */
  private readonly deadlineS: Float64Array;
  /**
   * Per node: 1 for clients. A call with no caller (edge -1) is a client's request only at a
   * client; a queue's messages and a cache's background calls have none either, and must not
   * be scored as requests.
   */
  private readonly isClient: Uint8Array;

  constructor(
    fallback: readonly boolean[],
    deadlinesS: readonly number[],
    clients: readonly boolean[],
  ) {
    this.fallback = Uint8Array.from(fallback, (f) => (f ? 1 : 0));
    this.deadlineS = Float64Array.from(deadlinesS);
    this.isClient = Uint8Array.from(clients, (c) => (c ? 1 : 0));
  }

  /** Live changes: edge i's fallback, a client's deadline. */
  setFallback(i: number, on: boolean): void {
    this.fallback[i] = on ? 1 : 0;
  }
  setDeadline(node: number, s: number): void {
    this.deadlineS[node] = s;
  }

  /** `child` answered OK: pass its degraded mark up, and score the root if that is its parent. */
  okAnswer(k: Kernel, child: Call): void {
    const parent = k.pool.calls[child.parent];
    if (parent === undefined || parent.gen !== child.parentGen || parent.killed) return;
    if (this.degraded.has(child)) this.degraded.mark(parent);
    if (this.isRoot(parent)) this.scoreRoot(k, parent);
  }

  /** Answer `child`'s parent OK with a fallback instead of the failure. */
  fallBack(k: Kernel, child: Call): void {
    const parent = k.pool.calls[child.parent];
    if (parent === undefined || parent.gen !== child.parentGen || parent.killed) return;
    this.degraded.mark(parent);
    if (this.isRoot(parent)) this.scoreRoot(k, parent);
    k.deliverToParent(child, 0);
  }

  private isRoot(c: Call): boolean {
    return c.edge === -1 && this.isClient[c.node] === 1;
  }

  /** The root is about to finish OK: count it out of goodput if degraded or late. */
  private scoreRoot(k: Kernel, root: Call): void {
    if (this.degraded.has(root) || k.now - root.rootT > this.deadlineS[root.node]!) {
      k.global.notGoodput(root.counted);
    }
  }
}
