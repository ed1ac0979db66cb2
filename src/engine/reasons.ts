/**
 * Error reasons as small integers for the hot path: 0 is success, k is ERROR_REASONS[k - 1].
 */
import { ERROR_REASONS, type ErrorReason } from './types.ts';

const code = (reason: ErrorReason): number => ERROR_REASONS.indexOf(reason) + 1;

export const REJECTED = code('rejected');
export const TIMEOUT = code('timeout');
export const UNAVAILABLE = code('unavailable');
export const SHED = code('shed');
export const RATE_LIMITED = code('rateLimited');
export const CIRCUIT_OPEN = code('circuitOpen');
export const LOST = code('lost');
export const FAILED = code('error');
export const BULKHEAD_FULL = code('bulkheadFull');
export const BULKHEAD_TIMEOUT = code('bulkheadTimeout');
export const REASON_COUNT = ERROR_REASONS.length + 1;

export function reasonName(code: number): ErrorReason {
  const r = ERROR_REASONS[code - 1];
  if (r === undefined) throw new Error(`unknown error reason code ${code}`);
  return r;
}

/** `{ timeout: 3, … }` from counts indexed by code (zeros left out). */
export function reasonCounts(counts: Float64Array): Partial<Record<ErrorReason, number>> {
  const out: Partial<Record<ErrorReason, number>> = {};
  for (let code = 1; code < REASON_COUNT; code++) {
    const n = counts[code]!;
    if (n > 0) out[reasonName(code)] = n;
  }
  return out;
}
