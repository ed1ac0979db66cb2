/**
 * The caller's policies on an edge (retry, circuit breaker, fallback): the hook the kernel calls
 * around every call. This default does nothing beyond the edge timeout, which the kernel
 * handles itself. A policy implementation replaces `noPolicy` in `createSimulation`.
 *
 * - `beforeCall` may refuse a call (return a reason code such as CIRCUIT_OPEN); 0 lets it go;
 *   HELD: the policy has taken the call's particulars to send it later itself (a bulkhead's
 *   wait line), and the kernel drops it uncounted.
 * - `afterCall` sees every answer (0 = ok) before the caller does. Return true to swallow it:
 *   the policy then owns the parent's answer, e.g. it schedules a retry with
 *   `kernel.schedulePolicy(delayS, a, b)` and later calls `kernel.send(...)` again (copying
 *   `attempt + 1`), or answers with a fallback via `kernel.deliverToParent(...)`.
 * - `onEvent` receives the events scheduled with `kernel.schedulePolicy`.
 * - `edgeState` reports the breaker state for the per-edge window figures.
 * - `describeEdge` adds the policy's per-edge counts to the windows and the results;
 *   `describeNode` its per-caller figures.
 *
 * The real implementation is `ResiliencePolicy` (resilience.ts), installed by
 * `createCallPolicy` only when the document uses a policy.
 */
import type { Call } from '../call.ts';
import type { EdgeRuntime } from '../edge.ts';
import type { Kernel } from '../kernel.ts';
import type { EdgeResult, EdgeWindow, NodeResult, NodeWindow } from '../types.ts';

/** `beforeCall`'s answer for a call the policy holds back, to send later itself. */
export const HELD = -1;

export interface CallPolicy {
  beforeCall(k: Kernel, edge: EdgeRuntime, child: Call): number;
  afterCall(k: Kernel, edge: EdgeRuntime, child: Call, reason: number): boolean;
  onEvent(k: Kernel, a: number, b: number, c: number): void;
  edgeState?(edge: EdgeRuntime): 'closed' | 'open' | 'halfOpen' | undefined;
  /** Per-edge policy figures (retries, fallbacks, …); a window's counts restart after. */
  describeEdge?(edge: EdgeRuntime, out: EdgeWindow | EdgeResult, window: boolean): void;
  /** Per-node policy figures (a caller's bulkhead wait); a window's restart after. */
  describeNode?(node: number, out: NodeWindow | NodeResult, window: boolean): void;
}

export const noPolicy: CallPolicy = {
  beforeCall: () => 0,
  afterCall: () => false,
  onEvent: () => undefined,
};
