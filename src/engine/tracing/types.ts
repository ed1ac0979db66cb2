/**
 * Request traces: what the tracer keeps of a sampled request. A trace is the request's hops in
 * the order they were sent: hop 0 is the root (the client's request, edge -1), every other hop
 * is one call over one edge (one attempt: a retry is a hop of its own) with the callee's side
 * of it. Times are simulated seconds; -1 marks a moment the hop never reached (a call refused
 * before it left, a callee still working when the trace closed).
 */

/** Why a trace was kept. */
export type TraceReason = 'head' | 'slow' | 'failed';

/** Marks on a hop (bit flags). */
export const HOP_DELIVERED = 1; // its answer reached the caller's node (not held for a retry)
export const HOP_CACHE_HIT = 2;
export const HOP_CACHE_MISS = 4;
export const HOP_FALLBACK = 8; // it failed, and the caller's fallback answered OK instead

export interface TraceHop {
  /** Index of the calling hop in `hops` (-1: the root). */
  parent: number;
  /** Node index of the callee (the client for the root). */
  node: number;
  /** Edge index called over (-1: the root). */
  edge: number;
  /** Retry attempt (0 = first try). */
  attempt: number;
  /** The caller's backend index (a balancer's choice), -1 if none. */
  backend: number;
  /** Replica that served it at the callee, -1 if none. */
  replica: number;
  /** Sent by the caller; reached the callee; took a worker; local work done; callee answered;
   *  the caller heard the answer (or its timer fired). */
  sendS: number;
  arriveS: number;
  workS: number;
  workedS: number;
  respondS: number;
  answerS: number;
  /** Reason code the caller heard (0 ok; k: ERROR_REASONS[k - 1]). */
  status: number;
  /** HOP_* flags. */
  flags: number;
}

export interface Trace {
  /** The request's sequence number in the run (0 = the first request of any client). */
  id: number;
  /** Why it was kept (head sampling wins over tail capture). */
  why: TraceReason;
  /** Created after warm-up: counted in the results. */
  counted: boolean;
  /** The client's measured latency exactly: hops[0].answerS - hops[0].sendS. */
  startS: number;
  endS: number;
  status: number;
  hops: TraceHop[];
}

/**
 * The document's `tracing` block, defaults filled (src/model/tracing.ts): head sampling's
 * `sampleRate`; tail capture's `slowestPerWindow` and `failed`; `maxTraces` held between two
 * drains (more are counted as dropped).
 */
export type { Tracing as TracingSettings } from '../../model/tracing.ts';

/** What the tracer saw: requests, traced ones and the ones its memory budget dropped. */
export interface TracingCounts {
  requests: number;
  kept: number;
  /** Not kept for want of room (live span pool full, or `maxTraces` reached). */
  dropped: number;
}
