/**
 * Default strengths of faults, in a file of their own (no zod) so the engine can read the same
 * values the loader fills in: a fault injected straight into the engine means the same as one
 * loaded from a document.
 */
export const FAULT_DEFAULTS = {
  factor: 5,
  probability: 0.1,
  latencyAddMs: 200,
  lagAddMs: 2000,
  multiplier: 5,
} as const;
