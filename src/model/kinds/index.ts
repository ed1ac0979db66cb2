/**
 * The registry: every node kind, one description each (./<kind>.ts). The loader, the palette,
 * the inspector, the canvas, the exports, the cost model and the docs all read from here, and
 * `NodeType` and the params types are derived from it, so a new kind is one file plus one line
 * (and its figures, ./<kind>Figures.ts, one line in ./figureRegistry.ts).
 */
import type { AVAILABILITY_FIGURES } from './availabilityFigures.ts';
import type { CLASS_FIGURES } from './classes.ts';
import type { BuiltInKindFigure } from './figureRegistry.ts';
import type * as z from 'zod';
import type { Position, ScenarioNode, ScenarioNodeOf } from '../types.ts';
import { CACHE_DESCRIPTION } from './cache.ts';
import { CLIENT_DESCRIPTION } from './client.ts';
import { DATABASE_DESCRIPTION } from './database.ts';
import type { KindDescription, NodeTheory, ParamsOf } from './describe.ts';
import { LOAD_BALANCER_DESCRIPTION } from './loadBalancer.ts';
import { QUEUE_DESCRIPTION } from './queue.ts';
import { RATE_LIMITER_DESCRIPTION } from './rateLimiter.ts';
import { SERVICE_DESCRIPTION } from './service.ts';
import { SHARD_ROUTER_DESCRIPTION } from './shardRouter.ts';
import { STREAM_DESCRIPTION } from './stream.ts';

export type { KindDescription, ParamDescriptor, VariantCase } from './describe.ts';
export { EDGE_PARAMS, BREAKER_DEFAULTS } from './edge.ts';
export { FAULT_DEFAULTS } from './fault.ts';
export { FAULT_KINDS } from './faultKinds.ts';

/** One line per kind, in palette order: traffic enters on the left, data lives on the right. */
const BUILT_IN = [
  CLIENT_DESCRIPTION,
  LOAD_BALANCER_DESCRIPTION,
  RATE_LIMITER_DESCRIPTION,
  SERVICE_DESCRIPTION,
  CACHE_DESCRIPTION,
  QUEUE_DESCRIPTION,
  STREAM_DESCRIPTION,
  SHARD_ROUTER_DESCRIPTION,
  DATABASE_DESCRIPTION,
] as const;

type BuiltIn = (typeof BUILT_IN)[number];
export type NodeType = BuiltIn['type'];
/** Every figure the built-in kinds declare (and the availability figures any of them may
 *  report under a `failures` fault, and the per-class figures any node reports with classes),
 *  as written (the engine's result types read these). */
export type KindFigure =
  BuiltInKindFigure | (typeof AVAILABILITY_FIGURES)[number] | (typeof CLASS_FIGURES)[number];
export type ParamsByType = { [K in BuiltIn as K['type']]: ParamsOf<K['schema']> };

/** Every kind, in palette order (the order every list of kinds uses). */
export const NODE_TYPES: NodeType[] = BUILT_IN.map((k) => k.type);

export const KIND_DESCRIPTIONS = Object.fromEntries(
  BUILT_IN.map((k) => [k.type, k]),
) as unknown as {
  [T in NodeType]: KindDescription<T>;
};

/** The params schema of each kind: reads a partial params object and fills the defaults. */
export function paramsSchemaOf<T extends NodeType>(type: T): z.ZodType<ParamsByType[T], object> {
  return KIND_DESCRIPTIONS[type].schema as z.ZodType<ParamsByType[T], object>;
}

let sealed = false;

/**
 * Adds a kind at run time (a test's toy kind). It must come before anything builds from the
 * registry (the document schema seals it when it is built), so import the caller first.
 */
export function registerKind(description: KindDescription): void {
  if (sealed) {
    throw new Error(
      `kind "${description.type}" registered too late: the document schema is already built`,
    );
  }
  if (isNodeType(description.type)) throw new Error(`kind "${description.type}" exists`);
  NODE_TYPES.push(description.type as NodeType);
  (KIND_DESCRIPTIONS as Record<string, KindDescription>)[description.type] = description;
}

/** Called by whatever freezes the list of kinds into a structure (the document schema). */
export function sealKinds(): readonly NodeType[] {
  sealed = true;
  return NODE_TYPES;
}

/** A fresh copy of a kind's default params (safe to mutate): what the schema fills for `{}`. */
export function defaultParams<T extends NodeType>(type: T): ParamsByType[T] {
  return paramsSchemaOf(type).parse({});
}

/** The kinds that answer calls, and so can be called or crash: all but the client. */
export function callableNodeTypes(): NodeType[] {
  return NODE_TYPES.filter((t) => KIND_DESCRIPTIONS[t].refusesCalls === undefined);
}

/** Whether a kind answers calls (a kind that does not, like the client, only sends). */
export function answersCalls(type: NodeType): boolean {
  return KIND_DESCRIPTIONS[type].refusesCalls === undefined;
}

/** What the theory may model at a node: its kind's `theory` hook (see NodeTheory). */
export function theoryOf(node: ScenarioNode): NodeTheory {
  return KIND_DESCRIPTIONS[node.type].theory(node.params);
}

const workers = new Map<string, boolean>();

/**
 * Whether a kind's utilization means busy workers or connections: its theory is a station (read
 * once per kind, at its defaults). Others report no such figure.
 */
export function hasWorkers(type: string | undefined): boolean {
  if (!isNodeType(type)) return false;
  let has = workers.get(type);
  if (has === undefined) {
    has = KIND_DESCRIPTIONS[type].theory(defaultParams(type)).as === 'station';
    workers.set(type, has);
  }
  return has;
}

/** A node of `type` with its kind's defaults and `params` on top: the one way code builds one. */
export function nodeWithDefaults<T extends NodeType>(
  type: T,
  id: string,
  params: Partial<ParamsByType[T]> = {},
  position: Position = { x: 0, y: 0 },
  label: string = id,
): ScenarioNode {
  const node: ScenarioNodeOf<T> = {
    id,
    type,
    label,
    position,
    params: { ...defaultParams(type), ...params },
  };
  return node as ScenarioNode;
}

export function isNodeType(v: unknown): v is NodeType {
  return typeof v === 'string' && Object.hasOwn(KIND_DESCRIPTIONS, v);
}
