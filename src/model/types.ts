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

/** What a document may say for a distribution: a bare number means a constant. */
export type DistInput = number | Dist;

export type DistKind = Dist['dist'];

// ---------------------------------------------------------------------------------------------
// Node kinds

export type NodeType =
  | 'client'
  | 'service'
  | 'loadBalancer'
  | 'cache'
  | 'database'
  | 'shardRouter'
  | 'queue'
  | 'rateLimiter';

export type ArrivalProcess =
  | { process: 'poisson'; rps: number }
  | { process: 'constant'; rps: number }
  /** A closed workload: `users` each send a request, wait for its answer, think, repeat. */
  | { process: 'closed'; users: number; thinkMs: Dist };

export interface ClientParams {
  arrival: ArrivalProcess;
  /** `[[tS, multiplier], …]`: the rate multiplier over time, linear between points. Empty = 1. */
  profile: Array<[number, number]>;
  /** Share of requests that are writes, 0..1. */
  writeRatio: number;
  /** Keys 0..count-1 with Zipf popularity of exponent `zipf` (0 = uniform). */
  keys: { count: number; zipf: number };
  /** Distinct client addresses, for `ipHash` balancing. */
  sources: number;
}

export interface AutoscaleReactive {
  mode: 'reactive';
  min: number;
  max: number;
  /** Scale to keep mean worker utilization near this, 0..1. */
  targetUtilization: number;
  /** Optionally scale on queue depth per replica instead of utilization. */
  targetQueuePerReplica?: number;
  /** How often the scaler looks. */
  intervalS: number;
  /** How long a new replica takes before it serves. */
  startupS: number;
  /** Minimum time between two scaling actions. */
  cooldownS: number;
}
export interface AutoscaleScheduled {
  mode: 'scheduled';
  /** `[[tS, replicas], …]`: the replica count from each time on. */
  schedule: Array<[number, number]>;
  startupS: number;
}
export interface AutoscalePredictive {
  mode: 'predictive';
  min: number;
  max: number;
  targetUtilization: number;
  /** Scale for the client rate this far ahead (taken from the clients' rate profiles). */
  leadS: number;
  intervalS: number;
  startupS: number;
}
export type Autoscale = AutoscaleReactive | AutoscaleScheduled | AutoscalePredictive;

export type CallMode = 'sequential' | 'parallel' | 'oneOf';

export interface ServiceParams {
  replicas: number;
  /** Concurrent requests per replica (threads). */
  workers: number;
  /** A worker's own busy time per request. */
  serviceTimeMs: Dist;
  /** Requests that may wait per replica; a full queue rejects. Absent = unbounded. */
  queueCapacity?: number;
  /** Thread per request (true): a worker stays held while downstream calls run. */
  blocking: boolean;
  calls: CallMode;
  autoscale?: Autoscale;
  /** Load shedding: reject at once when this many already wait (per replica). */
  shedQueueLength?: number;
}

export type LbStrategy =
  | 'roundRobin'
  | 'weightedRoundRobin'
  | 'random'
  | 'leastConnections'
  | 'ipHash'
  | 'leastResponseTime'
  | 'powerOfTwoChoices';

export interface HealthCheck {
  intervalMs: number;
  timeoutMs: number;
  unhealthyAfter: number;
  healthyAfter: number;
}
export interface OutlierDetection {
  consecutiveErrors: number;
  ejectMs: number;
}
export interface LoadBalancerParams {
  strategy: LbStrategy;
  healthCheck?: HealthCheck;
  outlierDetection?: OutlierDetection;
}

export type Eviction = 'lru' | 'lfu' | 'fifo' | 'random';
export type CacheStrategy =
  'cacheAside' | 'readThrough' | 'writeThrough' | 'writeBehind' | 'refreshAhead';

export interface CacheParams {
  capacity: number;
  eviction: Eviction;
  /** Entry lifetime; absent = entries never expire. */
  ttlMs?: number;
  hitMs: Dist;
  strategy: CacheStrategy;
  /** Start filled with the most popular keys. */
  warm: boolean;
  /** writeBehind: flush dirty entries at this interval, in batches. */
  writeBehindFlushMs: number;
  /** refreshAhead: refresh an entry read within this share of its TTL before expiry, 0..1. */
  refreshAheadRatio: number;
}

export interface DatabaseParams {
  /** Service time of a read query. */
  readTimeMs: Dist;
  /** Service time of a write query. */
  writeTimeMs: Dist;
  /** Connection pool: queries served at once. */
  connections: number;
  /** Queries that may wait for a connection; absent = unbounded. */
  queueCapacity?: number;
  /** Primary failover to a replica: time to notice the primary is gone, then to promote. */
  failover?: { detectionMs: number; promotionMs: number };
  /** Accept writes on every primary of a multi-primary group (conflicts are counted). */
  multiPrimary: boolean;
}

export type ShardStrategy = 'hash' | 'range' | 'consistentHash';
export interface ShardRouterParams {
  strategy: ShardStrategy;
  /** Points per shard on the ring, for consistentHash. */
  virtualNodes: number;
}

export type QueueDelivery = 'pointToPoint' | 'pubSub';
export interface QueueParams {
  /** Messages held; a full queue rejects (back-pressure to the producer). Absent = unbounded. */
  capacity?: number;
  delivery: QueueDelivery;
  /** Number of priority levels; requests carry a priority 0 (highest) .. levels-1. */
  priorities: number;
  /** Deliveries tried before a message goes to the dead-letter edge. */
  maxDeliveries: number;
  /** Time the broker takes to accept a message (the producer's acknowledgement). */
  ackMs: Dist;
}

export interface RateLimiterParams {
  /** Token refill rate. */
  rps: number;
  /** Bucket size: the largest burst let through at once. */
  burst: number;
}

export interface ParamsByType {
  client: ClientParams;
  service: ServiceParams;
  loadBalancer: LoadBalancerParams;
  cache: CacheParams;
  database: DatabaseParams;
  shardRouter: ShardRouterParams;
  queue: QueueParams;
  rateLimiter: RateLimiterParams;
}

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
}

// ---------------------------------------------------------------------------------------------
// Faults

export type FaultKind =
  'crash' | 'slow' | 'partition' | 'loss' | 'latency' | 'flush' | 'spike' | 'lag';

export interface Fault {
  atS: number;
  /** How long it lasts; absent = to the end of the run. */
  forS?: number;
  kind: FaultKind;
  /** A node id (crash, slow, flush, spike) or an edge id (partition, loss, latency, lag). */
  target: string;
  /** crash: how many replicas; absent = all. */
  replicas?: number;
  /** slow: service times multiplied by this. */
  factor?: number;
  /** loss: share of calls dropped. */
  probability?: number;
  /** latency, lag: added milliseconds. */
  addMs?: number;
  /** spike: rate multiplied by this. */
  multiplier?: number;
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
  /** Optional lesson/UI metadata: the preset's topic, for grouping in the presets menu. */
  topic?: string;
}
