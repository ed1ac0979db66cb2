/** The model layer's public face: the scenario document's types, loader, kinds and codecs. */
export * from './types.ts';
export { loadScenario, loadScenarioOrThrow, MAX_DOCUMENT_CHARS } from './load.ts';
export type { LoadResult } from './load.ts';
export { serializeScenario, serializeScenarioCompact } from './serialize.ts';
export { migrate, MIGRATIONS } from './migrate.ts';
export type { Migration, MigrateResult } from './migrate.ts';
export { canConnect, DEGREE_RULES } from './connections.ts';
export type { ConnectResult, DegreeRule } from './connections.ts';
export { validateParams } from './validateParams.ts';
export type { ParamsResult } from './validateParams.ts';
export { formatPath } from './issues.ts';
export { LIMITS, DOCUMENT_DEFAULTS } from './documentSchema.ts';
export { ID_PATTERN } from './kinds/common.ts';
export {
  KIND_DESCRIPTIONS,
  NODE_TYPES,
  defaultParams,
  isNodeType,
  EDGE_KINDS,
  EDGE_PARAMS,
  FAULT_KINDS,
  FAULT_DEFAULTS,
  RETRY_DEFAULTS,
  BREAKER_DEFAULTS,
} from './kinds/index.ts';
export type {
  KindDescription,
  ParamDescriptor,
  ParamControl,
  FaultKindDescription,
} from './kinds/index.ts';
export { encodeShareLink, decodeShareLink, MAX_INFLATED_BYTES } from './shareLink.ts';
export { parseLocation, PRESET_NAME } from './location.ts';
export type { LocationTarget, ParsedLocation } from './location.ts';
export { canAddEdge } from './canAddEdge.ts';
