/**
 * Each kind's own figures, by kind: what a node of it reports beyond COMMON_FIGURES. They are
 * declared beside the kind's description (./<kind>Figures.ts), not inside it, so the first paint,
 * which draws and checks designs, does not load what only a run's readers need: the engine, the
 * worker's frames, the charts and the report read figures from here; the canvas and the loader
 * never import this module. A kind missing here fails the typecheck.
 */
import { CACHE_FIGURES } from './cacheFigures.ts';
import { DATABASE_FIGURES } from './databaseFigures.ts';
import type { FigureDescriptor } from './figures.ts';
import type { NodeType } from './index.ts';
import { LOAD_BALANCER_FIGURES } from './loadBalancerFigures.ts';
import { QUEUE_FIGURES } from './queueFigures.ts';
import { RATE_LIMITER_FIGURES } from './rateLimiterFigures.ts';
import { SERVICE_FIGURES } from './serviceFigures.ts';
import { SCHEDULE_FIGURES } from './scheduleFigures.ts';
import { SHARD_ROUTER_FIGURES } from './shardRouterFigures.ts';
import { STREAM_FIGURES } from './streamFigures.ts';

const BUILT_IN_FIGURES = {
  // Its scheduled jobs; its requests by class are a common figure (end to end at a client).
  client: SCHEDULE_FIGURES,
  loadBalancer: LOAD_BALANCER_FIGURES,
  rateLimiter: RATE_LIMITER_FIGURES,
  service: SERVICE_FIGURES,
  cache: CACHE_FIGURES,
  queue: QUEUE_FIGURES,
  stream: STREAM_FIGURES,
  shardRouter: SHARD_ROUTER_FIGURES,
  database: DATABASE_FIGURES,
} as const satisfies Record<NodeType, readonly FigureDescriptor[]>;

/** Every figure the built-in kinds declare, as written (the engine's result types read it). */
export type BuiltInKindFigure = (typeof BUILT_IN_FIGURES)[NodeType][number];

const registered = new Map<string, readonly FigureDescriptor[]>();

/** The figures of a kind added at run time (a test's toy kind, see registerKind). */
export function registerKindFigures(type: string, figures: readonly FigureDescriptor[]): void {
  registered.set(type, figures);
}

/** A kind's own figures (none for a kind that declares none). */
export function kindFiguresOf(type: NodeType): readonly FigureDescriptor[] {
  return (
    (BUILT_IN_FIGURES as Record<string, readonly FigureDescriptor[]>)[type] ??
    registered.get(type) ??
    []
  );
}
