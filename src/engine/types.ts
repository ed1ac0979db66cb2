/**
 * The engine's public face: what `createSimulation` returns and what it reports. The worker, the
 * headless runner and the tests all use only these types (and `createSimulation`).
 *
 * `SimResult` is exactly the JSON object of `shared/SCENARIO.md` ("Headless runs"), extended
 * with optional fields; fields named there keep their names and meaning.
 */
import type { ClassFigures } from '../model/kinds/classes.ts';
import type { FigureFields } from '../model/kinds/figures.ts';
import type { KindFigure } from '../model/kinds/index.ts';
import type { RegionFigure } from '../model/kinds/regionFigures.ts';
import type { Action, Fault, NodeType } from '../model/types.ts';
import type {
  AlertEvent,
  BudgetReport,
  GradedObjective,
  ObjectivesFrame,
  WindowedValue,
} from './objectives/types.ts';
import type { Trace, TracingCounts, TracingSettings } from './tracing/types.ts';

/**
 * Why a request failed, everywhere in the engine and the charts, with what each means (the
 * format's table of reasons is written from it). The order is the engine's numbering (code k is
 * ERROR_REASONS[k - 1], src/engine/reasons.ts) and the charts' order.
 */
export const ERROR_REASON_HELP = {
  rejected: 'A full queue or pool refused it.',
  timeout: "The caller's timeout fired first.",
  unavailable: 'The node was down or cut off (crashed, partitioned) or had no healthy backend.',
  shed: 'Load shedding turned it away.',
  rateLimited: 'A rate limiter refused it.',
  circuitOpen: "The caller's circuit breaker refused it.",
  lost: 'Dropped on an edge (a loss fault).',
  error: 'The node failed it at once (an error fault).',
  bulkheadFull: "The caller's bulkhead had every slot out and its wait line full.",
  bulkheadTimeout: "It waited at the caller's bulkhead for its longest wait without a slot.",
} as const;

export const ERROR_REASONS = Object.keys(ERROR_REASON_HELP) as ReadonlyArray<
  keyof typeof ERROR_REASON_HELP
>;

export type ErrorReason = (typeof ERROR_REASONS)[number];

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * One node over the run: the common figures, then its kind's own, typed from the kinds'
 * declarations (src/model/kinds/<kind>.ts `figures`). A kind registered at run time (a test's
 * toy) reports figures the built-in types do not name: the index signature takes them.
 */
export interface NodeResult extends FigureFields<KindFigure, false> {
  type: NodeType;
  arrivals: number;
  ok: number;
  failed: number;
  throughputRps: number;
  /** Busy worker time over available worker time, 0..1. */
  utilization: number;
  /** Time-average number waiting, not in service. */
  meanQueueLength: number;
  /** Arrival to departure at this node, waiting and blocked time included. */
  latencyMs: LatencySummary;
  errors?: Partial<Record<ErrorReason, number>>;
  [extra: string]: unknown;
}

export interface TimelinePoint {
  /** The end of the window, in simulated seconds. */
  tS: number;
  throughputRps: number;
  errorRate: number;
  latencyMs: { p50: number; p99: number; p95?: number; mean?: number };
  okRps?: number;
  failedRps?: number;
  errors?: Partial<Record<ErrorReason, number>>;
  /** OK root answers that were not degraded by a fallback and within the client's deadline. */
  goodputRps?: number;
  /** Retries sent and fallback answers given (at any edge) in this window or point. */
  retries?: number;
  fallbacks?: number;
}

/** One edge over the run: calls made over it (every attempt, refused ones too) and policies. */
export interface EdgeResult {
  calls: number;
  failed: number;
  /** Retries sent over this edge (counted requests). */
  retries?: number;
  /** Retries the retry budget or the retry token bucket refused. */
  budgetDenied?: number;
  /** Failed calls answered with a fallback instead. */
  fallbacks?: number;
  /** Calls the caller's own policies refused: its circuit breaker ('circuitOpen') or its
   *  bulkhead ('bulkheadFull', 'bulkheadTimeout'). */
  refused?: number;
  /** Times the breaker went from closed (or half-open) to open. */
  breakerOpens?: number;
  /** Breaker state at the end of the run. */
  breaker?: 'closed' | 'open' | 'halfOpen';
}

export interface SimResult {
  name: string;
  seed: number;
  durationS: number;
  warmupS: number;
  events: number;
  wallMs: number;
  requests: { total: number; ok: number; failed: number };
  throughputRps: number;
  errorRate: number;
  latencyMs: LatencySummary;
  nodes: Record<string, NodeResult>;
  timeline: TimelinePoint[];
  /** Errors by reason, client's view. */
  errors?: Partial<Record<ErrorReason, number>>;
  /** OK answers per second that were not fallbacks and within the deadline (see resilience.md). */
  goodputRps?: number;
  /** Retries sent and fallback answers given, over the run (counted requests). */
  retries?: number;
  fallbacks?: number;
  /** Per edge: calls, failures and the caller policies' figures. */
  edges?: Record<string, EdgeResult>;
  /** With request classes: every client's requests class by class, end to end. */
  classes?: Record<string, ClassFigures>;
  /** With `regions`: each region's users (its clients' requests) and up time, by region name. */
  regions?: Record<string, RegionResult>;
  /**
   * Set when the run stopped early. `eventBudget`: the event budget ran out; `inFlight`: too many
   * requests in flight at once (the document overloads its system); `timeLimit`: the headless
   * runner's wall-clock limit ran out (src/engine/limits.ts), the one stop that depends on the
   * machine.
   */
  truncated?: {
    reason: 'eventBudget' | 'inFlight' | 'timeLimit';
    atS: number;
    events: number;
    message: string;
  };
  /** The document's objectives, graded (src/analysis/objectives.ts); set by who grades. */
  objectives?: GradedObjective[];
  /** Alerts fired, escalated and resolved, in time order (documents with objectives). */
  alerts?: AlertEvent[];
  /** Error budgets of availability and error-rate objectives, by objective id. */
  budgets?: Record<string, BudgetReport>;
  /** Objectives graded per window (`windowS`): the worst window, by objective id. */
  objectiveWindows?: Record<string, WindowedValue>;
}

/**
 * One node's figures over one window of simulated time, for the live charts and the canvas: the
 * common ones, then its kind's own window figures, typed from the kinds' declarations.
 */
export interface NodeWindow extends FigureFields<KindFigure, true> {
  arrivals: number;
  ok: number;
  failed: number;
  throughputRps: number;
  utilization: number;
  /** Time-average waiting over the window. */
  queueLength: number;
  /** Waiting at the window's end. */
  queueNow: number;
  p50Ms: number;
  p99Ms: number;
  [extra: string]: unknown;
}

/** One region over the run (src/model/kinds/regionFigures.ts). */
export type RegionResult = FigureFields<RegionFigure, false>;

/** One region over one window. */
export type RegionWindow = FigureFields<RegionFigure, true>;

export interface EdgeWindow {
  calls: number;
  failed: number;
  breaker?: 'closed' | 'open' | 'halfOpen';
  retries?: number;
  budgetDenied?: number;
  fallbacks?: number;
  refused?: number;
  breakerOpens?: number;
}

/** One window of simulated time (1 s by default), counted from the window's requests. */
export interface WindowStats extends TimelinePoint {
  /** The window's start and length, in simulated seconds. */
  startS: number;
  lengthS: number;
  /** True while inside warm-up: shown, but not counted in the results. */
  warmup: boolean;
  nodes: Record<string, NodeWindow>;
  edges: Record<string, EdgeWindow>;
  /** With `regions`: each region's users over the window, by region name. */
  regions?: Record<string, RegionWindow>;
}

export interface RunProgress {
  /** Simulated time now, seconds. */
  nowS: number;
  /** Events processed since the start. */
  events: number;
  /** True when the run reached `durationS` or the event budget. */
  done: boolean;
  /** Why this call returned. */
  stoppedBy: 'time' | 'events' | 'end' | 'budget';
}

export interface SimulationOptions {
  /** Overrides the document's seed. */
  seed?: number;
  /** Overrides the document's duration. */
  durationS?: number;
  /** Hard cap on events for the whole run; the run ends, reported, when it is reached. */
  eventBudget?: number;
  /** Length of a timeline window in simulated seconds (default 1). */
  windowS?: number;
  /**
   * Cap on calls in flight at once (requests and their downstream calls; default 1,000,000);
   * beyond it the run ends, reported.
   */
  maxInFlight?: number;
  /**
   * Build the per-window figures `drainWindows()` returns (default true). A run nobody drains
   * (headless) sets false: then nothing is kept or computed per window but the timeline.
   */
  windows?: boolean;
  /** Record request traces (src/engine/tracing); absent: off, at no cost. */
  tracing?: TracingSettings;
}

export interface Simulation {
  /** Advance to simulated time `tS` (capped at the duration), or until `maxEvents` more events. */
  runUntil(tS: number, maxEvents?: number): RunProgress;
  /** Add a fault now (its `atS` must not be in the past); replays exactly if scheduled instead. */
  inject(fault: Fault): void;
  /**
   * Take an action now (its `atS` must not be in the past); replays exactly if scheduled
   * instead. False: it would have changed how the engine is built (src/engine/actions.ts), so
   * only a run rebuilt from the document with it gives the same numbers.
   */
  act(action: Action): boolean;
  /** The windows completed since the last call, oldest first. */
  drainWindows(): WindowStats[];
  /**
   * Request traces kept since the last call (tracing on), oldest first; `end`: the run is over,
   * so the last window's slowest are final too. Null when tracing is off.
   */
  drainTraces?(end?: boolean): Trace[] | null;
  /** What the tracer saw so far (null: tracing off). */
  tracingCounts?(): TracingCounts | null;
  /** Alerts and budget points since the last call, and the objectives so far; null: none. */
  drainObjectives?(): ObjectivesFrame | null;
  /** The results so far, in the contract's shape. */
  snapshot(): SimResult;
  /**
   * End the run now because the runner's wall-clock limit of `limitS` seconds ran out (the
   * engine keeps no clock of its own): the results so far are final and `truncated` says why.
   */
  stopAtTimeLimit(limitS: number): void;
  readonly nowS: number;
  /**
   * Debug counters for tests: calls allocated from the pool now (requests in flight, pending
   * retries, queue messages) and events waiting in the event list.
   */
  debug?(): { liveCalls: number; queuedEvents: number };
}

export type { Fault };
