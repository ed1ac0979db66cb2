/** The engine's public entry: everything outside src/engine uses only this and ./types.ts. */
export { createSimulation } from './simulation.ts';
export {
  HEADLESS_CLOCK_CHECK_EVENTS,
  HEADLESS_EVENT_BUDGET,
  HEADLESS_TIME_LIMIT_S,
} from './limits.ts';
export { UnsupportedKindError } from './nodes/registry.ts';
export type * from './types.ts';
