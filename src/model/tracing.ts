/**
 * The document's `tracing` block: which requests the engine traces (src/engine/tracing). One
 * place for its bounds and defaults: the loader, the headless runner and the browser read them
 * from here.
 */
import * as z from 'zod';
import { bool, int, ratio } from './kinds/common.ts';

export const TRACING_DEFAULTS = {
  sampleRate: 0.01,
  slowestPerWindow: 5,
  failed: true,
  maxTraces: 5000,
} as const;

export const tracingSchema = z.strictObject({
  sampleRate: ratio().default(TRACING_DEFAULTS.sampleRate),
  slowestPerWindow: int(0, 100).default(TRACING_DEFAULTS.slowestPerWindow),
  failed: bool().default(TRACING_DEFAULTS.failed),
  maxTraces: int(1, 100_000).default(TRACING_DEFAULTS.maxTraces),
});

export type Tracing = z.output<typeof tracingSchema>;

/** The settings a run traces with: the document's block, or the defaults. */
export const tracingOf = (doc: { tracing?: Tracing }): Tracing => doc.tracing ?? TRACING_DEFAULTS;
