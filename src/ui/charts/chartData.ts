/**
 * Rows for the charts, read from the metrics buffer in one pass with a bounded number of points
 * (older rows are already averaged by the buffer). Beyond MAX_POINTS windows, neighbouring
 * windows are taken in buckets, and each bucket gives two rows holding each series' lowest and
 * highest value in the order they came: a spike (or a dip) of one window survives however long
 * the run, where taking every k-th window drew it only if it fell on a taken one (a gap shorter
 * than a bucket is bridged; a longer one stays). A value that does not exist in a window is
 * left out of its row, so the chart draws a gap there, not a 0: with no successful answer in a
 * window there is no latency to show.
 */
import { ERROR_REASONS, type ErrorReason } from '../../engine/types.ts';
import { answersCalls } from '../../model/kinds/index.ts';
import { nodeOffset, type FrameLayout } from '../../worker/frame.ts';
import type { MetricsBuffer } from '../../store/metricsBuffer.ts';
import { rowFiguresMemo, rowReading, type RowFiguresMemo } from './rowFigures.ts';
import { readUtilizations, type UtilizationsOf } from './rowUtilizations.ts';

export const MAX_POINTS = 150;

export type ChartRow = Record<string, number>;

/** A node figure's series key in a chart row: the frame column, then the node id. */
export const nodeKey = (column: string, nodeId: string) => `${column}:${nodeId}`;

/** A node and the frame columns wanted from it. */
export interface NodeSeries {
  id: string;
  columns: readonly string[];
}

/** One line standing for many nodes ("others"): their mean (ratios) or their sum. */
export interface NodeAggregate {
  key: string;
  column: string;
  ids: readonly string[];
  how: 'mean' | 'sum';
}

export interface ChartRows {
  rows: ChartRow[];
  /** Error reasons seen at least once, for the errors chart's series. */
  reasons: ErrorReason[];
  /** The node series (`nodeKey`) with a value in some row, and those whose value changed. */
  seen: ReadonlySet<string>;
  changed: ReadonlySet<string>;
  /** True once goodput fell visibly below ok throughput (late or degraded answers). */
  goodputDiffers: boolean;
}

/** One series read from the frame: its key in the rows and its column's offset in a row. */
export interface SeriesReader {
  key: string;
  offset: number;
  /** Offset of the node's `ok` count: a success time with no success is a gap. */
  okOffset: number | undefined;
}

/** A row of the buffer: its data and the offset where it starts. */
type BufferRow = readonly [Float64Array, number];

/**
 * Visits the buffer's rows in buckets of neighbours, oldest first: each row alone up to
 * `maxPoints` rows; beyond, in about maxPoints / 2 buckets (each drawn as two rows), the newest
 * ending the last bucket. What the line charts and the heatmap share, so their columns agree.
 */
export function forEachBucket(
  buffer: MetricsBuffer,
  maxPoints: number,
  visit: (rows: readonly BufferRow[]) => void,
): void {
  const n = buffer.length;
  const size = n <= maxPoints ? 1 : Math.ceil(n / Math.max(1, Math.floor(maxPoints / 2)));
  let bucket: BufferRow[] = [];
  let i = 0;
  buffer.forEachRow((data, at) => {
    bucket.push([data, at]);
    i += 1;
    // Counted from the newest: the oldest bucket is the one left short.
    if ((n - i) % size === 0) {
      visit(bucket);
      bucket = [];
    }
  });
}

/** How many chart rows a bucket of `count` windows gives: its low and its high. */
export const rowsPerBucket = (count: number): number => Math.min(2, count);

/**
 * A bucket's two rows: at its first and its last window's time, each series' lowest and highest
 * value, the one that came first in the first row (equal values in both).
 */
function lowAndHigh(rows: readonly ChartRow[]): ChartRow[] {
  const first = rows[0] ?? {};
  const last = rows.at(-1) ?? {};
  // A copy: the row is a window's own, kept for the next draw (rowMemo.ts), and is added to.
  if (rows.length < 2) return [{ ...first }];
  const a: ChartRow = { t: first['t'] ?? NaN };
  const b: ChartRow = { t: last['t'] ?? NaN };
  const keys = new Set<string>();
  for (const r of rows) for (const k in r) if (k !== 't') keys.add(k);
  for (const k of keys) {
    let lo = Infinity;
    let hi = -Infinity;
    let loAt = 0;
    let hiAt = 0;
    rows.forEach((r, i) => {
      const v = r[k];
      if (v === undefined) return;
      if (v < lo) [lo, loAt] = [v, i];
      if (v > hi) [hi, hiAt] = [v, i];
    });
    a[k] = loAt <= hiAt ? lo : hi;
    b[k] = loAt <= hiAt ? hi : lo;
  }
  return [a, b];
}

export function buildRows(
  buffer: MetricsBuffer,
  layout: FrameLayout,
  wanted: readonly NodeSeries[],
  maxPoints = MAX_POINTS,
  aggregates: readonly NodeAggregate[] = [],
  /** Series that are not a node's (the regions'). */
  more: readonly SeriesReader[] = [],
  /** The figures of rows held since the last draw (without: every row is read). */
  memo: RowFiguresMemo = rowFiguresMemo(),
): ChartRows {
  const reading = rowReading(layout, wanted, aggregates, more);
  const { readers, keys } = reading;
  const rows: ChartRow[] = [];
  let reasonBits = 0;
  /** Per node series: its first value (NaN: none yet), and whether a later one differed. */
  const first = new Float64Array(readers.length).fill(NaN);
  const differs = new Uint8Array(readers.length);
  let goodputGap = false;
  // The node series' lowest and highest value in a bucket and where they came, in typed arrays:
  // a row object per window for 50 series cost 20 ms a draw on 700 windows.
  const lo = new Float64Array(keys.length);
  const hi = new Float64Array(keys.length);
  const loAt = new Float64Array(keys.length);
  const hiAt = new Float64Array(keys.length);
  const note = (j: number, v: number, i: number) => {
    if (!((lo[j] ?? NaN) <= v)) [lo[j], loAt[j]] = [v, i];
    if (!((hi[j] ?? NaN) >= v)) [hi[j], hiAt[j]] = [v, i];
  };
  const globalsOf = ([data, at]: BufferRow, i: number): ChartRow => {
    const f = memo.get(data, at, () => reading.figuresOf(data, at));
    reasonBits |= f.reasons;
    if (f.goodputGap) goodputGap = true;
    for (let j = 0; j < keys.length; j++) {
      const v = f.values[j] ?? NaN;
      if (Number.isNaN(v)) continue;
      note(j, v, i);
      if (j >= readers.length) continue;
      const before = first[j] ?? NaN;
      if (Number.isNaN(before)) first[j] = v;
      else if (before !== v) differs[j] = 1;
    }
    return f.globals;
  };
  memo.begin(reading.signature);
  forEachBucket(buffer, maxPoints, (bucket) => {
    lo.fill(NaN);
    hi.fill(NaN);
    const [a, b] = lowAndHigh(bucket.map(globalsOf));
    if (a === undefined) return;
    keys.forEach((key, j) => {
      const low = lo[j] ?? NaN;
      const high = hi[j] ?? NaN;
      if (Number.isNaN(low)) return;
      const lowFirst = (loAt[j] ?? 0) <= (hiAt[j] ?? 0);
      a[key] = lowFirst ? low : high;
      if (b !== undefined) b[key] = lowFirst ? high : low;
    });
    rows.push(a, ...(b === undefined ? [] : [b]));
  });
  memo.end();
  return {
    rows,
    reasons: ERROR_REASONS.filter((_, k) => (reasonBits & (1 << k)) !== 0),
    seen: new Set(readers.filter((_, j) => !Number.isNaN(first[j] ?? NaN)).map((r) => r.key)),
    changed: new Set(readers.filter((_, j) => differs[j] === 1).map((r) => r.key)),
    goodputDiffers: goodputGap,
  };
}

/**
 * How much busier (relative) a node must be than the least busy of the last drawn top to take
 * its place. Among many alike nodes (98 services behind one balancer) the means differ by less,
 * and without it the top five traded places at almost every redraw: a new legend each time,
 * and a React render of the cards and a layout of the page with it.
 */
export const TOP_HYSTERESIS = 0.02;

/**
 * The last drawn top `previous` while no other node is clearly busier than its least busy
 * member (TOP_HYSTERESIS), in its order; else the ranking as it is.
 */
function stickyTop(
  ranked: ReadonlyArray<{ id: string; u: number }>,
  previous: readonly string[],
  cut: number,
): string[] {
  const fresh = ranked.slice(0, cut).map((n) => n.id);
  if (previous.length !== cut) return fresh;
  const kept = new Set(previous);
  let weakest = Infinity;
  let strongestOutside = -Infinity;
  let found = 0;
  for (const n of ranked)
    if (kept.has(n.id)) {
      weakest = Math.min(weakest, n.u);
      found += 1;
    } else strongestOutside = Math.max(strongestOutside, n.u);
  const clearlyBusier = strongestOutside > weakest * (1 + TOP_HYSTERESIS) + 1e-9;
  return found === cut && !clearlyBusier ? [...previous] : fresh;
}

/**
 * The nodes worth a line of their own on the utilization and queue charts: the `limit` busiest
 * by mean utilization over the rows held (a mean, so the lines do not swap at every redraw),
 * clients left out (they have no queue). `others` are the rest, drawn as one line. `previous`,
 * the top drawn last, stays as it was while no other node is clearly busier (stickyTop).
 */
export function busiestNodes(
  buffer: MetricsBuffer,
  layout: FrameLayout,
  limit: number,
  maxPoints = MAX_POINTS,
  previous: readonly string[] = [],
  /** Each row's utilizations (a draw's pass keeps them: rowUtilizations.ts). */
  utilizationsOf: UtilizationsOf = readUtilizations(layout),
): { top: string[]; others: string[] } {
  const nodes = layout.nodeIds
    .map((id, index) => ({ id, index, sum: 0, n: 0 }))
    .filter(({ index }) => {
      const type = layout.nodeTypes[index];
      return (
        type !== undefined &&
        answersCalls(type) &&
        nodeOffset(layout, index, 'utilization') !== undefined
      );
    });
  const every = Math.max(1, Math.ceil(buffer.length / maxPoints));
  buffer.forEachRow((data, at) => {
    const u = utilizationsOf(data, at);
    for (const node of nodes) {
      const v = u[node.index] ?? NaN;
      if (Number.isNaN(v)) continue;
      node.sum += v;
      node.n += 1;
    }
  }, every);
  const ranked = nodes
    .filter((n) => n.n > 0)
    .map((n) => ({ id: n.id, u: n.sum / n.n }))
    .sort((a, b) => b.u - a.u);
  // One line for a single leftover node would be that node under another name: draw it itself.
  const cut = ranked.length <= limit + 1 ? ranked.length : limit;
  const top = stickyTop(ranked, previous, cut);
  const inTop = new Set(top);
  return { top, others: ranked.filter((n) => !inTop.has(n.id)).map((n) => n.id) };
}
