/** Validate one node's params as typed in the inspector, with the same rules as the loader. */
import { isNodeType, paramsSchemaOf } from './kinds/index.ts';
import { parseDroppingUnknown } from './strictParse.ts';
import type { NodeType, ParamsByType } from './types.ts';

export type ParamsResult<T extends NodeType> =
  | { ok: true; params: ParamsByType[T]; warnings: string[] }
  | { ok: false; error: string; path: string };

/**
 * Checks and fills a params object. Paths are relative to params: `workers`, `autoscale.max`;
 * the error reads `workers: must be an integer from 1 to 10000`.
 */
export function validateParams<T extends NodeType>(type: T, params: unknown): ParamsResult<T> {
  try {
    if (!isNodeType(type))
      return { ok: false, error: `type: unknown node type "${String(type)}"`, path: 'type' };
    const schema = paramsSchemaOf(type);
    const r = parseDroppingUnknown(schema, params ?? {});
    if (!r.ok) return r.path ? r : { ...r, error: r.error.replace(/^document:/, 'params:') };
    return { ok: true, params: r.data as ParamsByType[T], warnings: r.warnings };
  } catch (e) {
    return { ok: false, error: `params: could not be read (${String(e)})`, path: '' };
  }
}
