/** The engine's public entry: everything outside src/engine uses only this and ./types.ts. */
export { createSimulation } from './simulation.ts';
export { BROWSER_EVENT_BUDGET, HEADLESS_EVENT_BUDGET, MAX_IN_FLIGHT } from './limits.ts';
export { UnsupportedKindError } from './nodes/registry.ts';
export type * from './types.ts';
