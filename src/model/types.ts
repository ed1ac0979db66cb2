/**
 * The scenario document, version 1, after loading: every default filled in.
 *
 * This file is the typed form of `shared/SCENARIO.md`, the contract between the engine, the
 * editor, the presets, the share links and the tests. Fields may be added; the ones here keep
 * their names, units and meaning. Units are in the names: `…Ms` milliseconds, `…S` seconds of
 * simulated time, `rps` requests per second.
 *
 * The engine only ever sees documents of these types: `loadScenario` (src/model/load.ts) turns
 * anything untrusted into one, or into an error that names the field.
 */

export const SCENARIO_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Distributions

export type Dist =
  | { dist: 'constant'; ms: number }
  | { dist: 'exponential'; meanMs: number }
  | { dist: 'uniform'; minMs: number; maxMs: number }
  /** Mean and coefficient of variation (standard deviation / mean). */
  | { dist: 'lognormal'; meanMs: number; cv: number }
  /** The sum of k exponentials with the given total mean: less variable than exponential. */
  | { dist: 'erlang'; meanMs: number; k: number };

export type DistKind = Dist['dist'];

// ---------------------------------------------------------------------------------------------
// Node kinds: each kind's params type is derived from its schema in ./kinds/<kind>.ts, and the
// list of kinds from the registry in ./kinds/index.ts. The names below are kept for readers.

import type { Region } from './regions.ts';
import type { Tracing } from './tracing.ts';
import type { NodeType, ParamsByType } from './kinds/index.ts';
import type { PriceEntry } from './kinds/pricing.ts';
export type { NodeType, ParamsByType };

export type ClientParams = ParamsByType['client'];
export type ArrivalProcess = ClientParams['arrival'];
export type ServiceParams = ParamsByType['service'];
export type Autoscale = NonNullable<ServiceParams['autoscale']>;
export type LoadBalancerParams = ParamsByType['loadBalancer'];
export type LbStrategy = LoadBalancerParams['strategy'];
export type HealthCheck = NonNullable<LoadBalancerParams['healthCheck']>;
export type OutlierDetection = NonNullable<LoadBalancerParams['outlierDetection']>;
export type CacheParams = ParamsByType['cache'];
export type Eviction = CacheParams['eviction'];
export type DatabaseParams = ParamsByType['database'];
export type ShardRouterParams = ParamsByType['shardRouter'];
export type ShardStrategy = ShardRouterParams['strategy'];
export type QueueParams = ParamsByType['queue'];
export type StreamParams = ParamsByType['stream'];
export type RateLimiterParams = ParamsByType['rateLimiter'];

export interface Position {
  x: number;
  y: number;
}

export type ScenarioNodeOf<T extends NodeType> = {
  /** 1 to 64 of `A-Z a-z 0-9 _ -`, unique among nodes and edges. */
  id: string;
  type: T;
  label: string;
  position: Position;
  /** The region it runs in (one of the document's `regions`); absent = the first region. */
  region?: string;
  /** Its availability zone, one of its region's `zones`; absent = none named. */
  zone?: string;
  params: ParamsByType[T];
};

export type ScenarioNode = { [T in NodeType]: ScenarioNodeOf<T> }[NodeType];

// ---------------------------------------------------------------------------------------------
// Edges

export type EdgeKind = 'call' | 'replication' | 'deadLetter';

export interface RetryPolicy {
  max: number;
  backoffMs: number;
  multiplier: number;
  jitter: boolean;
  /** Retry budget: retries may be at most this share of first tries (e.g. 0.1); absent = none. */
  budgetRatio?: number;
  /** Retry token bucket's size (starts full; a retry spends one); absent = no bucket. */
  tokenBucket?: number;
  /** Tokens a successful call puts back; absent = 0.1. */
  tokenRatio?: number;
  /** True: timeouts and losses are not retried (the work may have been done). */
  nonIdempotent?: boolean;
}

export interface CircuitBreakerPolicy {
  /** Open when at least this share of calls in the window failed, 0..1. */
  failureRatio: number;
  /** ... and the window holds at least this many calls. */
  minRequests: number;
  /** How long the breaker stays open before letting probes through (half-open). */
  openMs: number;
  /** The rolling window over which failures are counted. */
  windowMs: number;
  /** Probes let through while half-open. */
  halfOpenRequests: number;
}

export interface BulkheadPolicy {
  /** Calls out over the edge at once, all the caller's replicas together. */
  maxConcurrent: number;
  /** Calls that may wait for a slot; beyond, 'bulkheadFull' at once. */
  maxWaiting: number;
  /** The longest a call waits for a slot before it gives up with 'bulkheadTimeout'. */
  maxWaitMs?: number;
}

export interface ScenarioEdge {
  id: string;
  source: string;
  target: string;
  /** One way: applied to the request and again to its response. */
  latencyMs: Dist;
  weight: number;
  kind: EdgeKind;
  timeoutMs?: number;
  retry?: RetryPolicy;
  circuitBreaker?: CircuitBreakerPolicy;
  /** On a failed call, answer with a fallback (a default, a stale value) instead of failing. */
  fallback?: boolean;
  /** Cap on the calls out over the edge at once. */
  bulkhead?: BulkheadPolicy;
}

// ---------------------------------------------------------------------------------------------
// Faults

import type { FaultKind } from './kinds/faultDefaults.ts';
export type { FaultKind };

export interface Fault {
  atS: number;
  /** How long it lasts; absent = to the end of the run. */
  forS?: number;
  kind: FaultKind;
  /** A node id or an edge id, as the kind's target says (kinds/faultDefaults.ts). */
  target: string;
  /** crash: how many replicas; absent = all. */
  replicas?: number;
  /** slow: service times multiplied by this. */
  factor?: number;
  /** loss: share of calls dropped; error: share of requests failed. */
  probability?: number;
  /** cpu: share of the node's capacity lost (service times ÷ (1 − share)). */
  share?: number;
  /** pause: a stop-the-world pause of `pauseMs` every `everyS`, longer by `perRequestMs` for
   *  each request present at the node when it starts (a collector tracing a live heap). */
  everyS?: number;
  pauseMs?: number;
  perRequestMs?: number;
  /** latency, lag: added milliseconds. */
  addMs?: number;
  /** spike: rate multiplied by this. */
  multiplier?: number;
  /** failures: each replica fails after Exp(mtbfS) up and is repaired after Exp(mttrS) down. */
  mtbfS?: number;
  mttrS?: number;
  /** failures: the node counts as up while at least this many replicas are up. */
  minUp?: number;
  /** failures: outages of the whole node at once (its zone), Exp(zoneMtbfS) apart. */
  zoneMtbfS?: number;
  zoneMttrS?: number;
}

// ---------------------------------------------------------------------------------------------
// Actions: changes made while a run goes on (src/model/actions.ts, docs/format.md)

/** Operator actions besides param edits (scaling is a param edit: `set: {"replicas": N}`). */
export type OperatorOp = 'drain' | 'promote' | 'openBreaker' | 'closeBreaker';

/** A param edit at `atS`: dot path (one of the target kind's live params) → new value; null = absent. */
export interface EditAction {
  atS: number;
  target: string;
  set: Record<string, unknown>;
}

export interface OperatorAction {
  atS: number;
  target: string;
  op: OperatorOp;
  /** drain: which replica (from 0); absent = the highest-numbered one serving. */
  replica?: number;
}

export type Action = EditAction | OperatorAction;

// ---------------------------------------------------------------------------------------------
// Objectives and alerts (src/model/objectives.ts, docs/format.md "Objectives")

import type { ObjectiveMetric } from './objectiveMetrics.ts';
export type { ObjectiveMetric };

/** A target the run is graded against: `metric` at most `max` and/or at least `min`. */
export interface Objective {
  id: string;
  metric: ObjectiveMetric;
  /** Measured at this node instead of end to end. */
  node?: string;
  /** Only the requests of this class (a name a client's `classes` gives, or `default`). */
  class?: string;
  min?: number;
  max?: number;
  /** Graded over every window of this many seconds (the worst one counts); absent = the whole run. */
  windowS?: number;
  label?: string;
}

/** What a challenge asks, and hints the learner may open one by one. */
export interface Challenge {
  goal: string;
  hints: string[];
}

export type AlertKind = 'threshold' | 'burnRate' | 'anomaly' | 'predictive';
export type Severity = 'page' | 'ticket';

/** One pair of a multi-window burn-rate alert: both windows must burn faster than `burnRate`. */
export interface BurnWindow {
  name?: string;
  longS: number;
  shortS: number;
  burnRate: number;
  severity?: Severity;
}

/** An action without its time: what an alert does when it fires. */
export type AlertResponse = Omit<EditAction, 'atS'> | Omit<OperatorAction, 'atS'>;

export interface AlertRule {
  id: string;
  /** The objective watched: its metric, node and target. */
  objective: string;
  kind: AlertKind;
  severity?: Severity;
  /** threshold: the breach must last this long before the alert fires. */
  forS?: number;
  /** Still firing after this long: escalated (a ticket becomes a page; a page goes up a level). */
  escalateAfterS?: number;
  /** burnRate: the window pairs; absent = the SRE workbook's three, scaled to the run. */
  windows?: BurnWindow[];
  /** anomaly: z-score that fires, EWMA weight of a new window, seconds learned before firing. */
  z?: number;
  alpha?: number;
  learnS?: number;
  /** predictive: how far ahead the trend is extended, over how many seconds it is fitted. */
  horizonS?: number;
  lookbackS?: number;
  /** predictive: once firing, how long the forecast must stay inside the target to resolve. */
  clearS?: number;
  /** Automated response: the action taken when the alert fires. */
  then?: AlertResponse;
}

// ---------------------------------------------------------------------------------------------
// The document

export interface Scenario {
  version: typeof SCENARIO_VERSION;
  name: string;
  /** Markdown lesson text shown beside the canvas. Never rendered as raw HTML. */
  description: string;
  /** Unsigned 32-bit. */
  seed: number;
  durationS: number;
  /** Requests created before this are simulated but not counted. */
  warmupS: number;
  nodes: ScenarioNode[];
  edges: ScenarioEdge[];
  faults: Fault[];
  /** Changes made while running, replayed at their times; absent = none. */
  actions?: Action[];
  /** US dollars by kind (or kind and size), in each kind's unit (src/model/kinds/pricing.ts); absent = defaults. */
  prices?: Partial<Record<NodeType, PriceEntry>>;
  /** Targets every run is graded against; absent = none. */
  objectives?: Objective[];
  /** Alerts on the objectives, evaluated as the run goes; absent = none. */
  alerts?: AlertRule[];
  /** A graded challenge: passed when a finished run meets every objective. */
  challenge?: Challenge;
  /** Optional lesson/UI metadata: the preset's topic, for grouping in the presets menu. */
  topic?: string;
  /** Which requests are traced (head sampling, tail capture); absent: the defaults. */
  tracing?: Tracing;
  /** Where nodes run and the one-way latency between places; absent = one implicit region. */
  regions?: Region[];
}
