/**
 * Metric frames: windows of simulated time packed into one Float64Array so that a frame crosses
 * from the worker to the page as a transferred buffer, not as thousands of cloned objects.
 *
 * One window is one row of `layout.stride` numbers: the global columns, then each node's
 * `layout.nodeColumns` in `layout.nodeIds` order, then each edge's columns in `layout.edgeIds`
 * order, then each region's REGION_COLUMNS in `layout.regionNames` order. A missing optional
 * figure is NaN. The layout is sent once, when a document is loaded.
 */
import { ERROR_REASONS } from '../engine/types.ts';
import type {
  EdgeWindow,
  ErrorReason,
  NodeWindow,
  RegionWindow,
  WindowStats,
} from '../engine/types.ts';
import { isWindowNumber } from '../model/kinds/figures.ts';
import { nodeFigureColumns } from '../model/kinds/kindFigures.ts';
import { REGION_FIGURES } from '../model/kinds/regionFigures.ts';
import type { NodeType, Scenario } from '../model/types.ts';
import { EDGE_FIGURES } from '../model/kinds/edgeFigures.ts';

export const GLOBAL_COLUMNS = [
  'tS',
  'startS',
  'lengthS',
  'warmup',
  'throughputRps',
  'okRps',
  'failedRps',
  'errorRate',
  'p50',
  'p95',
  'p99',
  'mean',
  ...ERROR_REASONS.map((reason) => `err_${reason}` as const),
  /** OK root answers, not degraded by a fallback and within the deadline (per s). */
  'goodputRps',
  /** Retries sent and fallback answers given at any edge in the window (counts). */
  'retries',
  'fallbacks',
] as const;

/**
 * Per edge: the figures edge.ts declares, in its order (one place for them: a new edge figure
 * reaches the frame, the CSV and the run report with no edit here). The breaker's state is sent
 * as its index in BREAKER_CODES.
 */
export const EDGE_COLUMNS = EDGE_FIGURES.map((f) => f.key);

/** Per region (documents with `regions`): its window figures, as regionFigures.ts declares. */
export const REGION_COLUMNS: readonly string[] = REGION_FIGURES.filter(isWindowNumber).map(
  (f) => f.key,
);

export type GlobalColumn = (typeof GLOBAL_COLUMNS)[number];

const BREAKER_CODES = ['closed', 'open', 'halfOpen'] as const;

export interface FrameLayout {
  nodeIds: string[];
  nodeTypes: NodeType[];
  /**
   * Per node: the common window figures, then the figures the document's kinds declare (NaN
   * where a node's kind has none, or has none this window). Derived from the declarations, so a
   * new kind's figures reach the page with no edit here.
   */
  nodeColumns: string[];
  edgeIds: string[];
  /** The document's regions (none without `regions`). */
  regionNames: string[];
  /** Numbers per window. */
  stride: number;
}

export function layoutFor(doc: Pick<Scenario, 'nodes' | 'edges' | 'regions'>): FrameLayout {
  const nodeIds = doc.nodes.map((n) => n.id);
  const edgeIds = doc.edges.map((e) => e.id);
  const regionNames = (doc.regions ?? []).map((r) => r.name);
  const nodeTypes = doc.nodes.map((n) => n.type);
  const nodeColumns = nodeFigureColumns(nodeTypes);
  return {
    nodeIds,
    nodeTypes,
    nodeColumns,
    edgeIds,
    regionNames,
    stride:
      GLOBAL_COLUMNS.length +
      nodeIds.length * nodeColumns.length +
      edgeIds.length * EDGE_COLUMNS.length +
      regionNames.length * REGION_COLUMNS.length,
  };
}

const globalIndex = new Map<string, number>(GLOBAL_COLUMNS.map((c, i) => [c, i]));

/** Offset of a global column inside a row. */
export function globalOffset(column: GlobalColumn): number {
  return globalIndex.get(column) ?? 0;
}

/** Offset of one node's first column inside a row. */
function nodeBase(layout: FrameLayout, nodeIndexInLayout: number): number {
  return GLOBAL_COLUMNS.length + nodeIndexInLayout * layout.nodeColumns.length;
}

/** Offset of one node's column inside a row; undefined when no kind in the document has it. */
export function nodeOffset(
  layout: FrameLayout,
  nodeIndexInLayout: number,
  column: string,
): number | undefined {
  const k = layout.nodeColumns.indexOf(column);
  return k < 0 ? undefined : nodeBase(layout, nodeIndexInLayout) + k;
}

/** Offset of one edge's first column inside a row. */
export function edgeBase(layout: FrameLayout, edgeIndexInLayout: number): number {
  return nodeBase(layout, layout.nodeIds.length) + edgeIndexInLayout * EDGE_COLUMNS.length;
}

export type EdgeColumn = (typeof EDGE_FIGURES)[number]['key'];

/** Offset of one edge's column inside a row. */
export function edgeOffset(
  layout: FrameLayout,
  edgeIndexInLayout: number,
  column: EdgeColumn,
): number {
  return edgeBase(layout, edgeIndexInLayout) + EDGE_COLUMNS.indexOf(column);
}

/** Offset of one region's column inside a row. */
export function regionOffset(
  layout: FrameLayout,
  regionIndexInLayout: number,
  column: string,
): number {
  return (
    edgeBase(layout, layout.edgeIds.length) +
    regionIndexInLayout * REGION_COLUMNS.length +
    REGION_COLUMNS.indexOf(column)
  );
}

const num = (value: unknown): number => (typeof value === 'number' ? value : NaN);

/** Where each of a layout's node and edge columns sits within a node's or an edge's columns. */
interface ColumnIndex {
  node: Map<string, number>;
  edge: Map<string, number>;
}

function columnIndexOf(layout: FrameLayout): ColumnIndex {
  return {
    node: new Map(layout.nodeColumns.map((c, k) => [c, k])),
    edge: new Map(EDGE_COLUMNS.map((c, k) => [c, k])),
  };
}

/** Writes one window into `out` at row `row`. */
export function packWindow(
  layout: FrameLayout,
  w: WindowStats,
  out: Float64Array,
  row: number,
  index: ColumnIndex = columnIndexOf(layout),
): void {
  let i = row * layout.stride;
  out[i++] = w.tS;
  out[i++] = w.startS;
  out[i++] = w.lengthS;
  out[i++] = w.warmup ? 1 : 0;
  out[i++] = w.throughputRps;
  out[i++] = num(w.okRps);
  out[i++] = num(w.failedRps);
  out[i++] = w.errorRate;
  out[i++] = w.latencyMs.p50;
  out[i++] = num(w.latencyMs.p95);
  out[i++] = w.latencyMs.p99;
  out[i++] = num(w.latencyMs.mean);
  for (const reason of ERROR_REASONS) out[i++] = w.errors?.[reason] ?? 0;
  out[i++] = num(w.goodputRps);
  out[i++] = num(w.retries);
  out[i++] = num(w.fallbacks);
  // A node has a few of the document's node columns: the row is NaN but for the figures it
  // has, each found by its name (where asking each column of each node cost a failed lookup
  // through the object and its prototype for most of them: 33 columns on the bench's designs).
  const nodeColumns = layout.nodeColumns.length;
  out.fill(NaN, i, i + layout.nodeIds.length * nodeColumns);
  for (const id of layout.nodeIds) {
    const n = w.nodes[id];
    if (n !== undefined) fill(out, i, n, index.node);
    i += nodeColumns;
  }
  const edgeColumns = EDGE_COLUMNS.length;
  out.fill(NaN, i, i + layout.edgeIds.length * edgeColumns);
  for (const id of layout.edgeIds) {
    const e = w.edges[id];
    if (e !== undefined) fill(out, i, e, index.edge);
    i += edgeColumns;
  }
  for (const name of layout.regionNames) {
    const r = w.regions?.[name] as Readonly<Record<string, unknown>> | undefined;
    for (const column of REGION_COLUMNS) out[i++] = num(r?.[column]);
  }
}

/** `figures`' numbers into `out` from `base`, each at its column (others are left as they are). */
function fill(
  out: Float64Array,
  base: number,
  figures: object,
  columns: Map<string, number>,
): void {
  for (const key in figures) {
    const k = columns.get(key);
    if (k === undefined) continue;
    const v: unknown = (figures as Readonly<Record<string, unknown>>)[key];
    out[base + k] =
      key === 'breaker' && v !== undefined
        ? BREAKER_CODES.indexOf(v as (typeof BREAKER_CODES)[number])
        : num(v);
  }
}

export function packWindows(layout: FrameLayout, windows: readonly WindowStats[]): Float64Array {
  const out = new Float64Array(windows.length * layout.stride);
  const index = columnIndexOf(layout);
  windows.forEach((w, row) => packWindow(layout, w, out, row, index));
  return out;
}

/** One node's figures in row `row`; absent optional figures are left out. */
export function readNode(
  layout: FrameLayout,
  data: Float64Array,
  row: number,
  index: number,
): NodeWindow {
  const base = row * layout.stride + nodeBase(layout, index);
  const out: Record<string, number> = {};
  layout.nodeColumns.forEach((column, k) => {
    const v = data[base + k] ?? NaN;
    if (!Number.isNaN(v)) out[column] = v;
  });
  return out as unknown as NodeWindow;
}

export function readEdge(
  layout: FrameLayout,
  data: Float64Array,
  row: number,
  index: number,
): EdgeWindow {
  const base = row * layout.stride + edgeBase(layout, index);
  const edge: EdgeWindow = { calls: NaN, failed: NaN };
  EDGE_FIGURES.forEach((f, k) => {
    const v = data[base + k] ?? NaN;
    if (f.key === 'breaker') {
      const breaker = BREAKER_CODES[v];
      if (breaker !== undefined) edge.breaker = breaker;
    } else if (!('optional' in f) || !Number.isNaN(v)) edge[f.key] = v;
  });
  return edge;
}

/** The inverse of `packWindow`, for tests and for anything that wants objects back. */
export function unpackWindow(layout: FrameLayout, data: Float64Array, row: number): WindowStats {
  const at = (column: GlobalColumn) => data[row * layout.stride + globalOffset(column)] ?? NaN;
  const errors: Partial<Record<ErrorReason, number>> = {};
  for (const reason of ERROR_REASONS) {
    const v = at(`err_${reason}`);
    if (v !== 0) errors[reason] = v;
  }
  const latencyMs: WindowStats['latencyMs'] = { p50: at('p50'), p99: at('p99') };
  if (!Number.isNaN(at('p95'))) latencyMs.p95 = at('p95');
  if (!Number.isNaN(at('mean'))) latencyMs.mean = at('mean');
  const w: WindowStats = {
    tS: at('tS'),
    startS: at('startS'),
    lengthS: at('lengthS'),
    warmup: at('warmup') === 1,
    throughputRps: at('throughputRps'),
    errorRate: at('errorRate'),
    latencyMs,
    errors,
    nodes: {},
    edges: {},
  };
  if (!Number.isNaN(at('okRps'))) w.okRps = at('okRps');
  if (!Number.isNaN(at('failedRps'))) w.failedRps = at('failedRps');
  if (!Number.isNaN(at('goodputRps'))) w.goodputRps = at('goodputRps');
  if (!Number.isNaN(at('retries'))) w.retries = at('retries');
  if (!Number.isNaN(at('fallbacks'))) w.fallbacks = at('fallbacks');
  layout.nodeIds.forEach((id, i) => (w.nodes[id] = readNode(layout, data, row, i)));
  layout.edgeIds.forEach((id, i) => (w.edges[id] = readEdge(layout, data, row, i)));
  if (layout.regionNames.length > 0) {
    w.regions = {};
    layout.regionNames.forEach((name, i) => (w.regions![name] = readRegion(layout, data, row, i)));
  }
  return w;
}

/** One region's figures in row `row`; absent optional figures are left out. */
export function readRegion(
  layout: FrameLayout,
  data: Float64Array,
  row: number,
  index: number,
): RegionWindow {
  const out: Record<string, number> = {};
  for (const column of REGION_COLUMNS) {
    const v = data[row * layout.stride + regionOffset(layout, index, column)] ?? NaN;
    if (!Number.isNaN(v)) out[column] = v;
  }
  return out;
}
