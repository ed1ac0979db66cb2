/**
 * What a chart draw reads from one row of the metrics buffer (the window's global figures, the
 * wanted node series, the "others" aggregates), and the memo that keeps it while the row is held
 * (rowMemo.ts). Read here for buildRows (chartData.ts), and ahead of a draw, a frame's budget at
 * a time, for the rows that arrived since the last one (warmRowFigures): at Max speed a third to
 * a half of the rows are new at each draw, and reading them all in the draw's own frame made it
 * the page's longest.
 */
import { ERROR_REASONS, type ErrorReason } from '../../engine/types.ts';
import { COMMON_FIGURES } from '../../model/kinds/figures.ts';
import {
  globalOffset,
  nodeOffset,
  type FrameLayout,
  type GlobalColumn,
} from '../../worker/frame.ts';
import type { MetricsBuffer } from '../../store/metricsBuffer.ts';
import { goodputDiffers } from '../run/format.ts';
import { RowMemo } from './rowMemo.ts';
import {
  nodeKey,
  type ChartRow,
  type NodeAggregate,
  type NodeSeries,
  type SeriesReader,
} from './chartData.ts';

/** End-to-end latency, measured on successful answers only. */
const LATENCY: Array<[string, GlobalColumn]> = [
  ['p50', 'p50'],
  ['p95', 'p95'],
  ['p99', 'p99'],
  ['mean', 'mean'],
];

/**
 * A node's window times (p50Ms, p99Ms) are measured on its successful answers only (the
 * engine's window histogram records ok departures), so a window with none has no such time.
 */
const SUCCESS_TIMES: ReadonlySet<string> = new Set(
  COMMON_FIGURES.filter((f) => f.nature === 'time').map((f) => f.key),
);

/**
 * The global figures of one window, named for what they are: per second, `total` answers are
 * `ok` + `rejected` + other `errors`; each error reason per second (the frame counts them per
 * window, so each reason's share of the window's failures is applied to `failedRps`).
 */
/** Where each error reason's count sits in a row, worked out once (a draw reads every row). */
const REASON_OFFSETS = ERROR_REASONS.map((reason) => ({
  reason,
  offset: globalOffset(`err_${reason}`),
}));

function globalFigures(data: Float64Array, at: number, row: ChartRow, reasons: Set<ErrorReason>) {
  const get = (column: GlobalColumn) => data[at + globalOffset(column)] ?? NaN;
  row['t'] = get('tS');
  const ok = get('okRps');
  const failed = get('failedRps');
  const answered = Number.isNaN(ok) ? get('throughputRps') : ok;
  if (answered > 0)
    for (const [key, column] of LATENCY) {
      const v = get(column);
      if (Number.isFinite(v)) row[key] = v;
    }
  let failures = 0;
  for (const { offset } of REASON_OFFSETS) failures += data[at + offset] || 0;
  for (const { reason, offset } of REASON_OFFSETS) {
    const count = data[at + offset] || 0;
    if (count <= 0 || !(failed > 0)) continue;
    reasons.add(reason);
    row[reason] = (failed * count) / failures;
  }
  if (!Number.isNaN(ok)) row['ok'] = ok;
  if (!Number.isNaN(failed)) {
    const rejected = row['rejected'] ?? 0;
    row['rejected'] = rejected;
    row['errors'] = Math.max(0, failed - rejected);
    if (!Number.isNaN(ok)) row['total'] = ok + failed;
  }
  const goodput = get('goodputRps');
  if (!Number.isNaN(goodput)) row['goodput'] = goodput;
}

function readersFor(layout: FrameLayout, wanted: readonly NodeSeries[]): SeriesReader[] {
  return wanted.flatMap(({ id, columns }) => {
    const index = layout.nodeIds.indexOf(id);
    if (index < 0) return [];
    return columns.flatMap((column) => {
      const offset = nodeOffset(layout, index, column);
      if (offset === undefined) return [];
      const okOffset = SUCCESS_TIMES.has(column) ? nodeOffset(layout, index, 'ok') : undefined;
      return [{ key: nodeKey(column, id), offset, okOffset }];
    });
  });
}

/** An aggregate with the offsets of its nodes' column in a row. */
interface AggregateReader extends NodeAggregate {
  offsets: Float64Array;
}

function aggregateReaders(
  layout: FrameLayout,
  aggregates: readonly NodeAggregate[],
): AggregateReader[] {
  if (aggregates.length === 0) return [];
  // By id once: "others" may be hundreds of nodes, and indexOf for each would be quadratic.
  const indexOf = new Map(layout.nodeIds.map((id, i) => [id, i]));
  return aggregates.map((a) => ({
    ...a,
    // In the row's order, not the ids' (a ranking that changes at every draw): the same nodes
    // read the same way, so a row's figures are kept from draw to draw (rowMemo.ts).
    offsets: Float64Array.from(
      a.ids.flatMap((id) => {
        const index = indexOf.get(id);
        const offset = index === undefined ? undefined : nodeOffset(layout, index, a.column);
        return offset === undefined ? [] : [offset];
      }),
    ).sort(),
  }));
}

/** What a draw works out from one buffer row (kept while the row is held: rowMemo.ts). */
export interface RowFigures {
  /** The window's global figures; shared with later draws, so copied before it is added to. */
  globals: ChartRow;
  /** The error reasons with a count in the window, as bits in ERROR_REASONS' order. */
  reasons: number;
  goodputGap: boolean;
  /** Each reader's value then each aggregate's; NaN where the window has none. */
  values: Float64Array;
}

export type RowFiguresMemo = RowMemo<RowFigures>;

/** Remembers each row's figures from one draw to the next (LiveCharts keeps one). */
export const rowFiguresMemo = (): RowFiguresMemo => new RowMemo<RowFigures>();

/** What the readers and aggregates read: a row's figures are reused only while it holds. */
const signatureOf = (readers: readonly SeriesReader[], groups: readonly AggregateReader[]) =>
  JSON.stringify([
    readers.map((r) => [r.key, r.offset, r.okOffset]),
    groups.map((g) => [g.key, g.how, Array.from(g.offsets)]),
  ]);

/** How a draw reads a row: its series and aggregates, under one signature (rowMemo.ts). */
export interface RowReading {
  readers: readonly SeriesReader[];
  /** The series' keys, the readers' then the aggregates': the order of RowFigures.values. */
  keys: readonly string[];
  signature: string;
  figuresOf: (data: Float64Array, at: number) => RowFigures;
}

export function rowReading(
  layout: FrameLayout,
  wanted: readonly NodeSeries[],
  aggregates: readonly NodeAggregate[],
  /** Series that are not a node's (the regions'). */
  more: readonly SeriesReader[],
): RowReading {
  const readers = [...readersFor(layout, wanted), ...more];
  const groups = aggregateReaders(layout, aggregates);
  const keys = [...readers.map((r) => r.key), ...groups.map((g) => g.key)];
  const figuresOf = (data: Float64Array, at: number): RowFigures => {
    const globals: ChartRow = {};
    const seen = new Set<ErrorReason>();
    globalFigures(data, at, globals, seen);
    const { ok, goodput } = globals;
    const values = new Float64Array(keys.length).fill(NaN);
    readers.forEach(({ offset, okOffset }, j) => {
      const v = data[at + offset] ?? NaN;
      // NaN: not reported this window; ±Infinity (no limit, say) has no place on an axis.
      if (!Number.isFinite(v)) return;
      if (okOffset !== undefined && !((data[at + okOffset] ?? 0) > 0)) return;
      values[j] = v;
    });
    groups.forEach(({ offsets, how }, g) => {
      let sum = 0;
      let n = 0;
      for (let k = 0; k < offsets.length; k++) {
        const v = data[at + (offsets[k] ?? 0)] ?? NaN;
        if (!Number.isFinite(v)) continue;
        sum += v;
        n += 1;
      }
      if (n > 0) values[readers.length + g] = how === 'mean' ? sum / n : sum;
    });
    return {
      globals,
      reasons: ERROR_REASONS.reduce((bits, r, k) => (seen.has(r) ? bits | (1 << k) : bits), 0),
      goodputGap: ok !== undefined && goodput !== undefined && goodputDiffers(ok, goodput),
      values,
    };
  };
  return { readers, keys, signature: signatureOf(readers, groups), figuresOf };
}

/**
 * Reads the figures of the buffer's rows not yet in `memo` until `now()` passes `deadline`;
 * true when some are left (RowMemo.fill). Nothing is let go: the draw's own pass does that.
 */
export function warmRowFigures(
  buffer: MetricsBuffer,
  reading: RowReading,
  memo: RowFiguresMemo,
  deadline: number,
  now: () => number,
): boolean {
  memo.begin(reading.signature);
  return memo.fill((visit) => buffer.forEachRow(visit), reading.figuresOf, deadline, now);
}
