/**
 * How a kind describes itself to the rest of the product: its params schema, a label, an icon, a
 * colour, a one-line summary, one descriptor per editable field, the line the canvas shows, its
 * price, which edges it may have and how many. The loader, the palette, the inspector, the
 * canvas, the exports, the cost model and the docs all read from these, so adding a kind or a
 * field needs no edit elsewhere.
 */
import type * as z from 'zod';
import type { Dist, EdgeKind, Fault, FaultKind, NodeType, OperatorOp } from '../types.ts';
import type { LoadDependence } from './loadDependence.ts';
import type { NodeFaultKind } from './faultDefaults.ts';
import type { KindPrice } from './pricing.ts';
import type { InstanceSize } from './sizes.ts';

export type ParamControl =
  | 'number'
  | 'integer'
  | 'boolean'
  | 'select'
  | 'dist'
  | 'arrival'
  | 'profile'
  | 'json'
  | 'group'
  | 'variant'
  | 'table'
  // Only inside a table: a request class's name (typed; the document's classes suggested), and
  // the nodes this node calls, as a list of ids (one switch per node it calls).
  | 'className'
  | 'backends';

/**
 * A 'table': a list or a map edited as rows (a client's classes, a balancer's routes by class).
 * `list`: a list of objects, one per row, its fields the columns (dot paths inside a row).
 * `record`: an object, one row per entry: `columns[0]` is the entry's key, `columns[1]` its value.
 */
export interface TableShape {
  rows: 'list' | 'record';
  /** What one row is, for its legend and buttons ("Class" → "Class 2", "Add class"). */
  item: string;
  columns: ParamDescriptor[];
  /** A new row's values, before the key column gets a fresh class name and a 'backends' column
   *  every node this node calls. */
  blank: Record<string, unknown>;
  /** Rows allowed at most (the schema's own limit). */
  maxRows?: number;
}

/** One form of a 'variant' (e.g. autoscale's `mode: 'scheduled'`). */
export interface VariantCase {
  /** The discriminator's value, e.g. 'scheduled'. */
  value: string;
  /** What the choice shows, e.g. 'scheduled: replicas by the clock'. */
  label: string;
  /** Keys relative to the object. */
  fields: ParamDescriptor[];
  /** The whole object when this case is chosen afresh (discriminator included). */
  defaults: Record<string, unknown>;
}

export interface ParamDescriptor {
  /** Dot path within params (or within the edge / fault), e.g. 'arrival.rps'. */
  key: string;
  label: string;
  help: string;
  unit?: string;
  control: ParamControl;
  /** Limits and default: read from the schema by `describeFields` (./schemaInfo.ts). */
  min?: number;
  max?: number;
  /** The value must be above `min`, not equal to it. */
  minExclusive?: boolean;
  default?: unknown;
  step?: number;
  /** For 'select'. */
  options?: readonly string[];
  /** The field may be absent (empty in the inspector); `help` says what absent means. For a
   *  'group' or 'variant', the whole object may be absent: an "enabled" switch. */
  optional?: boolean;
  /** For 'group': the object's fields, keys relative to the object. */
  fields?: ParamDescriptor[];
  /** For 'group': the object when switched on (the schema's own defaults, parsed from `{}`). */
  defaults?: Record<string, unknown>;
  /** For 'variant': the discriminating key (e.g. 'mode') and its cases, first = default. */
  variant?: { key: string; label: string; cases: VariantCase[] };
  /** For a 'table': its rows and columns. */
  table?: TableShape;
  /** For a 'group': a picture the inspector draws of the object (the load curve's plot). */
  plot?: 'loadCurve';
  /** A group's sub-field that applies only while a sibling has one of the values `is` (a
   *  polynomial's exponent), or, without `is`, has any value at all (a token bucket's ratio):
   *  the inspector hides it otherwise, the docs say when it applies. */
  shownWhen?: { key: string; is?: readonly string[] };
}

/** One stroke of a kind's line icon, as SVG: a path, a circle, a rounded rect or an ellipse. */
export type Glyph =
  | readonly ['path', d: string]
  | readonly ['circle', cx: number, cy: number, r: number]
  | readonly ['rect', x: number, y: number, width: number, height: number, rx: number]
  | readonly ['ellipse', cx: number, cy: number, rx: number, ry: number];

/**
 * How a node passes on the traffic it receives, for the analysis's traffic equations
 * (src/analysis/flow.ts): `weight` splits by edge weight, `every` sends all of it over every edge,
 * `replicas` splits by the backends' replicas, `keys` as the keys fall (measured when a run is
 * given, else by weight), `readMisses` passes read misses and every write. `atMostRps` caps what
 * passes in total.
 */
export interface FlowRule {
  split: 'weight' | 'every' | 'replicas' | 'keys' | 'readMisses';
  atMostRps?: number;
  /** A write sent here is served by the node that replicates to it (a read replica's primary). */
  writesToPrimary?: boolean;
}

/**
 * What the analysis's theory (src/analysis: end-to-end latency, saturation, the theory rows) may
 * model at a node, beyond how it passes traffic on (`flow`). Every kind says one of these, so a
 * new kind is never modelled by accident; `{ as: 'none' }` is the neutral answer: the analysis
 * then says "no closed form" for every path through it rather than guess.
 * - `router`: adds no time of its own; each request takes one outgoing call edge, shared as
 *   `flow` splits (a client, a balancer, a shard router). `balances`: how a balancer's
 *   strategy spreads requests over its backends' replicas, which picks the backends' model.
 * - `lookup`: answers a hit in `hitMs` and passes a miss on (a cache); `lru` is its capacity in
 *   entries when Che's approximation of the hit ratio applies, else why it does not.
 * - `delay`: answers after `ms` however many arrive at once (no queue) and calls nothing.
 * - `station`: `servers` per replica serve one queue of at most `queueCapacity` waiting (a
 *   service, a database); queueing theory applies when it calls nothing and `unmodelled` is
 *   absent. `serviceMs` is one time, or a read time and a write time mixed by the traffic.
 * - `buffer`: holds requests until a consumer pulls one (a queue): a consumer fed only by it is
 *   modelled with its waiting in the buffer.
 * - `none`: no closed form.
 */
export type NodeTheory =
  | { as: 'router'; balances?: Balancing }
  | { as: 'lookup'; hitMs: Dist; lru: { capacity: number } | string }
  | { as: 'delay'; ms: Dist }
  | StationTheory
  | { as: 'buffer' }
  | { as: 'none' };

export interface StationTheory {
  as: 'station';
  servers: number;
  replicas: number;
  serviceMs: Dist | { read: Dist; write: Dist };
  queueCapacity?: number;
  /** Why no stationary model fits (the capacity changes, load is shed), when none does. */
  unmodelled?: string;
  /** Service slows with the load: a birth-death chain, when the work is exponential. */
  loadDependence?: LoadDependence;
  /** The replica count changes during the run (measured capacity is an average). */
  varyingReplicas: boolean;
  /** A worker stays held while the node's own downstream calls run. */
  holdsWorkerDuringCalls: boolean;
}

/**
 * How a balancer's backends see its stream: every K-th request (`roundRobin`), a random,
 * Poisson split (`poissonSplit`), close to joining the shortest queue (`shortestQueue`), or
 * shares by weight (`weighted`). `strategy` names it in the theory's notes.
 */
export interface Balancing {
  strategy: string;
  spreads: 'roundRobin' | 'poissonSplit' | 'shortestQueue' | 'weighted';
}

/** `T` with `| undefined` dropped from optional fields, all the way down: zod's output type says
 *  `x?: T | undefined` where our types (under exactOptionalPropertyTypes) say `x?: T`. */
export type Exact<T> = T extends readonly unknown[]
  ? { [K in keyof T]: Exact<T[K]> }
  : T extends object
    ? { [K in keyof T]: Exact<Exclude<T[K], undefined>> }
    : T;

/** A kind's params schema: reads a partial params object and fills the defaults. */
export type ParamsSchema = z.ZodType<object, object>;
/** The params a schema produces: the kind's params type, derived, never declared twice. */
export type ParamsOf<S extends ParamsSchema> = Exact<z.output<S>>;

/** Which targets an edge of one kind may have from this node, and why when it may not. */
export interface EdgeRule {
  /** 'callable': every kind that answers calls. */
  targets: 'callable' | readonly string[];
  /** Shown when the target is not one of `targets`. */
  why: string;
  /** Fewer is allowed while editing, but the loader warns (`warning`) and the canvas shows a
   *  badge (`problem`): the node cannot do its job. */
  min?: { count: number; warning: string; problem: string };
  /** More is refused. */
  max?: { count: number; reason: string };
}

export interface KindDescription<T extends string = string, S extends ParamsSchema = ParamsSchema> {
  type: T;
  label: string;
  /** An emoji: data for text exports; the UI draws `glyph`. */
  icon: string;
  /** The line icon on a 16 × 16 grid, stroked in the kind's colour (every machine draws it,
   *  where many have no emoji font). */
  glyph: readonly Glyph[];
  /** The accent of the palette item, the node, the minimap and the SVG export. */
  colour: string;
  summary: string;
  schema: S;
  params: ParamDescriptor[];
  /** The one line of key params under a node's label on the canvas. */
  line(params: ParamsOf<S>): string;
  /** How it passes traffic on, for the analysis's predictions. */
  flow(params: ParamsOf<S>): FlowRule;
  /** What the analysis's theory may model at it (see NodeTheory). */
  theory(params: ParamsOf<S>): NodeTheory;
  /** What it costs, in US dollars per unit (list-price figures, see ./pricing.ts). */
  price: KindPrice;
  /** Instances billed; absent = 1. `measuredReplicas` is the run's mean, when there is one. */
  instances?(params: ParamsOf<S>, measuredReplicas: number | undefined): number;
  /** Its instance size (./sizes.ts), for a kind that has sizes: it scales capacity and price. */
  size?(params: ParamsOf<S>): InstanceSize;
  /** Memory held, in GB, for a kind priced per GB-hour. */
  gigabytes?(params: ParamsOf<S>): number;
  /** The edges it may start, by edge kind; an absent kind is refused. */
  edges: { call: EdgeRule } & Partial<Record<Exclude<EdgeKind, 'call'>, EdgeRule>>;
  /**
   * The node faults its behaviour honours, beyond a crash (which hits every kind that answers
   * calls): `slow` multiplies its service times, `cpu` takes a share of its capacity, `error`
   * fails a share of arrivals at once, `pause` stops the world now and then, `flush` empties its
   * store, `spike` multiplies the traffic it sends. A fault it does not list is refused on it, naming the kinds that take it.
   */
  faults: readonly KindFault[];
  /** Why nothing may call into it; absent = it answers calls. */
  refusesCalls?: string;
  /** The request fields its behaviour reads: the engine draws a key (from the clients' `keys`)
   *  or a source address (from their `sources`) for each request only when some node reads it. */
  reads?(params: ParamsOf<S>): { key?: true; source?: true };
  /** The params a run takes while it goes on (an action at time t, src/model/actions.ts), as
   *  dot paths into params ('arrival.rps'); any other edit restarts the run. Absent = none. */
  live?: readonly string[];
  /** The operator actions a run takes on it (src/model/actions.ts OPERATOR_OPS), besides param
   *  edits; its behaviour carries them out. Absent = none. */
  ops?: readonly KindOp[];
}

/** The node operator actions a kind takes only when its description lists them (see `ops`). */
export type KindOp = Extract<OperatorOp, 'drain' | 'promote'>;

/** The node faults a kind takes only when its description lists them (see `faults`). */
export type KindFault = Exclude<NodeFaultKind, 'crash' | 'failures'>;

export interface FaultKindDescription {
  kind: FaultKind;
  label: string;
  help: string;
  /** The timeline bar's, the chart markers' and the canvas badge's colour. */
  colour: string;
  /** The fault's own strength, short, for its bar: "×5", "10%", "+200 ms", "" for none. */
  amount(f: Fault): string;
  /** Whether the target is a node id, an edge id or a region name (FAULT_TARGETS, ./faultDefaults.ts). */
  target: 'node' | 'edge' | 'region';
  /** Node types it may hit (target 'node'). */
  nodeTypes?: readonly NodeType[];
  /** Edge kinds it may hit (target 'edge'). */
  edgeKinds?: readonly EdgeKind[];
  /** Kind-specific fields, beyond atS / forS / target. */
  fields: ParamDescriptor[];
}
